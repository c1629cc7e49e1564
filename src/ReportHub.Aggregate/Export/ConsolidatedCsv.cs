using System.Globalization;
using System.Text;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The per-unit table as CSV, with the JSON field names as headers so scripts can switch between the two.
/// UTF-8 with a BOM because Excel on Vietnamese Windows otherwise opens it as Windows-1258 and garbles the names.
/// </summary>
public static class ConsolidatedCsv
{
    public const string Header = "unit,name,type,status,receivedAt,submissionId,directives,qrCodes,qrScans";

    /// <summary>The heading row an official opening the file in Excel reads; the measures follow with their template labels.</summary>
    public static readonly IReadOnlyList<string> VietnameseHeadings = ["Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Mã báo cáo"];

    private static readonly string[] MeasureKeys = ["directives", "qrCodes", "qrScans"];

    // RFC 4180 ends records with CRLF; Excel and every CSV library accept it.
    private const string RecordEnd = "\r\n";

    /// <param name="keysHeader">True for the English field names (<c>?header=keys</c>, for scripts); false for Vietnamese headings.</param>
    public static void Write(Stream output, ConsolidatedData data, bool keysHeader = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        writer.Write(keysHeader ? Header : VietnameseHeader(data));
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
                (unit.Directives ?? 0).ToString(CultureInfo.InvariantCulture),
                (unit.QrCodes ?? 0).ToString(CultureInfo.InvariantCulture),
                (unit.QrScans ?? 0).ToString(CultureInfo.InvariantCulture),
            ];
            writer.Write(string.Join(',', fields.Select(Quote)));
            writer.Write(RecordEnd);
        }
    }

    private static string VietnameseHeader(ConsolidatedData data) =>
        string.Join(',', VietnameseHeadings
            .Concat(MeasureKeys.Select(key => data.Template.Measures.FirstOrDefault(m => m.Key == key)?.Label ?? key))
            .Select(h => Quote(h.Normalize(NormalizationForm.FormC))));

    /// <summary>The same shape System.Text.Json gives a DateTimeOffset: no fraction when it is zero, offset kept.</summary>
    private static string Iso8601(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Spreadsheet apps execute a cell that starts with = + - @ (or a tab/CR that hides one), so department-supplied
    /// text gets a leading apostrophe. Numbers are ours and never need it.
    /// </summary>
    private static string Text(string? value)
    {
        var text = (value ?? string.Empty).Normalize(NormalizationForm.FormC);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
