using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>
/// COVID's typed views of its generic tables: directives and QR rows, which the warehouse, rollups and exports of
/// that template still read. Checking happens in Validation; this only reshapes.
/// </summary>
internal static class ReportProjector
{
    public static IReadOnlyList<DirectiveRow> Directives(TableReading table) =>
        table.Rows.Select(row =>
        {
            var citationText = row["citation"]?.Text;
            return new DirectiveRow
            {
                Ordinal = row.Row.Ordinal,
                Content = row["content"]?.Text ?? "",
                CitationText = citationText,
                Citation = Citations.TryParse(citationText, out var citation) ? citation : null,
                IssuingUnit = row["issuingUnit"]?.Text,
                Recipients = row["recipients"]?.Items ?? [],
                Cell = row.AddressOf("content") ?? row.Row.Cell,
            };
        }).ToList();

    public static IReadOnlyList<QrRow> QrRows(TableReading table) =>
        table.Rows.Select(row => new QrRow
        {
            Ordinal = row.Row.Ordinal,
            Entity = row["entity"]?.Text ?? "",
            QrCodes = Whole(row.Number("qrCodes")),
            QrScans = Whole(row.Number("qrScans")),
            Note = row["note"]?.Text,
            Cell = row.AddressOf("entity") ?? row.Row.Cell,
        }).ToList();

    // Counts are whole and within Counts.MaxPlausible once typed; an unreadable one stands as 0, as its error says.
    private static long Whole(decimal? value) => value is { } v ? (long)v : 0;
}
