using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Bench;

/// <summary>
/// The first template (covid-tech-2021) as the benchmark generates and checks it: its shipped definition, its two
/// tables' row counts and its three figures, read from the generic tables and figures every template fills.
/// </summary>
internal static class FirstTemplate
{
    public const string Id = "covid-tech-2021";

    public static TemplateDefinition Definition => TemplateCatalog.Get(Id);

    /// <summary>The rows of one table section ("directives", "qr"); 0 when the report has no such table.</summary>
    public static int Rows(ParsedReport? report, string section) =>
        report is not null && report.Tables.TryGetValue(section, out var table) ? table.Rows.Count : 0;

    /// <summary>A figure as a whole number, or -1 when it is absent (which no check expects).</summary>
    public static long Figure(IReadOnlyDictionary<string, decimal> figures, string key) =>
        figures.TryGetValue(key, out var value) ? (long)value : -1;
}
