using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core;
using ReportHub.Readers;

namespace ReportHub.Bench;

/// <summary>Warm, in-process: one generated 2,000-row report read from memory and parsed.</summary>
[MemoryDiagnoser]
public class ParseBenchmark
{
    public static string DefaultFile { get; set; } = "";

    private byte[] _bytes = [];
    private readonly TemplateParser _parser = new(FirstTemplate.Definition);
    private readonly ParseOptions _options = new();

    public static IConfig Config() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithArtifactsPath(Path.Combine(Paths.WorkDir, "BenchmarkDotNet.Artifacts"));

    [GlobalSetup]
    public void Setup()
    {
        var file = Environment.GetEnvironmentVariable("REPORTHUB_BENCH_FILE") ?? DefaultFile;
        _bytes = File.ReadAllBytes(file);
    }

    [Benchmark(Baseline = true)]
    public int ReadAllRows()
    {
        using var reader = WorkbookReaders.Open(new MemoryStream(_bytes, writable: false), "report.xlsx");
        var n = 0;
        foreach (var row in reader.ReadRows(0))
        {
            n += row.Cells.Count;
        }
        return n;
    }

    [Benchmark]
    public int OpenAndParse()
    {
        using var reader = WorkbookReaders.Open(new MemoryStream(_bytes, writable: false), "report.xlsx");
        var result = _parser.Parse(reader, _options, CancellationToken.None);
        return result.Report is null ? -1 : FirstTemplate.Rows(result.Report, "qr");
    }
}
