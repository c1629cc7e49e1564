using BenchmarkDotNet.Running;
using ReportHub.Bench;

var scenario = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
string Dir(int i) => rest.Length > i ? rest[i] : Paths.DefaultReportsDir;

switch (scenario)
{
    case "generate":
        Generator.Run(Dir(0));
        return 0;
    case "readers":
        return ReadersScenario.RunParent(Dir(0), rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    case "readers-one":
        return ReadersScenario.RunChild(rest[0], Dir(1));
    case "zipbomb":
        return ZipBombScenario.RunParent(rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 5);
    case "zipbomb-one":
        return ZipBombScenario.RunChild(rest[0]);
    case "bdn":
        ParseBenchmark.DefaultFile = Path.Combine(Dir(0), Generator.FileName(0));
        Environment.SetEnvironmentVariable("REPORTHUB_BENCH_FILE", ParseBenchmark.DefaultFile);
        BenchmarkRunner.Run<ParseBenchmark>(ParseBenchmark.Config());
        return 0;
    default:
        Console.WriteLine("usage: ReportHub.Bench generate [dir] | readers [dir] [runs] | zipbomb [runs] | bdn [dir]");
        Console.WriteLine($"default dir: {Paths.DefaultReportsDir}");
        return scenario == "help" ? 0 : 2;
}
