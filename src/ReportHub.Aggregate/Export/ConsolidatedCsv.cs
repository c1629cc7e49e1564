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
    private const string UnitFields = "unit,name,type,status,receivedAt,submissionId";

    /// <summary>The heading row an official opening the file in Excel reads; the measures follow with their template labels.</summary>
    public static readonly IReadOnlyList<string> VietnameseHeadings = ["Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Mã báo cáo"];

    // Last, so that scripts reading the first release's columns by position still find them where they were.
    private const string RevisedField = "revisedAt";
    private const string RevisedHeading = "Ngày gửi bản sửa";

    // RFC 4180 ends records with CRLF; Excel and every CSV library accept it.
    private const string RecordEnd = "\r\n";

    /// <param name="keysHeader">True for the English field names (<c>?header=keys</c>, for scripts); false for Vietnamese headings.</param>
    public static void Write(Stream output, ConsolidatedData data, bool keysHeader = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        var figures = FigureColumn.Of(data.Template);
        writer.Write(keysHeader ? HeaderOf(data.Template) : VietnameseHeader(figures));
        writer.Write(RecordEnd);
        foreach (var unit in data.Units)
        {
            string[] fields =
            [
                Text(unit.Unit),
                Text(unit.Name),
                Text(unit.Type),
                Text(unit.Status),
                unit.ReceivedAt is { } received ? Iso8601(received) : string.Empty,
                unit.SubmissionId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                .. figures.Select(f => Number(f.ValueOf(unit))),
                unit.RevisedAt is { } revised ? Iso8601(revised) : string.Empty,
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write(RecordEnd);
        }
    }

    /// <summary>The header of a template's CSV: the unit fields, then its measure keys and its indicator keys.</summary>
    public static string HeaderOf(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.Join(',', [UnitFields, .. FigureColumn.Of(template).Select(f => Quote(Text(f.Key))), RevisedField]);
    }

    /// <summary>Invariant digits with a dot, no grouping, no trailing zeros; blank when there is no value.</summary>
    private static string Number(decimal? value) =>
        value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The Vietnamese heading row: the unit fields, then each measure and indicator as the summary sheet heads it.</summary>
    private static string VietnameseHeader(IReadOnlyList<FigureColumn> figures) =>
        string.Join(',', VietnameseHeadings
            .Concat(figures.Select(f => f.Header))
            .Append(RevisedHeading)
            .Select(h => Quote(VietnameseText.Safe(h))));

    /// <summary>The same shape System.Text.Json gives a DateTimeOffset: no fraction when it is zero, offset kept.</summary>
    private static string Iso8601(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Spreadsheet apps execute a cell that starts with = + - @ (or a tab/CR that hides one), so department-supplied
    /// text gets a leading apostrophe. Numbers are ours and never need it.
    /// </summary>
    private static string Text(string? value)
    {
        // The one cleaner, before anything else: Normalize throws on a lone surrogate or U+FFFE.
        var text = VietnameseText.Safe(value);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
