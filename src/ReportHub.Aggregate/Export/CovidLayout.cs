using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// How the exports looked before templates, kept for the COVID template so that the province's 2021 workbooks,
/// CSV files and the scripts reading them stay the same: shorter summary headers than the definition's measure
/// labels, and detail sheets read from the COVID tables (the directives sheet splits each citation into number,
/// symbol and date, which the generic rows do not keep).
/// </summary>
internal static class CovidLayout
{
    public const string TemplateId = TemplateCatalog.DefaultId;

    public const string CsvHeader = "unit,name,type,status,receivedAt,submissionId,directives,qrCodes,qrScans";

    private static readonly Dictionary<string, (string Header, double Width)> SummaryColumns = new(StringComparer.Ordinal)
    {
        ["directives"] = ("Số văn bản chỉ đạo", 13),
        ["qrCodes"] = ("Số mã QR", 12),
        ["qrScans"] = ("Số lượt quét", 14),
    };

    public static bool Applies(TemplateDefinition template) => string.Equals(template.Id, TemplateId, StringComparison.Ordinal);

    /// <summary>The COVID summary's header and width of a measure, or null for a measure it never showed.</summary>
    public static (string Header, double Width)? SummaryColumn(string measureKey) =>
        SummaryColumns.TryGetValue(measureKey, out var column) ? column : null;
}
