using static ReportHub.Bench.Run.Measure;

namespace ReportHub.Bench.Run;

/// <summary>One way of starting the CLI: which build, and which runtime switches (DOTNET_* variables).</summary>
internal sealed record RuntimeVariant
{
    public required string Name { get; init; }
    public required string Dll { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The build the workloads are measured on: ReadyToRun, as the README says to deploy it.</summary>
    public static RuntimeVariant Deployed => new() { Name = "ReadyToRun publish (deployed)", Dll = Tools.CliReadyToRunDll };

    /// <summary>
    /// What the issue asks to be measured for short CLI runs: the plain `dotnet build` output against the ReadyToRun
    /// publish, each as configured (tiered PGO off, see ReportHub.Ingest.csproj), with tiered PGO switched back on,
    /// and with tiered compilation off.
    /// </summary>
    public static IReadOnlyList<RuntimeVariant> All =>
    [
        new() { Name = "`dotnet build -c Release` (JIT, as configured)", Dll = Tools.CliDll },
        new() { Name = "`dotnet build`, `DOTNET_TieredPGO=1`", Dll = Tools.CliDll, Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "1" } },
        new() { Name = "`dotnet build`, `DOTNET_TieredCompilation=0`", Dll = Tools.CliDll, Environment = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" } },
        Deployed,
        new() { Name = "ReadyToRun, `DOTNET_TieredPGO=1`", Dll = Tools.CliReadyToRunDll, Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "1" } },
        new() { Name = "ReadyToRun, `DOTNET_TieredCompilation=0`", Dll = Tools.CliReadyToRunDll, Environment = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" } },
    ];

    /// <summary>W1 under every variant, interleaved run by run so that a burst of load on the machine hits them alike.</summary>
    public static string MeasureW1(string dir, Generation.ExpectedRound expected, BenchSettings settings)
    {
        var variants = All;
        var times = variants.Select(_ => new List<double>()).ToList();
        var database = Path.Combine(settings.WorkDir, "runtime.db");
        for (var run = 0; run < settings.Runs; run++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                Tools.InitWarehouse(database);
                var result = Proc.Check(Tools.Cli(variants[v], database, ["ingest", dir, "--json"]), F($"W1 with {variants[v].Name}"));
                Expect(F($"W1 with {variants[v].Name}"), AcceptedFigures(result.Stdout, expected.Files.Count), expected);
                times[v].Add(result.WallSeconds);
            }
        }
        var fastest = times.Min(t => Median(t));
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| W1 started as | time | against the fastest |");
        sb.AppendLine("| --- | --- | --- |");
        for (var v = 0; v < variants.Count; v++)
        {
            sb.AppendLine(F($"| {variants[v].Name} | {Seconds(times[v])} | {Median(times[v]) / fastest:0.00}× |"));
        }
        return sb.ToString();
    }
}
