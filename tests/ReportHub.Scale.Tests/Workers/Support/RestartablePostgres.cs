using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using ReportHub.Scale.Tests.Support;

namespace ReportHub.Scale.Tests.Workers.Support;

/// <summary>
/// A PostgreSQL cluster of the fault test's own, so that restarting it mid-run does not disturb other tests that
/// share the suite's server. initdb and pg_ctl run as the postgres user when the tests run as root.
/// </summary>
public sealed class RestartablePostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    private RestartablePostgres(string bin, string folder, string? runAs, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=reporthub;Timeout=5;Command Timeout=60";
    }

    public string ConnectionString { get; }

    private string Data => Path.Combine(_folder, "data");

    public static RestartablePostgres Start()
    {
        var bin = new[] { "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin" }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : [])
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException("initdb/pg_ctl not found: install PostgreSQL to run the worker fault test");
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var folder = Directory.CreateTempSubdirectory("rh-workers-pg-").FullName;
        if (runAs is not null)
        {
            Check(Run("chown", ["-R", runAs, folder], null));
        }
        Check(Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs));
        var port = FreePort();
        var server = new RestartablePostgres(bin, folder, runAs, port);
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off -c max_connections=200";
        Check(Run(Path.Combine(bin, "pg_ctl"), ["-D", server.Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"], runAs));
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand("CREATE DATABASE reporthub", connection);
            create.ExecuteNonQuery();
        }
        return server;
    }

    /// <summary>pg_ctl restart -m fast: every connection is cut, the server is back a moment later.</summary>
    public void Restart() =>
        Check(Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-m", "fast", "restart"], _runAs));

    public void Dispose()
    {
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "stop"], _runAs);
        RepoPaths.TryDelete(_folder);
    }

    private static void Check((int Code, string Output) result)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException(result.Output);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static (int Code, string Output) Run(string file, string[] args, string? runAs)
    {
        var info = new ProcessStartInfo(runAs is null ? file : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out");
        }
        // pg_ctl leaves the server holding inherited pipes, so the output is read only briefly.
        var done = Task.WhenAll(stdout, stderr).Wait(TimeSpan.FromSeconds(2));
        return (process.ExitCode, $"{file} {string.Join(' ', args)}: " + (done ? stdout.Result + stderr.Result : ""));
    }
}
