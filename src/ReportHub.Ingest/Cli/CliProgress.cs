using System.Diagnostics;
using Spectre.Console;

namespace ReportHub.Ingest.Cli;

/// <summary>
/// A progress bar for long runs (`ingest` of a folder, `replay`) on a terminal: files done, files per second and the
/// current file. Scripts never see it: with `--json`, or when stdout is redirected, each result line is printed alone.
/// </summary>
internal sealed class CliProgress
{
    private readonly ProgressTask? _task;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int? _total;
    private int _done;
    private string _current = "";

    private CliProgress(ProgressTask? task, int? total)
    {
        _task = task;
        _total = total;
    }

    public static bool Enabled(bool json) =>
        !json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <param name="total">The number of files when known; null shows a bar that only moves.</param>
    public static async Task RunAsync(bool json, int? total, Func<CliProgress, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!Enabled(json))
        {
            await work(new CliProgress(null, total));
            return;
        }
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("Đang bắt đầu…", maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                await work(new CliProgress(task, total));
                task.StopTask();
            });
    }

    public void Starting(string file)
    {
        _current = Path.GetFileName(file);
        Refresh();
    }

    // Files are read ahead of the one being stored, so the count is refreshed when a file is done, not only when the
    // next one starts.
    private void Refresh()
    {
        if (_task is not null)
        {
            _task.Description = Markup.Escape(Describe(_current));
        }
    }

    /// <summary>Counts a finished file and prints its result line (above the bar, which keeps its place).</summary>
    public void Done(string line)
    {
        _done++;
        if (_task is null)
        {
            Console.WriteLine(line);
            return;
        }
        AnsiConsole.WriteLine(line);
        _task.Increment(1);
        Refresh();
    }

    private string Describe(string current)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var count = _total is { } total ? $"{_done}/{total} tệp" : $"{_done} tệp";
        return $"{count} · {_done / seconds:0.0} tệp/giây · {current}";
    }
}
