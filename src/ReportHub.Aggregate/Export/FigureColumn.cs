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
        var covid = CovidLayout.Applies(template);
        var measures = template.Measures.Select(m =>
        {
            var legacy = covid ? CovidLayout.SummaryColumn(m.Key) : null;
            return new FigureColumn
            {
                Key = m.Key,
                Header = legacy?.Header ?? m.Label,
                Width = legacy?.Width ?? MeasureWidth,
                Format = FormatOf(template, m),
                IsIndicator = false,
            };
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

    /// <summary>A unit's value; a COVID unit built before figures existed still carries its three counts.</summary>
    public decimal? ValueOf(UnitStatus unit) => Value(unit.Figures, unit.Directives, unit.QrCodes, unit.QrScans);

    public decimal? ValueOf(RoundTotals totals) => Value(totals.Figures, totals.Directives, totals.QrCodes, totals.QrScans);

    private decimal? Value(IReadOnlyDictionary<string, decimal> figures, long? directives, long? qrCodes, long? qrScans)
    {
        if (figures.TryGetValue(Key, out var value))
        {
            return value;
        }
        return Key switch
        {
            "directives" => directives,
            "qrCodes" => qrCodes,
            "qrScans" => qrScans,
            _ => null,
        };
    }

    /// <summary>Row counts and count columns are whole numbers; amounts and percentages keep two decimals.</summary>
    private static string FormatOf(TemplateDefinition template, MeasureDefinition measure)
    {
        if (measure.CountsRows)
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
