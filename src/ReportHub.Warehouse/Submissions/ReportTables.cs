using ReportHub.Core.Domain;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// What of a report the warehouse stores generically: its table rows and its figures. A report read before the
/// parser filled <see cref="ParsedReport.Tables"/> and <see cref="ParsedReport.Figures"/> (the COVID template's
/// projections only) has them derived here, in the same shape migration 008 gives older submissions, so every
/// accepted submission has figures and rows whichever path read it.
/// </summary>
public static class ReportTables
{
    public const string CovidTemplate = "covid-tech-2021";
    public const string DirectivesSection = "directives";
    public const string QrSection = "qr";
    public const string DirectivesMeasure = "directives";
    public const string QrCodesMeasure = "qrCodes";
    public const string QrScansMeasure = "qrScans";

    public static IReadOnlyDictionary<string, decimal> FiguresOf(ParsedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Figures.Count > 0 || report.TemplateId != CovidTemplate)
        {
            return report.Figures;
        }
        return new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [DirectivesMeasure] = report.Directives.Count,
            [QrCodesMeasure] = report.QrCodes,
            [QrScansMeasure] = report.QrScans,
        };
    }

    public static IReadOnlyDictionary<string, ParsedTable> TablesOf(ParsedReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Tables.Count > 0 || report.TemplateId != CovidTemplate)
        {
            return report.Tables;
        }
        return new Dictionary<string, ParsedTable>(StringComparer.Ordinal)
        {
            [DirectivesSection] = new() { Section = DirectivesSection, Rows = report.Directives.Select(Row).ToList() },
            [QrSection] = new() { Section = QrSection, Rows = report.QrRows.Select(Row).ToList() },
        };
    }

    private static ParsedRow Row(DirectiveRow d)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["ordinal"] = Ordinal(d.Ordinal),
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
            // One a line, as the directives table keeps them.
            values["recipients"] = new() { Text = string.Join('\n', d.Recipients), Items = d.Recipients };
        }
        return new ParsedRow { Ordinal = d.Ordinal, Cell = d.Cell, Values = values };
    }

    private static ParsedRow Row(QrRow q)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["ordinal"] = Ordinal(q.Ordinal),
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

    private static FieldValue Ordinal(int ordinal) => Count(ordinal);

    private static FieldValue Count(long value) =>
        new() { Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = value };
}
