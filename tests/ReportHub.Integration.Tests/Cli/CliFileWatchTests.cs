using System.Diagnostics;

namespace ReportHub.Integration.Tests.Cli;

/// <summary>
/// The CLI reads its settings once. A watcher on appsettings.json costs one inotify instance per process (128 per user
/// by default), and a script or a test run that starts many commands at once would run out of them.
/// </summary>
public sealed class CliFileWatchTests
{
    [Fact]
    public async Task WatchCommandHoldsNoInotifyInstance()
    {
        Assert.True(OperatingSystem.IsLinux(), "inotify instances are a Linux resource; the suite runs on Linux.");
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var dll = Path.Combine(RepoPaths.Root, "artifacts", "bin", "ReportHub.Ingest", "debug", "reporthub.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = cli.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("watch");
        foreach (var arg in cli.Config)
        {
            start.ArgumentList.Add(arg);
        }
        var log = new System.Text.StringBuilder();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        // Drained as it comes, so the worker never blocks on a full pipe; its first loop line says it is watching.
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.AppendLine(e.Data);
            }
            if (e.Data.Contains("Worker running", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromSeconds(90));
            Assert.False(process.HasExited, $"watch stopped: {log}");

            var inotify = Directory.GetFiles($"/proc/{process.Id}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Count(target => target is not null && target.Contains("inotify", StringComparison.Ordinal));

            Assert.Equal(0, inotify);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(stop.Token);
        }
    }
}
