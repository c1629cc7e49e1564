using ReportHub.Warehouse.Templates;
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

namespace ReportHub.Scale.Tests.Support;

/// <summary>
/// The warehouse providers the suite runs against, each giving a fresh, empty database per test:
/// SQLite always (a temp file); PostgreSQL always (<see cref="PostgresServer"/>: from REPORTHUB_TEST_POSTGRES or a
/// cluster the tests start; never skipped); SQL Server when REPORTHUB_TEST_SQLSERVER holds a connection string
/// (otherwise <see cref="SqlServerNotRunReason"/> says why, and test.sh prints it).
/// </summary>
public static class Warehouses
{
    public const string SqlServerVariable = "REPORTHUB_TEST_SQLSERVER";

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

/// <summary>One fresh database on one provider, with the stores built over it. Disposing it drops the database.</summary>
public sealed class TestWarehouse : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    internal TestWarehouse(WarehouseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        Db = new Db(Options);
    }

    public WarehouseProvider Provider { get; }

    public string ConnectionString { get; }

    public WarehouseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    public Db Db { get; }

    public Migrator Migrator => new(Db, NullLogger<Migrator>.Instance);

    public ReferenceStore Reference => new(Db);

    public SubmissionStore Submissions => new(Db);

    public RollupService Rollups => new(Db, Reference, new TemplateStore(Db), TimeProvider.System);

    /// <summary>The configuration flags that point the CLI at this database.</summary>
    public IReadOnlyList<string> ConfigArgs =>
        [$"--Warehouse:Provider={Provider}", $"--Warehouse:ConnectionString={ConnectionString}"];

    /// <summary>The configuration keys that point a host (the API, a worker) at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Warehouse:Provider"] = Provider.ToString(),
        ["Warehouse:ConnectionString"] = ConnectionString,
    };

    public async Task<TestWarehouse> MigrateAsync()
    {
        await Migrator.MigrateAsync(CancellationToken.None);
        return this;
    }

    /// <summary>The ingestion and rollup services (as the CLI builds them) over this database, plus any extra settings.</summary>
    public ServiceProvider Services(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Samples:Path"] = RepoPaths.Samples };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddIngestion(configuration);
        services.AddRollups();
        return services.BuildServiceProvider();
    }

    public override string ToString() => Db.Describe();

    public async ValueTask DisposeAsync() => await _drop();
}
