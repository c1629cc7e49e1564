using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Access;

/// <summary>
/// API keys for scripts: <c>rh_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix is public (it names the key in lists,
/// the audit log and <c>keys revoke</c>); the secret is 256 random bits, shown once and kept only as a hash.
/// </summary>
public sealed class ApiKeyService(ApiKeyStore keys, ReferenceStore reference, IOptions<AccessOptions> options, TimeProvider clock)
{
    private const string Scheme = "rh_";
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int PrefixLength = 10;

    public async Task<CreatedKey> CreateAsync(string role, string? unitCode, string? label, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(role))
        {
            return CreatedKey.Refused(AccountService.UnknownRole(role));
        }
        if (await AccountService.UnitProblemAsync(role, unitCode, reference, cancellationToken) is { } problem)
        {
            return CreatedKey.Refused(problem);
        }
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{Scheme}{prefix}_{secret}";
        var now = clock.GetUtcNow();
        var lifetime = options.Value.KeyLifetimeDays;
        DateTimeOffset? expires = lifetime > 0 ? now.AddDays(lifetime) : null;
        await keys.InsertAsync(prefix, Hash(key), role, role == Roles.Department ? unitCode : null, label, now, expires, cancellationToken);
        return new CreatedKey { Key = key, Prefix = prefix, Role = role, UnitCode = unitCode, ExpiresAt = expires };
    }

    /// <summary>The key's row when it is genuine, not revoked and not expired; otherwise null.</summary>
    public async Task<ApiKeyRow?> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (PrefixOf(presented) is not { } prefix || await keys.FindAsync(prefix, cancellationToken) is not { } row)
        {
            return null;
        }
        var expected = Convert.FromHexString(row.KeyHash);
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        return row.RevokedAt is not null || (row.ExpiresAt is { } expires && expires <= now) ? null : row;
    }

    public Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken) => keys.ListAsync(cancellationToken);

    /// <summary>Revokes by prefix (or by the whole key, whose prefix is taken).</summary>
    public Task<bool> RevokeAsync(string prefixOrKey, CancellationToken cancellationToken) =>
        keys.RevokeAsync(PrefixOf(prefixOrKey) ?? prefixOrKey.Trim(), clock.GetUtcNow(), cancellationToken);

    private static string? PrefixOf(string presented)
    {
        if (presented.Length > 200 || !presented.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }
        var end = presented.IndexOf('_', Scheme.Length);
        return end == Scheme.Length + PrefixLength ? presented[Scheme.Length..end] : null;
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public sealed record CreatedKey
{
    public string? Key { get; init; }
    public string? Prefix { get; init; }
    public string? Role { get; init; }
    public string? UnitCode { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public string? Error { get; init; }

    public bool Succeeded => Key is not null;

    public static CreatedKey Refused(string error) => new() { Error = error.Normalize() };
}
