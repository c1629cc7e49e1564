using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReportHub.Bench.Generation;
using static ReportHub.Bench.Run.Measure;

namespace ReportHub.Bench.Run;

/// <summary>`run [--quick]`: fresh data, W1–W5 with their side-by-side figures, one Markdown table.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(bool quick)
    {
        var settings = BenchSettings.For(quick);
        var total = Stopwatch.StartNew();
        try
        {
            if (Directory.Exists(settings.WorkDir))
            {
                Directory.Delete(settings.WorkDir, recursive: true);
            }
            Directory.CreateDirectory(settings.WorkDir);
            Tools.EnsurePeers();
            Tools.BuildRelease();
            Tools.PublishReadyToRun();

            var w1Dir = Path.Combine(settings.WorkDir, "w1");
            var w1Expected = RoundGenerator.Generate(w1Dir, settings.Units, settings.W1QrRows, "xlsx", seed: 1, RoundCitation.Covid2021);
            var w2Dir = Path.Combine(settings.WorkDir, "w2");
            var w2Expected = RoundGenerator.Generate(w2Dir, 1, settings.W2QrRows, "xlsx", seed: 2, RoundCitation.Covid2021);

            var rows = new List<ResultRow>();
            Console.WriteLine("W1 …");
            var (w1, database) = IngestWorkloads.RoundIngest(w1Dir, w1Expected, settings);
            rows.Add(w1);
            Console.WriteLine("W2 …");
            rows.Add(IngestWorkloads.LargeReport(w2Dir, w2Expected, settings));
            Console.WriteLine("W3 …");
            rows.Add(await RollupLatency.RunAsync(settings));
            Console.WriteLine("W4, W5 …");
            rows.AddRange(await ApiWorkloads.RunAsync(database, w1Expected, settings));
            Console.WriteLine("W1 under each runtime setting …");
            var runtime = RuntimeVariant.MeasureW1(w1Dir, w1Expected, settings);

            var markdown = Render(rows, runtime, settings, total.Elapsed);
            Console.WriteLine();
            Console.WriteLine(markdown);
            var results = Path.Combine(Paths.Repo, "bench", "results");
            Directory.CreateDirectory(results);
            await File.WriteAllTextAsync(Path.Combine(results, "latest.md"), markdown);
            Console.WriteLine(F($"written to {Path.Combine(results, "latest.md")}; the run took {total.Elapsed.TotalMinutes:0.0} min"));
            return 0;
        }
        catch (BenchFailure e)
        {
            await Console.Error.WriteLineAsync($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }

    /// <summary>`runtime [--quick]`: only W1 under each runtime setting, printed; nothing written.</summary>
    public static int RuntimeOnly(bool quick)
    {
        var settings = BenchSettings.For(quick) with { WorkDir = Path.Combine(Paths.WorkDir, "runtime") };
        try
        {
            if (Directory.Exists(settings.WorkDir))
            {
                Directory.Delete(settings.WorkDir, recursive: true);
            }
            Directory.CreateDirectory(settings.WorkDir);
            Tools.BuildRelease();
            Tools.PublishReadyToRun();
            var dir = Path.Combine(settings.WorkDir, "w1");
            var expected = RoundGenerator.Generate(dir, settings.Units, settings.W1QrRows, "xlsx", seed: 1, RoundCitation.Covid2021);
            Console.WriteLine(RuntimeVariant.MeasureW1(dir, expected, settings));
            return 0;
        }
        catch (BenchFailure e)
        {
            Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }

    /// <summary>`w3 [--quick]`: only the rollup latencies, without the builds, peers and other workloads; nothing written.</summary>
    public static async Task<int> RollupsOnlyAsync(bool quick)
    {
        var settings = BenchSettings.For(quick) with { WorkDir = Path.Combine(Paths.WorkDir, "w3") };
        try
        {
            if (Directory.Exists(settings.WorkDir))
            {
                Directory.Delete(settings.WorkDir, recursive: true);
            }
            Directory.CreateDirectory(settings.WorkDir);
            // The warehouse is made by `reporthub init`; the CLI is built only when it is not there yet.
            if (!File.Exists(Tools.CliDll))
            {
                Tools.BuildRelease();
            }
            var row = await RollupLatency.RunAsync(settings);
            Console.WriteLine(F($"{row.Workload}: {row.ReportHub}; {row.Ratio}; met: {row.Met}"));
            return 0;
        }
        catch (BenchFailure e)
        {
            await Console.Error.WriteLineAsync($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }

    private static string Render(IReadOnlyList<ResultRow> rows, string runtime, BenchSettings settings, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine(F($"# ReportHub benchmark: `run{(settings.Quick ? " --quick" : "")}`"));
        sb.AppendLine();
        sb.AppendLine(Machine());
        sb.AppendLine(F($"Whole processes, {(settings.Runs == 1 ? "1 run" : $"median of {settings.Runs} (min–max)")} per figure; the CLI published ReadyToRun (Release) and the Release build of the API; SQLite. Every workload's totals matched the generator's expected.json (the run fails otherwise). The run took {elapsed.TotalMinutes:0.0} min."));
        sb.AppendLine();
        sb.AppendLine("| workload | ReportHub | floor | baseline | peer | ratio | goal | met? |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in rows)
        {
            sb.AppendLine($"| {r.Workload} | {r.ReportHub} | {r.Floor} | {r.Baseline} | {r.Peer} | {r.Ratio} | {r.Goal} | {r.Met} |");
        }
        sb.AppendLine();
        sb.AppendLine("- **floor**: a bare ZipArchive + XmlReader pass over the same sheet XML (`readers-one zip-xml`), no values kept.");
        sb.AppendLine("- **baseline**: ExcelDataReader reads every row and one prepared INSERT stores each non-empty row in SQLite in one transaction (`baseline-one`).");
        sb.AppendLine("- **peer**: `bench/peers/round_totals.py`, pandas + openpyxl (Debian packages), computing the same round totals from the same files.");
        sb.AppendLine("- W1 and W2 times include process start and runtime start-up, as an operator sees them; the warehouse is created with `reporthub init` before each timed run, untimed.");
        sb.AppendLine();
        sb.AppendLine("## W1 under each runtime setting");
        sb.AppendLine();
        sb.AppendLine("The same round, the same checks, the variants interleaved run by run.");
        sb.AppendLine();
        sb.Append(runtime);
        return sb.ToString();
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var dotnet = Proc.Run("dotnet", ["--version"]).Stdout.Trim();
        // The machine is shared: the load average says how far the figures are from a quiet one.
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return F($"Machine: nproc = {Environment.ProcessorCount}, CPU {cpu}, `dotnet --version` {dotnet} (runtime {Environment.Version}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; load average at the end {load}; {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
    }
}
