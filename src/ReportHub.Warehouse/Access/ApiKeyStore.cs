using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>The SQL over <c>api_keys</c>. Keys are made and checked by the pipeline's key service; only hashes land here.</summary>
public sealed class ApiKeyStore(Db db)
{
    private const string Columns = """
        id AS Id, prefix AS Prefix, key_hash AS KeyHash, role AS Role, unit_code AS UnitCode, label AS Label,
        created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt
        """;

    private const string SelectByPrefix = $"SELECT {Columns} FROM api_keys WHERE prefix = @Prefix";

    private const string SelectAll = $"SELECT {Columns} FROM api_keys ORDER BY id";

    private const string InsertValues = """
        (prefix, key_hash, role, unit_code, label, created_at, expires_at, revoked_at)
        VALUES (@Prefix, @KeyHash, @Role, @UnitCode, @Label, @CreatedAt, @ExpiresAt, NULL)
        """;

    private const string Revoke = "UPDATE api_keys SET revoked_at = @RevokedAt WHERE prefix = @Prefix AND revoked_at IS NULL";

    public async Task<ApiKeyRow?> FindAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(SelectByPrefix, new { Prefix = prefix }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken))];
    }

    public async Task<long> InsertAsync(string prefix, string keyHash, string role, string? unitCode, string? label,
        DateTimeOffset createdAt, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.InsertReturningId(InsertValues, "api_keys"), new
        {
            Prefix = prefix,
            KeyHash = keyHash,
            Role = role,
            UnitCode = unitCode,
            Label = label,
            CreatedAt = createdAt,
            ExpiresAt = expiresAt,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>False when there is no such key or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(string prefix, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Revoke, new { Prefix = prefix, RevokedAt = at }, cancellationToken: cancellationToken)) > 0;
    }
}
