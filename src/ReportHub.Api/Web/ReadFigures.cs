using ReportHub.Core.Templates;

namespace ReportHub.Api.Web;

/// <summary>One figure as the page shows it back: the template's heading and what was read, or why there is none.</summary>
public sealed record ReadFigure
{
    public required string Key { get; init; }
    public required string Label { get; init; }

    /// <summary>The value read, formatted; null when the report holds none (shown in words, never as 0).</summary>
    public string? Value { get; init; }
    public required string Missing { get; init; }
}

/// <summary>The figures read from one report, labelled by its template, in the template's order.</summary>
public static class ReadFigures
{
    public const string NoData = "chưa có số liệu";

    public const string NotComputed = "chưa tính được";

    /// <param name="template">The definition the report was read with; null lists the figures under their keys.</param>
    public static IReadOnlyList<ReadFigure> Of(TemplateDefinition? template, IReadOnlyDictionary<string, decimal> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (template is null)
        {
            return figures.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new ReadFigure { Key = f.Key, Label = f.Key, Value = Display.Number(f.Value), Missing = NoData }).ToList();
        }
        return template.Measures.Select(m => Figure(m.Key, m.Label, NoData, figures))
            .Concat(template.Indicators.Select(i => Figure(i.Key, i.Label, NotComputed, figures)))
            .ToList();
    }

    private static ReadFigure Figure(string key, string label, string missing, IReadOnlyDictionary<string, decimal> figures) => new()
    {
        Key = key,
        Label = label,
        Value = figures.TryGetValue(key, out var value) ? Display.Number(value) : null,
        Missing = missing,
    };
}
