using System.Text;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Reference;
using ScottPlot;

namespace ReportHub.Api.Web;

/// <summary>
/// The dashboard's charts, drawn on the server as SVG with ScottPlot: the page embeds them as images, so no chart
/// script runs in the browser and nothing is fetched from elsewhere.
/// </summary>
public static class RoundCharts
{
    public const string TypesChart = "types";
    public const string MeasurePrefix = "measure-";

    // Drawn near the size they are shown at (two charts a row on a desktop, one on a phone), so text is not shrunk away.
    private const int Width = 560;
    private const int TypesHeight = 320;
    private const float LabelSize = 15;

    public static string TypesUrl(string round) => $"/rounds/{Uri.EscapeDataString(round)}/charts/{TypesChart}.svg";

    public static string MeasureUrl(string round, string measure) =>
        $"/rounds/{Uri.EscapeDataString(round)}/charts/{MeasurePrefix}{Uri.EscapeDataString(measure)}.svg";

    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rounds/{code}/charts/{name}.svg", async (string code, string name, ReferenceStore reference, RollupService rollups, CancellationToken ct) =>
        {
            if (await reference.RoundAsync(code, ct) is not { } round)
            {
                return Results.NotFound();
            }
            var units = await rollups.UnitsAsync(round, ct);
            string? svg;
            if (name == TypesChart)
            {
                svg = ByType(units);
            }
            else if (name.StartsWith(MeasurePrefix, StringComparison.Ordinal)
                && await rollups.DefinitionAsync(round, ct) is { } definition
                && definition.Measures.FirstOrDefault(m => m.Key == name[MeasurePrefix.Length..]) is { } measure)
            {
                svg = ByUnit(units, measure);
            }
            else
            {
                svg = null;
            }
            return svg is null ? Results.NotFound() : Results.Text(svg, "image/svg+xml", Encoding.UTF8);
        }).RequireAuthorization(AccessRegistration.AnalystPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>Reported against expected for each type of unit.</summary>
    public static string ByType(IReadOnlyList<UnitStatus> units)
    {
        using var plot = TypesPlot(units);
        return plot.GetSvgXml(Width, TypesHeight);
    }

    /// <summary>
    /// The plot of <see cref="ByType"/>, before it is drawn. Counts start at 0 with whole-number ticks, and a round
    /// with no unit gets a fixed 0–1 frame and a note instead of ScottPlot's default frame around nothing.
    /// </summary>
    public static Plot TypesPlot(IReadOnlyList<UnitStatus> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var groups = units.GroupBy(u => u.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < groups.Count; i++)
        {
            var expected = groups[i].Count();
            var reported = groups[i].Count(u => u.Status != UnitStatuses.Missing);
            var x = i * 3;
            bars.Add(new Bar { Position = x, Value = expected, FillColor = Expected, Label = expected.ToString(Display.Vietnamese) });
            bars.Add(new Bar { Position = x + 1, Value = reported, FillColor = Reported, Label = reported.ToString(Display.Vietnamese) });
            ticks.Add(new Tick(x + 0.5, Display.UnitType(groups[i].Key)));
        }
        if (bars.Count > 0)
        {
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontSize = LabelSize;
        }
        else
        {
            plot.Add.Annotation("Chưa có đơn vị nào phải báo cáo");
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.YLabel("Số đơn vị");
        plot.Axes.Left.TickGenerator = CountTicks();
        // Fixed limits rather than margins: counts never go below 0, and room is left above the tallest bar for its label.
        var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count());
        plot.Axes.SetLimitsY(0, Math.Max(1, most) * 1.18);
        plot.Axes.SetLimitsX(-0.7, Math.Max(1, groups.Count * 3 - 1.3));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Phải báo cáo", FillColor = Expected });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Đã báo cáo", FillColor = Reported });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.FontSize = LabelSize - 1;
        plot.ShowLegend();
        Style(plot);
        return plot;
    }

    /// <summary>Whole numbers only, grouped the Vietnamese way (1.500), for axes that count units.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic CountTicks() =>
        new() { LabelFormatter = v => v.ToString("#,##0", Display.Vietnamese), IntegerTicksOnly = true };

    /// <summary>
    /// One measure over the units that reported, largest first, as horizontal bars labelled with the unit names; the
    /// chart grows with the number of units so each bar keeps the same thickness, and one reporter is one slim bar.
    /// </summary>
    public static string ByUnit(IReadOnlyList<UnitStatus> units, MeasureDefinition measure)
    {
        var count = Reporters(units, measure.Key).Count();
        using var plot = MeasurePlot(units, measure);
        return plot.GetSvgXml(Width, MeasureHeight(count));
    }

    /// <summary>
    /// The plot of <see cref="ByUnit"/>, before it is drawn. The value axis starts at 0 (or the lowest value, if
    /// negative); with no reporter it is a fixed 0–1 frame with a note, not ScottPlot's default −10 to 10.
    /// </summary>
    public static Plot MeasurePlot(IReadOnlyList<UnitStatus> units, MeasureDefinition measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var rows = Reporters(units, measure.Key)
            .Select(u => (Name: u.Name, Value: u.Figures[measure.Key]))
            .OrderByDescending(r => r.Value)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < rows.Count; i++)
        {
            // Top to bottom: the largest first.
            var y = rows.Count - 1 - i;
            bars.Add(new Bar { Position = y, Value = (double)rows[i].Value, Size = 0.7, FillColor = Reported, Label = Display.Number(rows[i].Value) });
            ticks.Add(new Tick(y, ShortName(rows[i].Name)));
        }
        if (bars.Count > 0)
        {
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.FontSize = LabelSize - 1;
        }
        else
        {
            plot.Add.Annotation("Chưa có đơn vị nào báo cáo số liệu này");
            plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize - 2;
        // Vietnamese digit grouping on the axis too (1.500, not 1,500), as in the bars' labels and the tables.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => v.ToString("#,##0.##", Display.Vietnamese) };
        if (bars.Count > 0)
        {
            var low = Math.Min(0, (double)rows.Min(r => r.Value));
            var high = Math.Max(0, (double)rows.Max(r => r.Value));
            var span = high - low > 0 ? high - low : 1;
            // Room on the right for the value labels beside the longest bar.
            plot.Axes.SetLimitsX(low, high + span * 0.28);
            plot.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        }
        else
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
        }
        Style(plot);
        return plot;
    }

    /// <summary>The units whose figure for this measure the chart draws (the page sizes the image by their number).</summary>
    public static IEnumerable<UnitStatus> Reporters(IEnumerable<UnitStatus> units, string measure) =>
        units.Where(u => u.SubmissionId is not null && u.Figures.ContainsKey(measure));

    /// <summary>About 34 px a bar plus the axis; a chart with no bar still has room for its note.</summary>
    public static int MeasureHeight(int bars) => Math.Max(120, 70 + bars * 34);

    public static int ChartWidth => Width;

    public static int TypesChartHeight => TypesHeight;

    private static readonly Color Expected = Color.FromHex("#c9d1d9");
    private static readonly Color Reported = Color.FromHex("#9b1c1c");

    private static void Style(Plot plot)
    {
        // A sans font with every Vietnamese diacritic, present on Debian servers; where it is missing ScottPlot falls back.
        plot.Font.Set("DejaVu Sans");
        plot.Grid.MajorLineColor = Color.FromHex("#e5e7eb");
    }

    /// <summary>
    /// A unit's name as a chart label: without the province every unit shares ("… tỉnh Quảng Ngãi"), with the usual
    /// "UBND" for "Ủy ban nhân dân", and cut with "…" past 34 characters so the bars keep their room.
    /// </summary>
    public static string ShortName(string name)
    {
        var shortName = name.Replace("Ủy ban nhân dân", "UBND", StringComparison.Ordinal).Replace("Uỷ ban nhân dân", "UBND", StringComparison.Ordinal);
        shortName = Display.LocalName(shortName);
        return shortName.Length <= 34 ? shortName : shortName[..33].TrimEnd() + "…";
    }
}
