using System.Net.Sockets;
using Npgsql;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// The PostgreSQL server the suite runs against: the one named by <c>REPORTHUB_TEST_POSTGRES</c> (test.sh starts a
/// throwaway cluster and sets it), or else a throwaway cluster this process starts itself with initdb and pg_ctl on
/// a free loopback port, so a bare <c>dotnet test</c> runs the PostgreSQL suite too. When neither works the tests
/// fail with the reason: PostgreSQL is never skipped.
/// </summary>
public sealed class PostgresServer
{
    public const string Variable = "REPORTHUB_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(string adminConnectionString, string origin)
    {
        AdminConnectionString = adminConnectionString;
        Origin = origin;
    }

    /// <summary>A superuser connection to the maintenance database (postgres).</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from, for test output.</summary>
    public string Origin { get; }

    public string Version { get; private set; } = "";

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        PostgresServer server;
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            server = new PostgresServer(given, $"{Variable} ({Describe(given)})");
        }
        else
        {
            server = OwnCluster.Start();
        }
        try
        {
            await using var connection = new NpgsqlConnection(NoPool(server.AdminConnectionString));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            server.Version = (string)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"PostgreSQL from {server.Origin} does not answer: {ex.Message}", ex);
        }
        return server;
    }

    public static string NoPool(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}";
    }

    /// <summary>
    /// A <see cref="PostgresCluster"/> of the suite's own, left running for every test and stopped (folder deleted)
    /// by its watchdog once this test process ends, however it ends.
    /// </summary>
    private static class OwnCluster
    {
        private const string DbUser = "reporthub";

        public static PostgresServer Start()
        {
            var cluster = PostgresCluster.Start("reporthub-pg-", DbUser,
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                $"Run ./test.sh (it installs and starts PostgreSQL), install the 'postgresql' package, or set {Variable} to a connection string.");
            cluster.StopWhenThisProcessEnds();
            var connection = $"Host=127.0.0.1;Port={cluster.Port};Username={DbUser};Database=postgres";
            return new PostgresServer(connection, $"own cluster started by the tests ({cluster.Bin}, 127.0.0.1:{cluster.Port})");
        }
    }
}
