using ReportHub.Integration.Tests.Support;
using static ReportHub.Integration.Tests.Rounds.OnlineServicesSamples;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>The 2025-Q3 sample folder through the CLI: each file finds its round by the request it cites.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OnlineServicesSampleCliTests
{
    [Fact]
    public async Task OnlineServicesSampleFolderIngestsIntoItsRoundByTheCitedRequestWithTheTemplatesFigures()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync("ingest", Folder, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.JsonLines.ToDictionary(l => Path.GetFileName(l.GetProperty("file").GetString()!));
        Assert.Equal(Expected.Files.Select(f => f.File).Order(StringComparer.Ordinal), lines.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(Expected.Files, f => f.File.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Contains(Expected.Files, f => f.File.EndsWith(".csv", StringComparison.Ordinal));
        foreach (var file in Expected.Files)
        {
            var line = lines[file.File];
            Assert.True(line.GetProperty("status").GetString() == "accepted", line.ToString());
            Assert.Equal(file.Unit, line.GetProperty("unit").GetString());
            Assert.Equal(Round, line.GetProperty("round").GetString());
            Assert.Equal(Template, line.GetProperty("template").GetString());
            AssertFigures(file.Figures, line.GetProperty("figures"), file.File);
            AssertNoCovidFields(line, file.File);
            Assert.DoesNotContain(line.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        }
    }

    [Fact]
    public async Task OnlineServicesRoundTotalsAreRatiosOfSumsNotTheMeanOfUnitRates()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var ingest = await cli.RunAsync("ingest", Folder, "--json");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        var unitFigures = ingest.JsonLines.Select(l => l.GetProperty("figures")).ToList();

        var run = await cli.RunAsync("totals", "--round", Round, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var totals = run.JsonLines.Single();
        Assert.Equal(Round, totals.GetProperty("round").GetString());
        Assert.Equal(Template, totals.GetProperty("template").GetString());
        Assert.Equal(Expected.Totals.UnitsReported, totals.GetProperty("unitsReported").GetInt32());
        AssertNoCovidFields(totals, "totals");
        var figures = totals.GetProperty("figures");
        AssertFigures(Expected.Totals.Figures, figures, "totals");

        var onlineRate = figures.GetProperty("onlineRate").GetDecimal();
        Assert.Equal(RatioOfSums(unitFigures, "receivedOnline", "received"), onlineRate);
        Assert.Equal(RatioOfSums(unitFigures, "resolvedOnTime", "resolved"), figures.GetProperty("onTimeRate").GetDecimal());
        // The samples pair a small fully online unit with a large unit mostly on paper, so averaging the units'
        // percentages would overstate the province's rate by far more than rounding could explain.
        var meanOfUnitRates = unitFigures.Average(f => f.GetProperty("onlineRate").GetDecimal());
        Assert.Contains(unitFigures, f => f.GetProperty("onlineRate").GetDecimal() == 100m);
        Assert.True(Math.Abs(meanOfUnitRates - onlineRate) > 10m, $"mean of unit rates {meanOfUnitRates} vs ratio of sums {onlineRate}");
        Assert.Equal(Expected.Totals.MeanOfUnitOnlineRates, Math.Round(meanOfUnitRates, 2, MidpointRounding.AwayFromZero));
    }
}
