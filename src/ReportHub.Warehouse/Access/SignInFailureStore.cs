using System.Data.Common;
using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>Failed sign-ins by account name and client address (<c>sign_in_failures</c>). The lockout rules live in the pipeline's account service.</summary>
public sealed class SignInFailureStore(Db db)
{
    private const string Select = """
        SELECT user_name AS UserName, address AS Address, failed_count AS FailedCount, locked_until AS LockedUntil,
               last_failed_at AS LastFailedAt
        FROM sign_in_failures WHERE user_name = @UserName AND address = @Address
        """;

    private const string Update = """
        UPDATE sign_in_failures SET failed_count = @FailedCount, locked_until = @LockedUntil, last_failed_at = @At
        WHERE user_name = @UserName AND address = @Address
        """;

    private const string Insert = """
        INSERT INTO sign_in_failures (user_name, address, failed_count, locked_until, last_failed_at)
        VALUES (@UserName, @Address, @FailedCount, @LockedUntil, @At)
        """;

    // Rows nobody failed on for a day hold no lock and no count worth keeping; whoever fails next clears them.
    private const string DeleteStale = "DELETE FROM sign_in_failures WHERE last_failed_at < @Before";

    private const string DeleteOne = "DELETE FROM sign_in_failures WHERE user_name = @UserName AND address = @Address";

    private const string DeleteName = "DELETE FROM sign_in_failures WHERE user_name = @UserName";

    public async Task<SignInFailureRow?> FindAsync(string userName, string address, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SignInFailureRow>(new CommandDefinition(Select,
            new { UserName = userName, Address = address }, cancellationToken: cancellationToken));
    }

    /// <summary>Writes the name's count and lock for the address, and forgets rows older than <paramref name="staleBefore"/>.</summary>
    public async Task RecordAsync(string userName, string address, int failedCount, DateTimeOffset? lockedUntil, DateTimeOffset at,
        DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            UserName = userName,
            Address = address,
            FailedCount = failedCount,
            LockedUntil = lockedUntil is { } until ? InstantHandler.Format(until) : null,
            At = InstantHandler.Format(at),
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteStale, new { Before = InstantHandler.Format(staleBefore) }, cancellationToken: cancellationToken));
        if (await connection.ExecuteAsync(new CommandDefinition(Update, parameters, cancellationToken: cancellationToken)) > 0)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, parameters, cancellationToken: cancellationToken));
        }
        catch (DbException)
        {
            // Two failures from the same place at the same moment: the other one inserted the row first.
            await connection.ExecuteAsync(new CommandDefinition(Update, parameters, cancellationToken: cancellationToken));
        }
    }

    /// <summary>A successful sign-in from the address.</summary>
    public async Task ClearAsync(string userName, string address, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteOne, new { UserName = userName, Address = address }, cancellationToken: cancellationToken));
    }

    /// <summary>Every address's count and lock for the name: a new password was set by an administrator.</summary>
    public async Task ClearNameAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteName, new { UserName = userName }, cancellationToken: cancellationToken));
    }
}
