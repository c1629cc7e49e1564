using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ReportHub.Bench.Generation;

/// <summary>Writes one round's reports for the first N units and the expected.json their parse must match.</summary>
internal static class RoundGenerator
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ExpectedRound Generate(string outDir, int units, int qrRows, string format, int seed, RoundCitation round, bool quiet = false)
    {
        var registry = UnitRegistry.ValidOn(Path.Combine(Paths.Samples, "reference", "units.csv"), round.RequestDate);
        if (units < 1 || units > registry.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--units must be 1..{registry.Count}: that many departments and districts answer round {round.Code}"));
        }
        Directory.CreateDirectory(outDir);
        var sw = Stopwatch.StartNew();
        var files = new ExpectedFile[units];
        long bytes = 0;
        Parallel.For(0, units, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var unit = registry[i];
            var appendix = AppendixBuilder.Build(unit, i, qrRows, round, seed);
            var name = string.Create(CultureInfo.InvariantCulture, $"{i + 1:00}-{unit.Code.Replace('.', '-')}.{format}");
            var content = AppendixWriters.Write(appendix, format);
            File.WriteAllBytes(Path.Combine(outDir, name), content);
            Interlocked.Add(ref bytes, content.Length);
            files[i] = new ExpectedFile
            {
                File = name,
                Unit = unit.Code,
                Round = round.Code,
                Layout = appendix.Layout,
                Directives = appendix.Directives,
                QrCodes = appendix.QrCodes,
                QrScans = appendix.QrScans,
            };
        });
        var expected = new ExpectedRound
        {
            Round = round.Code,
            Files = files,
            Directives = files.Sum(f => f.Directives),
            QrCodes = files.Sum(f => f.QrCodes),
            QrScans = files.Sum(f => f.QrScans),
        };
        File.WriteAllText(Path.Combine(outDir, "expected.json"), JsonSerializer.Serialize(expected, Json));
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {units} {format} files ({qrRows} QR rows each, {bytes / 1048576.0:0.00} MB) to {outDir} in {sw.Elapsed.TotalSeconds:0.0} s; totals: {expected.Directives} directives, {expected.QrCodes} QR codes, {expected.QrScans} scans"));
        }
        return expected;
    }

    public static ExpectedRound Read(string dir) =>
        JsonSerializer.Deserialize<ExpectedRound>(File.ReadAllText(Path.Combine(dir, "expected.json")), Json)
        ?? throw new InvalidDataException($"{dir}/expected.json is empty");
}
