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
