using ReportHub.Core.Measures;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse.Rollups;

/// <summary>
/// How any JSON object shows stored figures: <c>figures</c> with the template's measures and indicators, and for
/// the COVID template (or a file no template read) its three CONTRACT fields as whole counts. Every object that
/// carries figures (ingest result, submission, version, totals, unit row) builds them here, so they never disagree.
/// </summary>
public sealed record FigureView
{
    public required IReadOnlyDictionary<string, decimal> Figures { get; init; }
    public long? Directives { get; init; }
    public long? QrCodes { get; init; }
    public long? QrScans { get; init; }

    /// <param name="measures">Aggregated or one submission's measure values; indicators are computed over them.</param>
    public static FigureView Of(string? templateId, TemplateDefinition? template, IReadOnlyDictionary<string, decimal> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var covid = templateId is null || templateId == ReportTables.CovidTemplate;
        return new FigureView
        {
            Figures = new MeasureFigures(Indicators.WithIndicators(template, measures)),
            Directives = covid ? FigureTotals.Count(measures, ReportTables.DirectivesMeasure) : null,
            QrCodes = covid ? FigureTotals.Count(measures, ReportTables.QrCodesMeasure) : null,
            QrScans = covid ? FigureTotals.Count(measures, ReportTables.QrScansMeasure) : null,
        };
    }
}
