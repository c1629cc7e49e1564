using System.Diagnostics;
using System.Globalization;

namespace ReportHub.Bench.Run;

/// <summary>A finished child process: its wall time as the parent saw it, its output and its peak resident set.</summary>
internal sealed record ProcResult
{
    public required double WallSeconds { get; init; }
    public required int ExitCode { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }

    /// <summary>From /usr/bin/time -v ("Maximum resident set size"), or null without it.</summary>
    public double? PeakRssMb { get; init; }
}

/// <summary>Starts whole processes, optionally under /usr/bin/time -v so their peak RSS is known after they exit.</summary>
internal static class Proc
{
    private const string TimeBinary = "/usr/bin/time";
    private const string RssMarker = "Maximum resident set size (kbytes):";

    public static bool CanMeasureRss => File.Exists(TimeBinary);

    public static ProcResult Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null,
        bool measureRss = false, string? workingDirectory = null)
    {
        var wrapped = measureRss && CanMeasureRss;
        var psi = new ProcessStartInfo(wrapped ? TimeBinary : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Paths.Repo,
        };
        if (wrapped)
        {
            psi.ArgumentList.Add("-v");
            psi.ArgumentList.Add(file);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        var stderr = stderrTask.Result;
        double? rss = null;
        if (wrapped)
        {
            var at = stderr.LastIndexOf(RssMarker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var tail = stderr[(at + RssMarker.Length)..].TrimStart();
                var end = tail.IndexOf('\n', StringComparison.Ordinal);
                rss = long.Parse(end < 0 ? tail : tail[..end], CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return new ProcResult { WallSeconds = sw.Elapsed.TotalSeconds, ExitCode = p.ExitCode, Stdout = stdout, Stderr = stderr, PeakRssMb = rss };
    }

    /// <summary>Runs and fails the benchmark when the process fails: a number from a failed run would be a lie.</summary>
    public static ProcResult Check(ProcResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new BenchFailure($"{what} exited with {result.ExitCode}:\n{Tail(result.Stderr)}\n{Tail(result.Stdout)}");
        }
        return result;
    }

    public static string Tail(string text, int chars = 2000) => text.Length <= chars ? text : "…" + text[^chars..];

    /// <summary>A live process's kB figure from /proc/PID/status (VmHWM is its peak resident set so far).</summary>
    public static double? StatusMb(int pid, string key)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return null;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = line[(key.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return null;
    }
}

/// <summary>The run cannot give an honest number: a process failed or a total did not match.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
