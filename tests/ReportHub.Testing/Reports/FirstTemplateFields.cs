using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Testing.Reports;

/// <summary>
/// The first template's top-level fields (directives, qrCodes, qrScans) as the tests of that form read them: from the
/// extension data every object with figures carries, or from a stored submission's figures. Null when absent.
/// </summary>
public static class FirstTemplateFields
{
    extension(RoundTotals totals)
    {
        public long? Directives => totals.Fields?.Get("directives");
        public long? QrCodes => totals.Fields?.Get("qrCodes");
        public long? QrScans => totals.Fields?.Get("qrScans");
    }

    extension(UnitStatus unit)
    {
        public long? Directives => unit.Fields?.Get("directives");
        public long? QrCodes => unit.Fields?.Get("qrCodes");
        public long? QrScans => unit.Fields?.Get("qrScans");
    }

    extension(IngestResult result)
    {
        public long? Directives => result.Fields?.Get("directives");
        public long? QrCodes => result.Fields?.Get("qrCodes");
        public long? QrScans => result.Fields?.Get("qrScans");
    }

    extension(ConsolidatedData data)
    {
        /// <summary>Section 1's rows of every unit, the citation split as the directives sheet splits it.</summary>
        public IReadOnlyList<UnitDirectiveView> Directives => [.. data.Rows.Where(r => r.Section == "directives").Select(r =>
        {
            var citation = Text(r, "citation");
            Citations.TryParse(citation, out var parsed);
            return new UnitDirectiveView
            {
                Unit = r.Unit,
                UnitName = r.UnitName,
                Ordinal = Ordinal(r),
                Content = Text(r, "content") ?? "",
                CitationText = citation,
                DocumentNumber = parsed?.Number,
                DocumentSymbol = parsed?.Symbol,
                DocumentDate = r.Values.TryGetValue("citation", out var c) ? c.Date ?? parsed?.Date : null,
                IssuingUnit = Text(r, "issuingUnit"),
                Recipients = r.Values.TryGetValue("recipients", out var list) ? list.Items ?? [] : [],
            };
        })];

        /// <summary>Section 2's rows of every unit.</summary>
        public IReadOnlyList<UnitQrView> QrRows => [.. data.Rows.Where(r => r.Section == "qr").Select(r => new UnitQrView
        {
            Unit = r.Unit,
            UnitName = r.UnitName,
            Ordinal = Ordinal(r),
            Entity = Text(r, "entity") ?? "",
            QrCodes = r.Values.TryGetValue("qrCodes", out var codes) && codes.Number is { } n ? (long)n : 0,
            QrScans = r.Values.TryGetValue("qrScans", out var scans) && scans.Number is { } m ? (long)m : 0,
            Note = Text(r, "note"),
        })];
    }

    extension(SubmissionRecord record)
    {
        public long? Directives => Whole(record.Figures, "directives");
        public long? QrCodes => Whole(record.Figures, "qrCodes");
        public long? QrScans => Whole(record.Figures, "qrScans");
    }

    private static string? Text(UnitTableRow row, string key) => row.Values.TryGetValue(key, out var value) ? value.Text : null;

    // The row's own STT when it wrote one, else its place in the unit's table.
    private static int Ordinal(UnitTableRow row) =>
        row.Values.TryGetValue("ordinal", out var value) && value.Number is { } n ? (int)n : row.Seq;

    private static long? Whole(IReadOnlyDictionary<string, decimal> figures, string key) =>
        figures.TryGetValue(key, out var value) ? (long)value : null;
}

public sealed record UnitDirectiveView
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required int Ordinal { get; init; }
    public required string Content { get; init; }
    public string? DocumentNumber { get; init; }
    public string? DocumentSymbol { get; init; }
    public DateOnly? DocumentDate { get; init; }
    public string? CitationText { get; init; }
    public string? IssuingUnit { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

public sealed record UnitQrView
{
    public required string Unit { get; init; }
    public required string UnitName { get; init; }
    public required int Ordinal { get; init; }
    public required string Entity { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
    public string? Note { get; init; }
}
