using Microsoft.Data.Sqlite;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// Makes a running app's warehouse stop answering, for tests of what is said while it is down: the SQLite file is
/// set aside and a folder put in its place (opening it fails), or the PostgreSQL database is dropped.
/// </summary>
public sealed class WarehouseOutage : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    private WarehouseOutage(string? sqlitePath) => _sqlitePath = sqlitePath;

    public static async Task<WarehouseOutage> BeginAsync(string provider, string connectionString)
    {
        if (provider == "Postgres")
        {
            var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database;
            var server = await PostgresServer.GetAsync();
            await using var admin = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE \"{database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
            return new WarehouseOutage(null);
        }
        if (provider != "Sqlite")
        {
            throw new NotSupportedException($"No outage for {provider} in these tests.");
        }
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        SqliteConnection.ClearAllPools();
        foreach (var file in Files(path).Where(File.Exists))
        {
            File.Move(file, file + ".aside");
        }
        Directory.CreateDirectory(path);
        return new WarehouseOutage(path);
    }

    private static string[] Files(string path) => [path, path + "-wal", path + "-shm"];

    /// <summary>Puts a SQLite file back; a dropped PostgreSQL database stays dropped (it was the test's own).</summary>
    public ValueTask DisposeAsync()
    {
        if (_sqlitePath is { } path)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(path, recursive: true);
            foreach (var file in Files(path).Where(f => File.Exists(f + ".aside")))
            {
                File.Move(file + ".aside", file);
            }
        }
        return ValueTask.CompletedTask;
    }
}
