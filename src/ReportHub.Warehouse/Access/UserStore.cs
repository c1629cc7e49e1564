using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Access;

/// <summary>The SQL over <c>users</c>. Hashing and lockout rules live in the pipeline's account service.</summary>
public sealed class UserStore(Db db)
{
    private const string Columns = """
        id AS Id, user_name AS UserName, display_name AS DisplayName, password_hash AS PasswordHash, role AS Role,
        unit_code AS UnitCode, disabled AS Disabled, failed_count AS FailedCount, locked_until AS LockedUntil,
        created_at AS CreatedAt
        """;

    private const string SelectByName = $"SELECT {Columns} FROM users WHERE user_name = @UserName";

    private const string SelectAll = $"SELECT {Columns} FROM users ORDER BY user_name";

    private const string InsertValues = """
        (user_name, display_name, password_hash, role, unit_code, disabled, failed_count, locked_until, created_at)
        VALUES (@UserName, @DisplayName, @PasswordHash, @Role, @UnitCode, 0, 0, NULL, @CreatedAt)
        """;

    private const string UpdateFailures = "UPDATE users SET failed_count = @FailedCount, locked_until = @LockedUntil WHERE id = @Id";

    private const string UpdatePassword = """
        UPDATE users SET password_hash = @PasswordHash, failed_count = 0, locked_until = NULL WHERE user_name = @UserName
        """;

    private const string UpdateDisabled = "UPDATE users SET disabled = @Disabled WHERE user_name = @UserName";

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
        DateTimeOffset createdAt, CancellationToken cancellationToken)
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
        }, cancellationToken: cancellationToken));
    }

    public async Task RecordFailuresAsync(long id, int failedCount, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpdateFailures, new { Id = id, FailedCount = failedCount, LockedUntil = lockedUntil }, cancellationToken: cancellationToken));
    }

    public async Task<bool> SetPasswordAsync(string userName, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdatePassword, new { UserName = userName, PasswordHash = passwordHash }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(UpdateDisabled, new { UserName = userName, Disabled = disabled ? 1 : 0 }, cancellationToken: cancellationToken)) > 0;
    }
}
