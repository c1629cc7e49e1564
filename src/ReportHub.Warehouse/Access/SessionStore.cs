using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>The SQL over <c>sessions</c>. Ids are made and hashed by the pipeline's session service; only hashes land here.</summary>
public sealed class SessionStore(Db db)
{
    private const string Insert = """
        INSERT INTO sessions (id_hash, user_id, stamp, created_at) VALUES (@IdHash, @UserId, @Stamp, @CreatedAt)
        """;

    // Sessions that ended without a sign-out (a closed browser) leave their row; the owner's next sign-in clears them.
    private const string DeleteStale = "DELETE FROM sessions WHERE user_id = @UserId AND created_at < @Before";

    private const string SelectById = """
        SELECT s.user_id AS UserId, u.user_name AS UserName, s.stamp AS Stamp, u.security_stamp AS UserStamp,
               u.disabled AS Disabled, s.created_at AS CreatedAt
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = @IdHash
        """;

    private const string Delete = "DELETE FROM sessions WHERE id_hash = @IdHash";

    public async Task InsertAsync(string idHash, long userId, string stamp, DateTimeOffset createdAt, DateTimeOffset staleBefore,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Instants go as ISO-8601 text, which compares in time order in every dialect (a timestamptz parameter would not compare with text).
        await connection.ExecuteAsync(new CommandDefinition(DeleteStale, new { UserId = userId, Before = InstantHandler.Format(staleBefore) }, tx,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { IdHash = idHash, UserId = userId, Stamp = stamp, CreatedAt = InstantHandler.Format(createdAt) }, tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<SessionRow?> FindAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(SelectById, new { IdHash = idHash }, cancellationToken: cancellationToken));
    }

    /// <summary>False when there was no such session (already ended).</summary>
    public async Task<bool> DeleteAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Delete, new { IdHash = idHash }, cancellationToken: cancellationToken)) > 0;
    }
}
