using System.Diagnostics;
using System.Text.Json;
using ReportHub.Ingest.Cli;
using ReportHub.Testing.Repo;
using ReportHub.Testing.Warehouses;
using Xunit;

namespace ReportHub.Testing.Cli;

/// <summary>
/// A scratch warehouse, inbox, archive and quarantine for the CLI, run in-process (<see cref="RunAsync"/>) or as the
/// built binary (<see cref="RunProcessAsync"/>). The one CLI runner of the suite.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    private readonly string[] _settings;

    /// <param name="samplesPath">Samples:Path; null is the repository's samples folder.</param>
    /// <param name="settings">Further configuration, passed as --Key=Value after the workspace's own.</param>
    /// <param name="provider">Warehouse:Provider; null is the suite's (<see cref="Warehouses.Warehouses.Provider"/>).</param>
    /// <param name="connectionString">Warehouse:ConnectionString; null is a new warehouse in <see cref="Folder"/>.</param>
    public CliWorkspace(string? samplesPath = null, IEnumerable<KeyValuePair<string, string>>? settings = null, string? provider = null,
        string? connectionString = null)
    {
        Folder = RepoPaths.NewTempFolder("rh-cli");
        SamplesPath = samplesPath ?? RepoPaths.Samples;
        Provider = provider ?? Warehouses.Warehouses.Provider;
        ConnectionString = connectionString ?? Warehouses.Warehouses.ConnectionString(Folder, Provider);
        _settings = [.. (settings ?? []).Select(s => $"--{s.Key}={s.Value}")];
    }

    public string Folder { get; }
    public string SamplesPath { get; set; }
    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Direct reads of the stored rows (SQLite only).</summary>
    public SqliteWarehouse Warehouse => new(ConnectionString);
    public string Inbox => Path.Combine(Folder, "inbox");
    public string Archive => Path.Combine(Folder, "archive");
    public string Quarantine => Path.Combine(Folder, "quarantine");

    public string[] Config =>
    [
        $"--Warehouse:Provider={Provider}",
        $"--Warehouse:ConnectionString={ConnectionString}",
        $"--Samples:Path={SamplesPath}",
        $"--Ingest:Inbox={Inbox}",
        $"--Ingest:Archive={Archive}",
        $"--Ingest:Quarantine={Quarantine}",
        "--Ingest:PollSeconds=1",
        .. _settings,
    ];

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Writes the file alone in a new folder, so files of the same name do not meet.</summary>
    public string WriteFile(string name, byte[] content)
    {
        var dir = Path.Combine(Folder, "in-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public async Task InitAsync()
    {
        var run = await RunAsync("init");
        Assert.True(run.ExitCode == 0, "init: " + run);
    }

    /// <summary>Ingests files with --json; returns the exit code and one parsed object per file.</summary>
    public async Task<(int Exit, List<JsonElement> Results)> IngestAsync(IEnumerable<string> files, params string[] extra)
    {
        var run = await RunAsync(["ingest", .. files, "--json", .. extra]);
        var results = run.Lines
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (run.ExitCode, results);
    }

    // Console.Out is process-wide: one in-process run at a time, in every test class.
    private static readonly SemaphoreSlim Console_ = new(1, 1);

    /// <summary>CliApp.RunAsync in this process with Console.Out/Error captured.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        await Console_.WaitAsync();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = await CliApp.RunAsync([.. args, .. Config]).WaitAsync(TimeSpan.FromMinutes(2));
            return new CliRun(code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            Console_.Release();
        }
    }

    /// <summary>The built reporthub.dll in a child process.</summary>
    public Task<CliRun> RunProcessAsync(params string[] args) => RunProcessWithInputAsync(null, args);

    /// <summary>The built reporthub.dll in a child process, with <paramref name="input"/> as its standard input (a password, say).</summary>
    public async Task<CliRun> RunProcessWithInputAsync(string? input, params string[] args)
    {
        var dll = Path.Combine(RepoPaths.Root, "artifacts", "bin", "ReportHub.Ingest", "debug", "reporthub.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args.Concat(Config))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        RepoPaths.TryDelete(Folder);
    }
}
