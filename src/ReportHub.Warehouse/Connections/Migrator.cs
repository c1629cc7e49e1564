using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ReportHub.Warehouse.Connections;

/// <summary>Applies the dialect's numbered scripts (Migrations/{Provider}/NNN_name.sql) that have not run yet.</summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       VARCHAR(200) NOT NULL,
            applied_at VARCHAR(40) NOT NULL
        )
        """;

    private const string CreateJournalSqlServer = """
        IF OBJECT_ID('schema_migrations') IS NULL
        CREATE TABLE schema_migrations (
            version    INT PRIMARY KEY,
            name       NVARCHAR(200) NOT NULL,
            applied_at NVARCHAR(40) NOT NULL
        )
        """;

    private const string AppliedVersions = "SELECT version FROM schema_migrations";

    private const string RecordVersion = """
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)
        """;

    // Several processes (API, CLI, workers on other machines) may migrate one server warehouse at the same time:
    // a session lock makes them take turns, and the journal is read only once the lock is held.
    private const string LockPostgres = "SELECT pg_advisory_lock(7305182021)";
    private const string UnlockPostgres = "SELECT pg_advisory_unlock(7305182021)";
    private const string LockSqlServer = """
        DECLARE @r int;
        EXEC @r = sp_getapplock @Resource = 'reporthub:migrations', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 120000;
        IF @r < 0 THROW 50001, 'Timed out waiting for the migration lock', 1;
        """;
    private const string UnlockSqlServer = "EXEC sp_releaseapplock @Resource = 'reporthub:migrations', @LockOwner = 'Session'";

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the scripts up to and including <paramref name="throughVersion"/>: a warehouse as an older release left it.</summary>
    public async Task<int> MigrateAsync(int throughVersion, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var (lockSql, unlockSql) = db.Provider switch
        {
            WarehouseProvider.Postgres => (LockPostgres, UnlockPostgres),
            WarehouseProvider.SqlServer => (LockSqlServer, UnlockSqlServer),
            _ => ((string?)null, (string?)null),
        };
        if (lockSql is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockSql, commandTimeout: 180, cancellationToken: cancellationToken));
        }
        try
        {
            return await MigrateLockedAsync(connection, throughVersion, cancellationToken);
        }
        finally
        {
            if (unlockSql is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(unlockSql, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task<int> MigrateLockedAsync(System.Data.Common.DbConnection connection, int throughVersion, CancellationToken cancellationToken)
    {
        var journal = db.Provider == WarehouseProvider.SqlServer ? CreateJournalSqlServer : CreateJournal;
        await connection.ExecuteAsync(new CommandDefinition(journal, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(AppliedVersions, cancellationToken: cancellationToken))).ToHashSet();
        var count = 0;
        foreach (var script in Scripts(db.Provider).Where(s => s.Version <= throughVersion && !applied.Contains(s.Version)))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var batch in script.Batches)
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: tx, cancellationToken: cancellationToken));
            }
            await connection.ExecuteAsync(new CommandDefinition(RecordVersion,
                new { script.Version, script.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Version} {Name} on {Provider}", script.Version, script.Name, db.Provider);
            count++;
        }
        return count;
    }

    private sealed record Script(int Version, string Name, IReadOnlyList<string> Batches);

    private static IEnumerable<Script> Scripts(WarehouseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = resource[prefix.Length..];
            // Resource names of files that start with a digit get an underscore prefix from MSBuild.
            var name = fileName.TrimStart('_');
            var version = int.Parse(name[..3], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            // "GO" lines split SQL Server batches; other dialects run the script whole.
            var batches = text.Split(["\nGO\n", "\nGO\r\n"], StringSplitOptions.RemoveEmptyEntries)
                .Where(b => !string.IsNullOrWhiteSpace(b)).ToList();
            yield return new Script(version, name, batches);
        }
    }
}
