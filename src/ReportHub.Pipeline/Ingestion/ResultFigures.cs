using ReportHub.Core.Templates;
using ReportHub.Core.Measures;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>
/// The figures part of an <see cref="IngestResult"/>, the same whichever way the result was reached: ingested, a
/// duplicate, or recorded by another worker.
/// </summary>
public static class ResultFigures
{
    public static IngestResult Apply(IngestResult result, string? templateId, TemplateDefinition? template, IReadOnlyDictionary<string, decimal> measures)
    {
        ArgumentNullException.ThrowIfNull(result);
        var view = FigureView.Of(template, measures);
        return result with
        {
            Template = templateId,
            Figures = view.Figures,
            Fields = view.Fields,
        };
    }
}
