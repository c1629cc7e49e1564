using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>The audit log: appended to on every state-changing action, read by admins.</summary>
public sealed class AuditStore(Db db)
{
    private const string InsertSql = """
        INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@At, @Actor, @Action, @Target, @Detail)
        """;

    private const string SelectRecent = """
        SELECT at AS At, actor AS Actor, action AS Action, target AS Target, detail AS Detail
        FROM audit_log ORDER BY id DESC
        """;

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, entry, cancellationToken: cancellationToken));
    }

    /// <summary>The latest entries first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var sql = db.Provider == WarehouseProvider.SqlServer
            ? SelectRecent.Replace("SELECT at", $"SELECT TOP ({limit}) at", StringComparison.Ordinal)
            : $"{SelectRecent} LIMIT {limit}";
        return [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(sql, cancellationToken: cancellationToken))];
    }
}
