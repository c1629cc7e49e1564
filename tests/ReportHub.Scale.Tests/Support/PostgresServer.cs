using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ReportHub.Scale.Tests.Support;

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

    /// <summary>initdb + pg_ctl in a temp folder, as a non-root user when this process is root; stopped at exit.</summary>
    private static class OwnCluster
    {
        private const string DbUser = "reporthub";

        public static PostgresServer Start()
        {
            var bin = FindBin() ?? throw new InvalidOperationException(
                "PostgreSQL tests need the server binaries (initdb, pg_ctl) and none were found on PATH or under /usr/lib/postgresql/*/bin. " +
                $"Run ./test.sh (it installs and starts PostgreSQL), install the 'postgresql' package, or set {Variable} to a connection string.");
            var runAs = IsRoot() ? EnsureServiceUser() : null;
            var folder = Directory.CreateTempSubdirectory("reporthub-pg-").FullName;
            var data = Path.Combine(folder, "data");
            if (runAs is not null)
            {
                Run("chown", ["-R", runAs, folder], null);
            }
            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", DbUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs);
            string? lastError = null;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var port = FreePort();
                var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off " +
                    "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
                var (code, output) = TryRun(Path.Combine(bin, "pg_ctl"),
                    ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"], runAs);
                if (code == 0)
                {
                    Watchdog(Path.Combine(bin, "pg_ctl"), data, folder, runAs);
                    var connection = $"Host=127.0.0.1;Port={port};Username={DbUser};Database=postgres";
                    return new PostgresServer(connection, $"own cluster started by the tests ({bin}, 127.0.0.1:{port})");
                }
                lastError = output;
            }
            throw new InvalidOperationException($"pg_ctl could not start PostgreSQL from {bin}: {lastError}");
        }

        /// <summary>
        /// A detached shell that waits for this test process to end, however it ends (even killed), then stops the
        /// cluster and deletes its folder, so no server outlives the tests.
        /// </summary>
        private static void Watchdog(string pgCtl, string data, string folder, string? runAs)
        {
            var stop = runAs is null ? $"'{pgCtl}'" : $"runuser -u {runAs} -- '{pgCtl}'";
            var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
                $"{stop} -D '{data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{folder}'";
            var info = new ProcessStartInfo("setsid")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in (string[])["/bin/sh", "-c", script])
            {
                info.ArgumentList.Add(a);
            }
            var process = Process.Start(info) ?? throw new InvalidOperationException("setsid could not start the cluster's watchdog");
            process.StandardInput.Close();
        }

        private static string? FindBin()
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                {
                    return dir;
                }
            }
            const string root = "/usr/lib/postgresql";
            if (!Directory.Exists(root))
            {
                return null;
            }
            return Directory.EnumerateDirectories(root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin"))
                .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
        }

        private static bool IsRoot() => TryRun("id", ["-u"], null).Output.Trim() == "0";

        // initdb and postgres refuse to run as root.
        private static string EnsureServiceUser()
        {
            if (TryRun("id", ["-u", "postgres"], null).Code == 0)
            {
                return "postgres";
            }
            const string user = "reporthubpg";
            if (TryRun("id", ["-u", user], null).Code != 0)
            {
                Run("useradd", ["-r", "-M", "-s", "/usr/sbin/nologin", user], null);
            }
            return user;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static void Run(string file, string[] args, string? runAs)
        {
            var (code, output) = TryRun(file, args, runAs);
            if (code != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}): {output}");
            }
        }

        private static (int Code, string Output) TryRun(string file, string[] args, string? runAs)
        {
            var info = new ProcessStartInfo(runAs is null ? file : "runuser")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (runAs is not null)
            {
                foreach (var a in (string[])["-u", runAs, "--", file])
                {
                    info.ArgumentList.Add(a);
                }
            }
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
            try
            {
                using var process = Process.Start(info)!;
                // pg_ctl start leaves the server holding inherited pipes; read to end would wait for it to exit.
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill(entireProcessTree: true);
                    return (-1, $"{file} timed out");
                }
                var done = Task.WhenAll(stdout, stderr).Wait(TimeSpan.FromSeconds(2));
                return (process.ExitCode, done ? stdout.Result + stderr.Result : "");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return (-1, $"{file}: {ex.Message}");
            }
        }
    }
}
