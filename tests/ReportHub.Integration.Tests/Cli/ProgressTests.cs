using System.Diagnostics;

namespace ReportHub.Integration.Tests.Cli;

/// <summary>
/// `ingest` of a folder shows a progress bar on a terminal and stays silent for scripts. The built CLI runs
/// as a child process, once with stdout redirected and once on a pseudo-terminal (util-linux `script`).
/// </summary>
public sealed class ProgressTests
{
    private static readonly string[] Reports = ["sct-2162-seed004.xlsx", "skhcn-1187.xlsx", "syt-3254.xlsx"];

    private static string Folder(CliWorkspace cli)
    {
        var folder = Path.Combine(cli.Folder, "reports");
        Directory.CreateDirectory(folder);
        foreach (var name in Reports)
        {
            File.Copy(RepoPaths.SampleReport(name), Path.Combine(folder, name));
        }
        return folder;
    }

    [Fact]
    public async Task FolderIngestWithRedirectedOutputPrintsOnlyOneLinePerFile()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunProcessAsync("init")).ExitCode);

        var run = await cli.RunProcessAsync("ingest", Folder(cli));

        Assert.Equal(0, run.ExitCode);
        // One result per file (warnings follow their file's line, indented), and nothing else.
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Reports.Length, lines.Count(l => l.StartsWith("ĐÃ NHẬN", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.True(l.StartsWith("ĐÃ NHẬN", StringComparison.Ordinal) || l.StartsWith(' '), l));
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain("tệp/giây", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderIngestOnATerminalShowsFilesPerSecondAndStillEveryResult()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunProcessAsync("init")).ExitCode);
        var dll = Path.Combine(RepoPaths.Root, "artifacts", "bin", "ReportHub.Ingest", "debug", "reporthub.dll");
        var command = string.Join(' ', new[] { "dotnet", dll, "ingest", Folder(cli) }.Concat(cli.Config).Select(Quote));

        var start = new ProcessStartInfo("script", ["-q", "-e", "-c", command, "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = cli.Folder,
        };
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;

        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("tệp/giây", text, StringComparison.Ordinal);
        Assert.Contains('\u001b', text);
        Assert.Equal(Reports.Length, text.Split("ĐÃ NHẬN", StringSplitOptions.None).Length - 1);
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
