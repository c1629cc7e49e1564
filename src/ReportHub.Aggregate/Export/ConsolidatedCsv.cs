using System.Globalization;
using System.Text;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The per-unit table as CSV, with the JSON field names as headers so scripts can switch between the two: the unit
/// fields, the template's measure keys then its indicator keys, and last the time of a revision. A figure the unit has
/// no value for is an empty field, never a 0.
/// UTF-8 with a BOM because Excel on Vietnamese Windows otherwise opens it as Windows-1258 and garbles the names.
/// </summary>
public static class ConsolidatedCsv
{
    private static readonly string[] UnitFields = ["unit", "name", "type", "status", "receivedAt", "submissionId"];

    /// <summary>The heading row an official opening the file in Excel reads; the measures follow with their template labels.</summary>
    public static readonly IReadOnlyList<string> VietnameseHeadings = ["Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Mã báo cáo"];

    // Last, so that scripts reading the first release's columns by position still find them where they were.
    private const string RevisedField = "revisedAt";
    private const string RevisedHeading = "Ngày gửi bản sửa";

    // RFC 4180 ends records with CRLF; Excel and every CSV library accept it.
    private const string RecordEnd = "\r\n";

    /// <param name="keysHeader">
    /// True for the English field names and the JSON codes of <c>type</c> and <c>status</c> (<c>?header=keys</c>, for
    /// scripts); false for Vietnamese headings and values.
    /// </param>
    /// <param name="form">Comma-separated for scripts, or the semicolon form Vietnamese Excel opens in columns.</param>
    public static void Write(Stream output, ConsolidatedData data, bool keysHeader = true, CsvForm form = CsvForm.Comma)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var separator = form == CsvForm.Excel ? ';' : ',';
        var figures = FigureColumn.Of(data.Template);
        writer.Write(Record(keysHeader ? KeyHeadings(figures) : VietnameseHeadingsOf(figures), separator));
        writer.Write(RecordEnd);
        foreach (var unit in data.Units)
        {
            string[] fields =
            [
                Text(unit.Unit),
                Text(unit.Name),
                keysHeader ? Text(unit.Type) : VietnameseLabels.UnitType(unit.Type),
                keysHeader ? Text(unit.Status) : VietnameseLabels.Status(unit.Status),
                unit.ReceivedAt is { } received ? Instant(received, form) : string.Empty,
                unit.SubmissionId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                .. figures.Select(f => Number(f.ValueOf(unit), form)),
                unit.RevisedAt is { } revised ? Instant(revised, form) : string.Empty,
            ];
            writer.Write(Record(fields, separator));
            writer.Write(RecordEnd);
        }
    }

    /// <summary>The header of a template's comma CSV: the unit fields, then its measure keys and its indicator keys.</summary>
    public static string HeaderOf(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Record(KeyHeadings(FigureColumn.Of(template)), ',');
    }

    private static IEnumerable<string> KeyHeadings(IReadOnlyList<FigureColumn> figures) =>
        [.. UnitFields, .. figures.Select(f => Text(f.Key)), RevisedField];

    /// <summary>The Vietnamese heading row: the unit fields, then each measure and indicator as the summary sheet heads it.</summary>
    private static IEnumerable<string> VietnameseHeadingsOf(IReadOnlyList<FigureColumn> figures) =>
        VietnameseHeadings.Concat(figures.Select(f => f.Header)).Append(RevisedHeading).Select(Text);

    /// <summary>
    /// No grouping, no trailing zeros; blank when there is no value. A decimal dot for scripts, a decimal comma in the
    /// Excel form, where a dot would make Vietnamese Excel read 1.5 as text or a date. A negative figure stays a bare
    /// number: it is ours, not text a department typed, and a guard would turn it into text.
    /// </summary>
    private static string Number(decimal? value, CsvForm form)
    {
        if (value is not { } v)
        {
            return string.Empty;
        }
        var text = (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        return form == CsvForm.Excel ? text.Replace('.', ',') : text;
    }

    /// <summary>The same shape System.Text.Json gives a DateTimeOffset: no fraction when it is zero, offset kept.</summary>
    // Excel with Vietnamese regional settings reads "dd/MM/yyyy HH:mm" as a date it can sort; the offset form stays text.
    private static string Instant(DateTimeOffset value, CsvForm form) => form == CsvForm.Excel
        ? value.ToOffset(RollupService.ProvinceOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
        : Iso8601(value);

    private static string Iso8601(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Spreadsheet apps execute a cell that starts with = + - @ (or a tab/CR that hides one, or the fullwidth signs an
    /// East Asian input method types and Excel takes for the same), so text, department-supplied or a template's
    /// heading, gets a leading apostrophe.
    /// </summary>
    private static string Text(string? value)
    {
        // The one cleaner, before anything else: Normalize throws on a lone surrogate or U+FFFE.
        var text = VietnameseText.Safe(value);
        return text.Length > 0 && StartsFormula(text[0]) ? "'" + text : text;
    }

    private static bool StartsFormula(char first) =>
        first is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';

    private static string Record(IEnumerable<string> fields, char separator) =>
        string.Join(separator, fields.Select(f => Quote(f, separator)));

    private static string Quote(string field, char separator) =>
        field.AsSpan().IndexOfAny(separator, '"', '\r') >= 0 || field.Contains('\n', StringComparison.Ordinal)
            || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
