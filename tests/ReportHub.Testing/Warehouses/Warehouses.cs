using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ReportHub.Aggregate;
using ReportHub.Aggregate.Rollups;
using ReportHub.Pipeline;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;
using ReportHub.Testing.Repo;
using Xunit;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// The warehouse providers the suite runs against, each giving a fresh, empty database per test:
/// SQLite always (a temp file); PostgreSQL always (<see cref="PostgresServer"/>: from REPORTHUB_TEST_POSTGRES or a
/// cluster the tests start; never skipped); SQL Server when REPORTHUB_TEST_SQLSERVER holds a connection string
/// (otherwise <see cref="SqlServerNotRunReason"/> says why, and test.sh prints it).
/// </summary>
public static class Warehouses
{
    public const string SqlServerVariable = "REPORTHUB_TEST_SQLSERVER";

    public const string ProviderVariable = "REPORTHUB_TEST_WAREHOUSE";

    /// <summary>
    /// The warehouse the API and CLI suites run on: SQLite files by default; test.sh runs the suite a second time with
    /// REPORTHUB_TEST_WAREHOUSE=Postgres (against <see cref="PostgresServer"/>), and SqlServer works when
    /// REPORTHUB_TEST_SQLSERVER names a server.
    /// </summary>
    public static string Provider => Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } p ? p : "Sqlite";

    /// <summary>
    /// A new, empty warehouse on <paramref name="provider"/> (default <see cref="Provider"/>): a SQLite file in the
    /// folder, or a new database on the PostgreSQL or SQL Server. Server databases are left for the server's end,
    /// as the host that uses them may outlive the test.
    /// </summary>
    public static string ConnectionString(string folder, string? provider = null) => (provider ?? Provider) switch
    {
        "Sqlite" => $"Data Source={Path.Combine(folder, "reporthub.db")}",
        "Postgres" => NewPostgresDatabase(),
        "SqlServer" => NewSqlServerDatabase(),
        var other => throw new InvalidOperationException($"{ProviderVariable}={other} is not a provider these tests know (Sqlite, Postgres, SqlServer)."),
    };

    private static string NewPostgresDatabase()
    {
        var server = PostgresServer.GetAsync().GetAwaiter().GetResult();
        var name = $"rh_{Guid.NewGuid():N}";
        ExecutePostgresAsync(server.AdminConnectionString, $"CREATE DATABASE {name}").GetAwaiter().GetResult();
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    private static string NewSqlServerDatabase()
    {
        var admin = SqlServerConnectionString
            ?? throw new InvalidOperationException($"{ProviderVariable}=SqlServer needs {SqlServerVariable}.");
        var name = $"rh_{Guid.NewGuid():N}";
        ExecuteSqlServerAsync(admin, $"CREATE DATABASE [{name}]").GetAwaiter().GetResult();
        return new SqlConnectionStringBuilder(admin) { InitialCatalog = name, Pooling = false }.ConnectionString;
    }

    /// <summary>Provider names for <c>[MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]</c>.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in Available)
            {
                data.Add(provider.ToString());
            }
            return data;
        }
    }

    /// <summary>The server providers only (for comparisons with SQLite).</summary>
    public static TheoryData<string> ServerProviders
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var provider in Available.Where(p => p != WarehouseProvider.Sqlite))
            {
                data.Add(provider.ToString());
            }
            return data;
        }
    }

    public static IReadOnlyList<WarehouseProvider> Available =>
        SqlServerConnectionString is null
            ? [WarehouseProvider.Sqlite, WarehouseProvider.Postgres]
            : [WarehouseProvider.Sqlite, WarehouseProvider.Postgres, WarehouseProvider.SqlServer];

    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Null when the SQL Server suite runs; otherwise why it does not.</summary>
    public static string? SqlServerNotRunReason => SqlServerConnectionString is null ? $"{SqlServerVariable} is not set" : null;

    public static Task<TestWarehouse> CreateAsync(string provider) => CreateAsync(Enum.Parse<WarehouseProvider>(provider));

    /// <summary>A fresh empty database (not migrated) on the provider; dispose it to drop the database.</summary>
    public static async Task<TestWarehouse> CreateAsync(WarehouseProvider provider)
    {
        var name = "rh_" + Guid.NewGuid().ToString("N");
        switch (provider)
        {
            case WarehouseProvider.Sqlite:
            {
                var folder = RepoPaths.NewTempFolder("rh-wh");
                var connection = $"Data Source={Path.Combine(folder, "reporthub.db")}";
                return new TestWarehouse(provider, connection, () =>
                {
                    SqliteConnection.ClearPool(new SqliteConnection(connection));
                    RepoPaths.TryDelete(folder);
                    return Task.CompletedTask;
                });
            }
            case WarehouseProvider.Postgres:
            {
                var server = await PostgresServer.GetAsync();
                await ExecutePostgresAsync(server.AdminConnectionString, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0");
                var connection = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
                return new TestWarehouse(provider, connection, async () =>
                {
                    NpgsqlConnection.ClearPool(new NpgsqlConnection(connection));
                    await ExecutePostgresAsync(server.AdminConnectionString,
                        $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
                    await ExecutePostgresAsync(server.AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\"");
                });
            }
            case WarehouseProvider.SqlServer:
            {
                var admin = SqlServerConnectionString
                    ?? throw new InvalidOperationException($"SQL Server tests need {SqlServerVariable}.");
                await ExecuteSqlServerAsync(admin, $"CREATE DATABASE [{name}]");
                var connection = new SqlConnectionStringBuilder(admin) { InitialCatalog = name }.ConnectionString;
                return new TestWarehouse(provider, connection, async () =>
                {
                    SqlConnection.ClearPool(new SqlConnection(connection));
                    await ExecuteSqlServerAsync(admin,
                        $"IF DB_ID('{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
                });
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    private static async Task ExecutePostgresAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.NoPool(admin));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteSqlServerAsync(string admin, string sql)
    {
        var b = new SqlConnectionStringBuilder(admin) { Pooling = false, InitialCatalog = "master" };
        await using var connection = new SqlConnection(b.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync();
    }
}
