using System.Globalization;
using System.Text.Json;
using ReportHub.Bench.Generation;

namespace ReportHub.Bench.Run;

/// <summary>Medians, formatting and the correctness checks every workload shares.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> values) => Stats.Of(values).Median;

    public static string Seconds(IReadOnlyList<double> values) => values.Count == 1
        ? F($"{values[0]:0.00} s")
        : F($"{Median(values):0.00} s ({values.Min():0.00}–{values.Max():0.00})");

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fails the run when figures differ from what the generator wrote.</summary>
    public static void Expect(string what, (long Directives, long QrCodes, long QrScans) actual, ExpectedRound expected)
    {
        if (actual != (expected.Directives, expected.QrCodes, expected.QrScans))
        {
            throw new BenchFailure(F($"{what}: totals {actual} differ from expected.json ({expected.Directives}, {expected.QrCodes}, {expected.QrScans})"));
        }
    }

    /// <summary>Every line of `ingest --json` must be an accepted file; their figures add up to the round's.</summary>
    public static (long Directives, long QrCodes, long QrScans) AcceptedFigures(string stdout, int files)
    {
        long d = 0, c = 0, s = 0;
        var n = 0;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var status = root.GetProperty("status").GetString();
            if (status != "accepted")
            {
                throw new BenchFailure($"ingest did not accept {root.GetProperty("file").GetString()}: {status}\n{line}");
            }
            d += root.GetProperty("directives").GetInt64();
            c += root.GetProperty("qrCodes").GetInt64();
            s += root.GetProperty("qrScans").GetInt64();
            n++;
        }
        if (n != files)
        {
            throw new BenchFailure(F($"ingest reported {n} files, {files} were generated"));
        }
        return (d, c, s);
    }

    public static (long Directives, long QrCodes, long QrScans) PeerTotals(string stdout, int files)
    {
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        if (root.GetProperty("files").GetInt32() != files)
        {
            throw new BenchFailure(F($"the peer read {root.GetProperty("files").GetInt32()} files, {files} were generated"));
        }
        return (root.GetProperty("directives").GetInt64(), root.GetProperty("qrCodes").GetInt64(), root.GetProperty("qrScans").GetInt64());
    }
}
