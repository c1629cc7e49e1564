using ReportHub.Testing.Repo;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// A throwaway PostgreSQL cluster: initdb + pg_ctl in a temp folder, listening on a free loopback port with its
/// sockets in that folder and fsync off. When this process is root, initdb and postgres (which refuse to run as
/// root) run as a non-root service user through runuser. The one place the tests create, start, restart and stop
/// a cluster: <see cref="PostgresServer"/> starts the suite's shared one, the workers' RestartablePostgres its own.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string? _runAs;

    private PostgresCluster(string bin, string folder, string? runAs, string superuser, int port)
    {
        Bin = bin;
        Folder = folder;
        _runAs = runAs;
        Superuser = superuser;
        Port = port;
    }

    /// <summary>The folder holding initdb and pg_ctl.</summary>
    public string Bin { get; }

    /// <summary>The temp folder: the data directory, the server log and the sockets.</summary>
    public string Folder { get; }

    /// <summary>The superuser initdb created (trust authentication, no password).</summary>
    public string Superuser { get; }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    private string Data => Path.Combine(Folder, "data");

    private string Log => Path.Combine(Folder, "server.log");

    private string PgCtl => Path.Combine(Bin, "pg_ctl");

    /// <summary>
    /// Creates a cluster in a new temp folder named <paramref name="folderPrefix"/>… with <paramref name="superuser"/>
    /// and starts it with <paramref name="settings"/> (extra <c>-c name=value</c> server options) on a free port,
    /// trying another port when one is taken in the meantime. <paramref name="missingHint"/> ends the error when no
    /// PostgreSQL binaries are installed.
    /// </summary>
    public static PostgresCluster Start(string folderPrefix, string superuser, string settings, string missingHint)
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL tests need the server binaries (initdb, pg_ctl) and none were found on PATH or under /usr/lib/postgresql/*/bin. " +
            missingHint);
        var runAs = IsRoot() ? EnsureServiceUser() : null;
        var folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var data = Path.Combine(folder, "data");
        if (runAs is not null)
        {
            Run("chown", ["-R", runAs, folder], null);
        }
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs);
        string? lastError = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var cluster = new PostgresCluster(bin, folder, runAs, superuser, FreePort());
            var options = $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c fsync=off {settings}";
            var (code, output) = TryRun(cluster.PgCtl, ["-D", data, "-l", cluster.Log, "-w", "-t", "60", "-o", options, "start"], runAs);
            if (code == 0)
            {
                return cluster;
            }
            lastError = output;
        }
        throw new InvalidOperationException($"pg_ctl could not start PostgreSQL from {bin}: {lastError}");
    }

    /// <summary>pg_ctl restart -m fast: every connection is cut, the server is back a moment later.</summary>
    public void Restart() =>
        Run(PgCtl, ["-D", Data, "-l", Log, "-w", "-t", "60", "-m", "fast", "restart"], _runAs);

    /// <summary>Stops the server (-m immediate) and deletes its folder.</summary>
    public void Dispose()
    {
        TryRun(PgCtl, ["-D", Data, "-m", "immediate", "stop"], _runAs);
        RepoPaths.TryDelete(Folder);
    }

    /// <summary>
    /// A detached shell that waits for this test process to end, however it ends (even killed), then stops the
    /// cluster and deletes its folder, so no server outlives the tests.
    /// </summary>
    public void StopWhenThisProcessEnds()
    {
        var stop = _runAs is null ? $"'{PgCtl}'" : $"runuser -u {_runAs} -- '{PgCtl}'";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            $"{stop} -D '{Data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{Folder}'";
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
            .FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")));
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
