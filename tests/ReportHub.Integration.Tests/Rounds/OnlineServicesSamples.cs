using System.Text.Json;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>samples/reports/2025-Q3 and its expected.json, which SampleGen writes from the same data as the files.</summary>
public static class OnlineServicesSamples
{
    public const string Round = "2025-Q3";
    public const string Template = "dvc-online-2025";

    public sealed record Expectations
    {
        public required string Round { get; init; }
        public required string Template { get; init; }
        public required IReadOnlyList<FileExpectation> Files { get; init; }
        public required RoundExpectation Totals { get; init; }
    }

    public sealed record FileExpectation
    {
        public required string File { get; init; }
        public required string Unit { get; init; }
        public required string Round { get; init; }
        public required IReadOnlyDictionary<string, decimal> Figures { get; init; }
    }

    public sealed record RoundExpectation
    {
        public required int UnitsReported { get; init; }
        public required IReadOnlyDictionary<string, decimal> Figures { get; init; }
        public required decimal MeanOfUnitOnlineRates { get; init; }
    }

    public static string Folder => RepoPaths.SampleReport(Round);

    public static Expectations Expected { get; } =
        JsonSerializer.Deserialize<Expectations>(File.ReadAllText(Path.Combine(Folder, "expected.json")), ReportHubApp.Json)!;

    public static string PathOf(FileExpectation file) => Path.Combine(Folder, file.File);

    /// <summary>A figures object must hold exactly the expected measures and indicators, with the expected values.</summary>
    public static void AssertFigures(IReadOnlyDictionary<string, decimal> expected, JsonElement figures, string context)
    {
        var actual = figures.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        Assert.True(expected.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            $"{context}: figures {string.Join(",", actual.Keys)} instead of {string.Join(",", expected.Keys)}");
        foreach (var (key, value) in expected)
        {
            Assert.True(value == actual[key], $"{context}: {key} is {actual[key]}, expected {value}");
        }
    }

    /// <summary>Online public services results carry figures only: the COVID fields belong to the COVID template.</summary>
    public static void AssertNoCovidFields(JsonElement json, string context)
    {
        foreach (var name in new[] { "directives", "qrCodes", "qrScans" })
        {
            Assert.False(json.TryGetProperty(name, out _), $"{context} has the COVID field {name}: {json}");
        }
    }

    /// <summary>The ratio of the sums, from the per-unit measures the system returned, rounded as the API rounds.</summary>
    public static decimal RatioOfSums(IEnumerable<JsonElement> unitFigures, string numerator, string denominator)
    {
        var list = unitFigures.ToList();
        var top = list.Sum(f => f.GetProperty(numerator).GetDecimal());
        var bottom = list.Sum(f => f.GetProperty(denominator).GetDecimal());
        return Math.Round(top / bottom * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
