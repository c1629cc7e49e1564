using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Web;
using ReportHub.Core.Templates;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The dashboard's charts: count axes start at 0 with whole ticks, whatever the round holds.</summary>
public sealed class RoundChartsTests
{
    private static readonly MeasureDefinition Received = new() { Key = "received", Label = "Số hồ sơ tiếp nhận", From = "services.received" };

    private static UnitStatus Unit(string code, string type, decimal? received) => new()
    {
        Unit = code,
        Name = "Đơn vị " + code,
        Type = type,
        Status = received is null ? UnitStatuses.Missing : UnitStatuses.OnTime,
        SubmissionId = received is null ? null : 1,
        Figures = received is { } r ? new Dictionary<string, decimal> { ["received"] = r } : new Dictionary<string, decimal>(),
    };

    [Fact]
    public void AnEmptyRoundsChartsHaveNoNegativeAxes()
    {
        foreach (var units in new IReadOnlyList<UnitStatus>[] { [], [Unit("51.SCT", "department", null), Unit("51.STP", "department", null)] })
        {
            using var types = RoundCharts.TypesPlot(units);
            Assert.Contains("<svg", types.GetSvgXml(560, 320), StringComparison.Ordinal);
            var typeLimits = types.Axes.GetLimits();
            Assert.Equal(0, typeLimits.Bottom);
            Assert.True(typeLimits.Top >= 1, $"count axis tops at {typeLimits.Top}");

            using var measure = RoundCharts.MeasurePlot(units, Received);
            Assert.Contains("Chưa có đơn vị nào báo cáo số liệu này", measure.GetSvgXml(560, 120), StringComparison.Ordinal);
            var measureLimits = measure.Axes.GetLimits();
            Assert.Equal(0, measureLimits.Left);
            Assert.Equal(1, measureLimits.Right);
        }
    }

    [Fact]
    public void CountTicksAreWholeNumbersFromZero()
    {
        using var plot = RoundCharts.TypesPlot([Unit("51.SCT", "department", 5), Unit("51.STP", "department", null), Unit("51.524", "district", null)]);
        plot.GetSvgXml(560, 320);

        var ticks = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position).ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Equal(Math.Round(t), t));
        Assert.All(ticks, t => Assert.True(t >= 0, $"tick {t} below 0"));
        Assert.Equal(0, plot.Axes.GetLimits().Bottom);
    }

    [Fact]
    public void AMeasuresValueAxisStartsAtZero()
    {
        using var plot = RoundCharts.MeasurePlot([Unit("51.SCT", "department", 40), Unit("51.STP", "department", 1500)], Received);
        plot.GetSvgXml(560, 140);

        var limits = plot.Axes.GetLimits();
        Assert.Equal(0, limits.Left);
        Assert.True(limits.Right > 1500, $"the longest bar is cut at {limits.Right}");
    }
}
