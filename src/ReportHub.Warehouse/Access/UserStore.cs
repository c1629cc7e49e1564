using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>
/// The SQL over <c>users</c>. Hashing lives in the pipeline's account service; failed sign-ins in
/// <see cref="SignInFailureStore"/>, whose latest lock of the name (from any address; ISO text, so the greatest is the
/// latest) is read back as the account's <see cref="UserRow.LockedUntil"/>.
/// </summary>
public sealed class UserStore(Db db)
{
    private const string Columns = """
        id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role,
        unit_code AS UnitCode, disabled AS Disabled, failed_count AS FailedCount,
        (SELECT MAX(f.locked_until) FROM sign_in_failures f WHERE f.user_name = users.user_name) AS LockedUntil,
        created_at AS CreatedAt, security_stamp AS SecurityStamp
        """;

    private const string SelectByName = $"SELECT {Columns} FROM users WHERE user_name = @UserName";

    private const string SelectAll = $"SELECT {Columns} FROM users ORDER BY user_name";

    private const string InsertValues = """
        (user_name, display_name, password_hash, role, unit_code, disabled, failed_count, locked_until, created_at, security_stamp)
        VALUES (@UserName, @DisplayName, @PasswordHash, @Role, @UnitCode, 0, 0, NULL, @CreatedAt, @SecurityStamp)
        """;

    private const string UpdatePassword = """
        UPDATE users SET password_hash = @PasswordHash, failed_count = 0, locked_until = NULL WHERE user_name = @UserName
        """;

    private const string UpdatePasswordAndStamp = """
        UPDATE users SET password_hash = @PasswordHash, failed_count = 0, locked_until = NULL, security_stamp = @Stamp
        WHERE user_name = @UserName
        """;

    private const string UpdateDisabled = "UPDATE users SET disabled = @Disabled WHERE user_name = @UserName";

    private const string UpdateDisabledAndStamp = "UPDATE users SET disabled = @Disabled, security_stamp = @Stamp WHERE user_name = @UserName";

    private const string DeleteSessions = "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE user_name = @UserName)";

    public async Task<UserRow?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(SelectByName, new { UserName = userName }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<UserRow>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken))];
    }

    /// <summary>Null when the user name is taken.</summary>
    public async Task<long?> InsertAsync(string userName, string displayName, string passwordHash, string role, string? unitCode,
        DateTimeOffset createdAt, string securityStamp, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(SelectByName, new { UserName = userName }, cancellationToken: cancellationToken)) is not null)
        {
            return null;
        }
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(db.InsertReturningId(InsertValues, "users"), new
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            Role = role,
            UnitCode = unitCode,
            CreatedAt = createdAt,
            SecurityStamp = securityStamp,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>The same password in a newer hash format: the account's sessions go on.</summary>
    public async Task<bool> SetPasswordAsync(string userName, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdatePassword, new { UserName = userName, PasswordHash = passwordHash }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>A new password: the new stamp and the deleted rows end every session of the account in one commit.</summary>
    public Task<bool> ResetPasswordAsync(string userName, string passwordHash, string newStamp, CancellationToken cancellationToken) =>
        UpdateEndingSessionsAsync(UpdatePasswordAndStamp, new { UserName = userName, PasswordHash = passwordHash, Stamp = newStamp }, userName, cancellationToken);

    /// <summary>
    /// Disabling ends every session of the account in the same commit; enabling leaves the stamp as it is (a disabled
    /// account has no session left to revive).
    /// </summary>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, string newStamp, CancellationToken cancellationToken)
    {
        if (disabled)
        {
            return await UpdateEndingSessionsAsync(UpdateDisabledAndStamp, new { UserName = userName, Disabled = 1, Stamp = newStamp }, userName, cancellationToken);
        }
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdateDisabled, new { UserName = userName, Disabled = 0 }, cancellationToken: cancellationToken)) > 0;
    }

    private async Task<bool> UpdateEndingSessionsAsync(string update, object parameters, string userName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(update, parameters, tx, cancellationToken: cancellationToken)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(DeleteSessions, new { UserName = userName }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return changed;
    }
}
