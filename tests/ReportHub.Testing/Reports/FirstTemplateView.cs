using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Testing.Reports;

/// <summary>A directive row of the first template's section 1, as the tests read it.</summary>
public sealed record DirectiveRow
{
    public required int Ordinal { get; init; }
    public required string Content { get; init; }
    public string? CitationText { get; init; }
    public Citation? Citation { get; init; }
    public string? IssuingUnit { get; init; }
    public IReadOnlyList<string> Recipients { get; init; } = [];
    public required string Cell { get; init; }
}

/// <summary>A QR row of the first template's section 2, as the tests read it.</summary>
public sealed record QrRow
{
    public required int Ordinal { get; init; }
    public required string Entity { get; init; }
    public required long QrCodes { get; init; }
    public required long QrScans { get; init; }
    public string? Note { get; init; }
    public required string Cell { get; init; }
}

/// <summary>
/// The first template (the 2021 COVID appendix) as its tests speak of it: directives, QR rows and their sums, read from
/// the generic tables every template fills. ReportHub itself has no such view; only the tests of that form need it.
/// </summary>
public static class FirstTemplateView
{
    public const string Id = "covid-tech-2021";

    /// <summary>The shipped definition of the first template.</summary>
    public static TemplateDefinition Definition => TemplateCatalog.Get(Id);

    // The receiver may be a report the test has just asserted is there; the compiler cannot see that through the assert.
    extension(ParsedReport? report)
    {
        public IReadOnlyList<DirectiveRow> Directives => report!.Tables.TryGetValue("directives", out var table)
            ? [.. table.Rows.Select(row =>
            {
                var citation = Text(row, "citation");
                return new DirectiveRow
                {
                    Ordinal = row.Ordinal,
                    Content = Text(row, "content") ?? "",
                    CitationText = citation,
                    Citation = Citations.TryParse(citation, out var parsed) ? parsed : null,
                    IssuingUnit = Text(row, "issuingUnit"),
                    Recipients = row.Values.TryGetValue("recipients", out var list) ? list.Items ?? [] : [],
                    Cell = row.Cell,
                };
            })]
            : [];

        public IReadOnlyList<QrRow> QrRows => report!.Tables.TryGetValue("qr", out var table)
            ? [.. table.Rows.Select(row => new QrRow
            {
                Ordinal = row.Ordinal,
                Entity = Text(row, "entity") ?? "",
                QrCodes = Whole(row, "qrCodes"),
                QrScans = Whole(row, "qrScans"),
                Note = Text(row, "note"),
                Cell = row.Cell,
            })]
            : [];

        public long QrCodes => report!.QrRows.Sum(r => r.QrCodes);

        public long QrScans => report!.QrRows.Sum(r => r.QrScans);
    }

    /// <summary>The generic tables that hold these rows, as the parser would have read them.</summary>
    public static IReadOnlyDictionary<string, ParsedTable> Tables(IReadOnlyList<DirectiveRow> directives, IReadOnlyList<QrRow> qrRows) =>
        new Dictionary<string, ParsedTable>(StringComparer.Ordinal)
        {
            ["directives"] = new() { Section = "directives", Rows = [.. directives.Select(Row)] },
            ["qr"] = new() { Section = "qr", Rows = [.. qrRows.Select(Row)] },
        };

    /// <summary>The measures of those tables, as the parser computes them.</summary>
    public static IReadOnlyDictionary<string, decimal> Figures(IReadOnlyList<DirectiveRow> directives, IReadOnlyList<QrRow> qrRows) =>
        Core.Measures.Figures.Compute(Definition, Tables(directives, qrRows));

    /// <summary>A report of the first template holding these rows, tables and figures both.</summary>
    public static ParsedReport WithRows(this ParsedReport report, IReadOnlyList<DirectiveRow> directives, IReadOnlyList<QrRow> qrRows) =>
        report with { Tables = Tables(directives, qrRows), Figures = Figures(directives, qrRows) };

    private static ParsedRow Row(DirectiveRow d)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["ordinal"] = Count(d.Ordinal),
            ["content"] = new() { Text = d.Content },
        };
        if (d.CitationText is not null)
        {
            values["citation"] = new() { Text = d.CitationText, Date = d.Citation?.Date };
        }
        if (d.IssuingUnit is not null)
        {
            values["issuingUnit"] = new() { Text = d.IssuingUnit };
        }
        if (d.Recipients.Count > 0)
        {
            values["recipients"] = new() { Text = string.Join('\n', d.Recipients), Items = d.Recipients };
        }
        return new ParsedRow { Ordinal = d.Ordinal, Cell = d.Cell, Values = values };
    }

    private static ParsedRow Row(QrRow q)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["ordinal"] = Count(q.Ordinal),
            ["entity"] = new() { Text = q.Entity },
            ["qrCodes"] = Count(q.QrCodes),
            ["qrScans"] = Count(q.QrScans),
        };
        if (q.Note is not null)
        {
            values["note"] = new() { Text = q.Note };
        }
        return new ParsedRow { Ordinal = q.Ordinal, Cell = q.Cell, Values = values };
    }

    private static FieldValue Count(long value) =>
        new() { Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = value };

    private static string? Text(ParsedRow row, string key) => row.Values.TryGetValue(key, out var value) ? value.Text : null;

    private static long Whole(ParsedRow row, string key) =>
        row.Values.TryGetValue(key, out var value) && value.Number is { } number ? (long)number : 0;
}
