using System.Diagnostics;
using System.Globalization;

namespace ReportHub.Bench;

internal static class Paths
{
    public static string WorkDir { get; } = Path.Combine(Path.GetTempPath(), "reporthub-bench");

    public static string DefaultReportsDir { get; } = Path.Combine(WorkDir, "reports");

    /// <summary>The repository root: the folder above the working directory or the binary that holds ReportHub.sln.</summary>
    public static string Repo { get; } = FindRepo();

    public static string Samples => Path.Combine(Repo, "samples");

    private static string FindRepo()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ReportHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("ReportHub.sln not found above the working directory or the binary; run from the repository");
    }
}

/// <summary>Runs this same binary as a child process and collects its "RESULT k=v ..." line.</summary>
internal static class Child
{
    public sealed record Outcome(double WallMs, int ExitCode, IReadOnlyDictionary<string, string> Values, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var psi = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Started as `dotnet ReportHub.Bench.dll`: pass the dll again.
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            psi.ArgumentList.Add(typeof(Child).Assembly.Location);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start child");
        var stderrTask = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        var values = new Dictionary<string, string>();
        foreach (var line in stdout.Split('\n'))
        {
            if (!line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var pair in line[7..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                values[pair[..eq]] = pair[(eq + 1)..];
            }
        }
        return new Outcome(sw.Elapsed.TotalMilliseconds, p.ExitCode, values, stderrTask.Result);
    }

    /// <summary>The line a child prints last: its own elapsed time and memory figures.</summary>
    public static void Report(string extra, TimeSpan elapsed)
    {
        var managed = GC.GetTotalMemory(false);
        var ws = Environment.WorkingSet;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT inner_ms={elapsed.TotalMilliseconds:0.0} managed_mb={managed / 1048576.0:0.0} ws_mb={ws / 1048576.0:0.0} peak_ws_mb={peak / 1048576.0:0.0} {extra}"));
    }
}

internal static class Stats
{
    public static (double Median, double Min, double Max) Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return (median, sorted[0], sorted[^1]);
    }

    public static string Cell((double Median, double Min, double Max) s, string format = "0") =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}–{s.Max.ToString(format, CultureInfo.InvariantCulture)})");
}
