using ReportHub.Bench.Generation;
using static ReportHub.Bench.Run.Measure;

namespace ReportHub.Bench.Run;

/// <summary>W1 (a whole round through `reporthub ingest`) and W2 (one very large report), each into a fresh warehouse.</summary>
internal static class IngestWorkloads
{
    /// <summary>W1; returns the row and the last run's warehouse, which W4 and W5 serve.</summary>
    public static (ResultRow Row, string Database) RoundIngest(string dir, ExpectedRound expected, BenchSettings settings)
    {
        var times = new List<double>();
        var database = "";
        for (var i = 0; i < settings.Runs; i++)
        {
            database = Path.Combine(settings.WorkDir, F($"w1-{i}.db"));
            Tools.InitWarehouse(database);
            var result = Proc.Check(Tools.Cli(database, ["ingest", dir, "--json"], measureRss: true), "W1 reporthub ingest");
            Expect("W1 ingest --json", AcceptedFigures(result.Stdout, expected.Files.Count), expected);
            Expect("W1 reporthub totals", Tools.CliTotals(database, expected.Round), expected);
            times.Add(result.WallSeconds);
            Console.WriteLine(F($"  W1 run {i + 1}: {result.WallSeconds:0.00} s, peak RSS {result.PeakRssMb:0} MB"));
        }
        var side = SideBySideTimes.Measure(dir, expected, settings);
        var ratio = Median(side.Peer) / Median(times);
        var rows = expected.Files.Count * (long)settings.W1QrRows;
        return (new ResultRow
        {
            Workload = F($"W1: `reporthub ingest` of {expected.Files.Count} units × {settings.W1QrRows:N0} QR rows into SQLite"),
            ReportHub = Seconds(times),
            Floor = Seconds(side.Floor),
            Baseline = Seconds(side.Baseline),
            Peer = Seconds(side.Peer),
            Ratio = F($"{ratio:0.00}× faster than the peer; {Median(times) / Median(side.Floor):0.0}× the floor ({rows:N0} rows)"),
            Goal = "≥ 5× faster than the peer",
            Met = ratio >= 5 ? "yes" : F($"no: {5 / ratio:0.0}× short"),
        }, database);
    }

    public static ResultRow LargeReport(string dir, ExpectedRound expected, BenchSettings settings)
    {
        var times = new List<double>();
        var rss = new List<double>();
        var file = Path.Combine(dir, expected.Files[0].File);
        for (var i = 0; i < settings.Runs; i++)
        {
            var database = Path.Combine(settings.WorkDir, "w2.db");
            Tools.InitWarehouse(database);
            var result = Proc.Check(Tools.Cli(database, ["ingest", file, "--json"], measureRss: true), "W2 reporthub ingest");
            Expect("W2 ingest --json", AcceptedFigures(result.Stdout, 1), expected);
            times.Add(result.WallSeconds);
            rss.Add(result.PeakRssMb ?? double.NaN);
            Console.WriteLine(F($"  W2 run {i + 1}: {result.WallSeconds:0.00} s, peak RSS {result.PeakRssMb:0} MB"));
        }
        var side = SideBySideTimes.Measure(dir, expected, settings);
        var rowsPerSecond = settings.W2QrRows / Median(times);
        var peakMb = Median(rss);
        var okSpeed = rowsPerSecond >= 80_000;
        var okMemory = peakMb <= 250;
        string Rate(IReadOnlyList<double> t) => F($"{settings.W2QrRows / Median(t):N0} rows/s ({Median(t):0.00} s)");
        return new ResultRow
        {
            Workload = F($"W2: one report with {settings.W2QrRows:N0} QR rows"),
            ReportHub = F($"{rowsPerSecond:N0} rows/s ({Seconds(times)}), peak RSS {peakMb:0} MB"),
            Floor = Rate(side.Floor),
            Baseline = Rate(side.Baseline),
            Peer = Rate(side.Peer),
            Ratio = F($"{Median(side.Peer) / Median(times):0.00}× faster than the peer; {Median(times) / Median(side.Floor):0.0}× the floor"),
            Goal = "≥ 80,000 rows/s, ≤ 250 MB",
            Met = okSpeed && okMemory ? "yes" : F($"no: {(okSpeed ? "" : $"speed at {rowsPerSecond / 80_000:P0} of the goal")}{(okSpeed || okMemory ? "" : "; ")}{(okMemory ? "" : $"memory {peakMb - 250:0} MB over")}"),
        };
    }
}
