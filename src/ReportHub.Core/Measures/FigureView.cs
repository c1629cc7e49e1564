using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>
/// How any JSON object shows figures: <c>figures</c> with the template's measures and indicators, and the top-level
/// fields the definition asks for (<see cref="MeasureDefinition.Field"/>) as whole numbers. Every object that carries
/// figures (ingest result, submission, version, totals, unit row) builds them here, so they never disagree.
/// </summary>
public sealed record FigureView
{
    public required IReadOnlyDictionary<string, decimal> Figures { get; init; }

    /// <summary>The top-level fields; null when the template asks for none or the figures hold none of them.</summary>
    public FieldValues? Fields { get; init; }

    /// <summary>One report's figures: its measures, and each indicator whose numerator and denominator it has.</summary>
    /// <param name="template">The definition the figures were read with; null shows the stored measures alone.</param>
    public static FigureView Of(TemplateDefinition? template, IReadOnlyDictionary<string, decimal> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var figures = new MeasureFigures(Indicators.WithIndicators(template, measures));
        return new FigureView { Figures = figures, Fields = FieldValues.Of(template, figures) };
    }

    /// <summary>Figures already computed (a round's totals), with the fields the template shows at top level.</summary>
    public static FigureView OfComputed(TemplateDefinition? template, MeasureFigures figures) =>
        new() { Figures = figures, Fields = FieldValues.Of(template, figures) };
}
