using Npgsql;
using ReportHub.Scale.Tests.Support;

namespace ReportHub.Scale.Tests.Workers.Support;

/// <summary>
/// A PostgreSQL cluster of the fault test's own (a <see cref="PostgresCluster"/>), so that restarting it mid-run
/// does not disturb other tests that share the suite's server. It holds one database, reporthub.
/// </summary>
public sealed class RestartablePostgres : IDisposable
{
    private readonly PostgresCluster _cluster;

    private RestartablePostgres(PostgresCluster cluster)
    {
        _cluster = cluster;
        ConnectionString = $"Host=127.0.0.1;Port={cluster.Port};Username={cluster.Superuser};Database=reporthub;Timeout=5;Command Timeout=60";
    }

    public string ConnectionString { get; }

    public static RestartablePostgres Start()
    {
        var server = new RestartablePostgres(PostgresCluster.Start("rh-workers-pg-", "postgres", "-c max_connections=200",
            "Install PostgreSQL to run the worker fault test."));
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand("CREATE DATABASE reporthub", connection);
            create.ExecuteNonQuery();
        }
        return server;
    }

    /// <summary>pg_ctl restart -m fast: every connection is cut, the server is back a moment later.</summary>
    public void Restart() => _cluster.Restart();

    public void Dispose() => _cluster.Dispose();
}
