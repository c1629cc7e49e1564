using ReportHub.Core.Measures;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Measures;

public sealed class IndicatorsTests
{
    private static readonly TemplateDefinition Dvc = TemplateCatalog.Get("dvc-online-2025");

    [Fact]
    public void RateIsTheRatioOfSumsNotTheMeanOfUnitRates()
    {
        // A commune: 2 files, both online (100%). A city: 1000 files, 100 online (10%).
        var units = new[] { (Received: 2m, Online: 2m), (Received: 1000m, Online: 100m) };
        var aggregated = new Dictionary<string, decimal>
        {
            ["received"] = units.Sum(u => u.Received),
            ["receivedOnline"] = units.Sum(u => u.Online),
            ["resolved"] = 0,
            ["resolvedOnTime"] = 0,
        };

        var rates = Indicators.Compute(Dvc, aggregated);

        var meanOfRates = units.Average(u => u.Online / u.Received * 100);
        Assert.Equal(102m / 1002m * 100, rates["onlineRate"]);
        Assert.NotEqual(meanOfRates, rates["onlineRate"]);
        Assert.True(rates["onlineRate"] < 11, "the city's volume must dominate the province's rate");
    }

    [Fact]
    public void NoDenominatorMeansNoRate()
    {
        var rates = Indicators.Compute(Dvc, new Dictionary<string, decimal> { ["received"] = 5, ["receivedOnline"] = 1, ["resolved"] = 0, ["resolvedOnTime"] = 0 });

        Assert.Null(rates["onTimeRate"]);
        Assert.Equal(20m, rates["onlineRate"]);
        Assert.Null(Indicators.Compute(Dvc, new Dictionary<string, decimal>())["onlineRate"]);
    }
}
