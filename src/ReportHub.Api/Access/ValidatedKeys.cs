using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ReportHub.Api.Caching;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Access;

/// <summary>
/// Keys the warehouse already confirmed, so a script calling many times costs one key lookup per warehouse change
/// rather than one per request. An entry is the key's row and the warehouse version it was read at; it is used only
/// while that version is still current (<see cref="WarehouseChanges"/>). Revoking a key is a commit, so the very next
/// request after `keys revoke` (from the admin page or from the CLI in another process) reads the row again and is
/// refused. Expiry is checked against the clock on every use. Entries are found by the SHA-256 of the presented key,
/// never the key itself, and only genuine keys are kept: a caller trying secrets cannot fill the memory.
/// </summary>
public sealed class ValidatedKeys(ApiKeyService keys, WarehouseChanges changes, TimeProvider clock)
{
    // Far above the number of keys a province hands out; reaching it only costs one lookup per key again.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKeyRow?> ValidateAsync(HttpContext context, string presented, CancellationToken cancellationToken)
    {
        // Read before the lookup: a commit landing in between makes the entry stale at once, never the other way round.
        if (await changes.VersionAsync(context, cancellationToken) is not { } version)
        {
            return await keys.ValidateAsync(presented, cancellationToken);
        }
        var id = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
        if (_entries.TryGetValue(id, out var entry) && entry.Version == version && !Expired(entry.Row))
        {
            return entry.Row;
        }
        var row = await keys.ValidateAsync(presented, cancellationToken);
        if (row is null)
        {
            _entries.TryRemove(id, out _);
            return null;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[id] = new Entry(row, version);
        return row;
    }

    private bool Expired(ApiKeyRow row) => row.ExpiresAt is { } expires && expires <= clock.GetUtcNow();

    private sealed record Entry(ApiKeyRow Row, long Version);
}
