using System.Diagnostics;
using System.Text.Json;
using ReportHub.Ingest.Cli;

namespace ReportHub.Integration.Tests.Support;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<JsonElement> JsonLines => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Err}";
}

/// <summary>A scratch warehouse, inbox, archive and quarantine for the CLI, run in-process or as the built binary.</summary>
public sealed class CliWorkspace : IDisposable
{
    public CliWorkspace(string? samplesPath = null)
    {
        Folder = Paths.NewTempFolder("rh-cli");
        SamplesPath = samplesPath ?? Paths.Samples;
        ConnectionString = Paths.ConnectionString(Folder);
    }

    public string Folder { get; }
    public string SamplesPath { get; set; }
    public string ConnectionString { get; }
    public string Inbox => Path.Combine(Folder, "inbox");
    public string Archive => Path.Combine(Folder, "archive");
    public string Quarantine => Path.Combine(Folder, "quarantine");

    public string[] Config =>
    [
        $"--Warehouse:Provider={Paths.Provider}",
        $"--Warehouse:ConnectionString={ConnectionString}",
        $"--Samples:Path={SamplesPath}",
        $"--Ingest:Inbox={Inbox}",
        $"--Ingest:Archive={Archive}",
        $"--Ingest:Quarantine={Quarantine}",
        "--Ingest:PollSeconds=1",
    ];

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

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
            var code = await CliApp.RunAsync([.. args, .. Config]);
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
    public async Task<CliRun> RunProcessAsync(params string[] args)
    {
        var dll = Path.Combine(Paths.Root, "artifacts", "bin", "ReportHub.Ingest", "debug", "reporthub.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args.Concat(Config))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
