using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>One measure or indicator as a column of the summary sheet and the CSV.</summary>
internal sealed record FigureColumn
{
    private const double MeasureWidth = 14;
    private const double IndicatorWidth = 14;

    public required string Key { get; init; }
    public required string Header { get; init; }
    public required double Width { get; init; }
    public required string Format { get; init; }
    public required bool IsIndicator { get; init; }

    /// <summary>The template's measures in its order, then its indicators.</summary>
    public static IReadOnlyList<FigureColumn> Of(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var measures = template.Measures.Select(m => new FigureColumn
        {
            Key = m.Key,
            Header = m.Heading ?? m.Label,
            Width = m.Width ?? MeasureWidth,
            Format = FormatOf(template, m),
            IsIndicator = false,
        });
        var indicators = template.Indicators.Select(i => new FigureColumn
        {
            Key = i.Key,
            Header = i.Label,
            Width = IndicatorWidth,
            Format = OfficialStyle.RatioFormat,
            IsIndicator = true,
        });
        return [.. measures, .. indicators];
    }

    /// <summary>The unit's value; null when it has none.</summary>
    public decimal? ValueOf(UnitStatus unit) => unit.Figures.TryGetValue(Key, out var value) ? value : null;

    public decimal? ValueOf(RoundTotals totals) => totals.Figures.TryGetValue(Key, out var value) ? value : null;

    /// <summary>Row counts and count columns are whole numbers; amounts, percentages and averages keep two decimals.</summary>
    private static string FormatOf(TemplateDefinition template, MeasureDefinition measure)
    {
        if (measure.Aggregate == Core.Templates.Aggregate.Average)
        {
            return OfficialStyle.AmountFormat;
        }
        if (measure.CountsRows || measure.Aggregate == Core.Templates.Aggregate.Count)
        {
            return OfficialStyle.CountFormat;
        }
        return template.Section(measure.SectionKey)?.Table?.Column(measure.ColumnKey)?.Type switch
        {
            ColumnType.Amount => OfficialStyle.AmountFormat,
            ColumnType.Percent => OfficialStyle.RatioFormat,
            _ => OfficialStyle.CountFormat,
        };
    }
}
