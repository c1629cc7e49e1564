using System.Globalization;
using BenchmarkDotNet.Running;
using ReportHub.Bench;
using ReportHub.Bench.Generation;
using ReportHub.Bench.Run;

var scenario = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
string Dir(int i) => rest.Length > i ? rest[i] : Paths.DefaultReportsDir;

string? Flag(string name)
{
    var at = Array.IndexOf(rest, name);
    return at >= 0 && at + 1 < rest.Length ? rest[at + 1] : null;
}
int IntFlag(string name, int fallback) => Flag(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

switch (scenario)
{
    case "generate":
        var format = Flag("--format") ?? "xlsx";
        var template = Flag("--template") ?? "covid-tech-2021";
        if (format is not ("xlsx" or "csv") || template != "covid-tech-2021")
        {
            await Console.Error.WriteLineAsync("generate writes --format xlsx or csv of --template covid-tech-2021");
            return 2;
        }
        try
        {
            RoundGenerator.Generate(Flag("--out") ?? Paths.DefaultReportsDir, IntFlag("--units", 32), IntFlag("--qr-rows", 2000), format,
                IntFlag("--seed", 1), RoundCitation.Covid2021);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        return 0;
    case "run":
        return await RunCommand.RunAsync(rest.Contains("--quick"));
    case "w3":
        return await RunCommand.RollupsOnlyAsync(rest.Contains("--quick"));
    case "runtime":
        return RunCommand.RuntimeOnly(rest.Contains("--quick"));
    case "baseline-one":
        return LibraryBaseline.RunChild(rest[0], rest[1]);
    case "readers":
        return ReadersScenario.RunParent(Dir(0), rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 5);
    case "readers-one":
        return ReadersScenario.RunChild(rest[0], Dir(1));
    case "zipbomb":
        return ZipBombScenario.RunParent(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5);
    case "zipbomb-one":
        return ZipBombScenario.RunChild(rest[0]);
    case "sqlite-write":
        return await SqliteWrite.RunAsync(IntFlag("--qr-rows", 100_000), IntFlag("--runs", 5), Flag("--out") ?? Path.Combine(Paths.WorkDir, "sqlite-write"));
    case "bdn":
        ParseBenchmark.DefaultFile = Directory.GetFiles(Dir(0), "*.xlsx").OrderBy(f => f, StringComparer.Ordinal).First();
        Environment.SetEnvironmentVariable("REPORTHUB_BENCH_FILE", ParseBenchmark.DefaultFile);
        BenchmarkRunner.Run<ParseBenchmark>(ParseBenchmark.Config());
        return 0;
    default:
        Console.WriteLine("usage: ReportHub.Bench generate --units N --qr-rows M --out DIR [--format xlsx|csv] [--template covid-tech-2021] [--seed S]");
        Console.WriteLine("                       run [--quick] | w3 [--quick] | runtime [--quick] | readers [dir] [runs] | zipbomb [runs] | bdn [dir]");
        Console.WriteLine("                       sqlite-write [--qr-rows N] [--runs R] [--out DIR]");
        Console.WriteLine($"default dir: {Paths.DefaultReportsDir}");
        return scenario == "help" ? 0 : 2;
}
