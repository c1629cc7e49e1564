using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Readers.Tests.Csv;

/// <summary>
/// Writes cells the way Excel's and LibreOffice's "Save as CSV" do: every row padded to the width of the used range,
/// a field quoted only when it holds the separator, a quote or a line break, quotes doubled, CRLF after each row.
/// </summary>
internal static class ExcelCsv
{
    static ExcelCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Text(IReadOnlyList<string[]> rows, char separator, bool pad = true, string? separatorHint = null)
    {
        var width = rows.Max(r => r.Length);
        var sb = new StringBuilder();
        if (separatorHint is not null)
        {
            sb.Append(separatorHint).Append("\r\n");
        }
        foreach (var row in rows)
        {
            var cells = pad ? [.. row, .. Enumerable.Repeat("", width - row.Length)] : row;
            sb.AppendJoin(separator, cells.Select(c => Quote(c, separator))).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Quote(string cell, char separator) =>
        cell.Contains(separator) || cell.Contains('"') || cell.Contains('\n') || cell.Contains('\r')
            ? "\"" + cell.Replace("\"", "\"\"") + "\""
            : cell;

    public static byte[] Utf8(string text, bool bom) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Utf16(string text, bool bigEndian, bool bom)
    {
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        return [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];
    }

    /// <summary>
    /// What Excel on Vietnamese Windows writes for "CSV (Comma delimited)": code page 1258, letters with circumflex,
    /// breve or horn precomposed (they are in the code page), tone marks as separate combining bytes. Encoded with
    /// .NET's own code page 1258, not the reader's table.
    /// </summary>
    public static byte[] Windows1258(string text) => Encoding.GetEncoding(1258).GetBytes(ToCp1258Form(text));

    /// <summary>
    /// A sheet typed with a .VnTime (TCVN3) or VNI-Times font saved as CSV: one byte per character, the cells' legacy
    /// codes as they are. Each cell is converted before it is quoted, as Excel quotes what the cell holds.
    /// </summary>
    public static byte[] Legacy(IReadOnlyList<string[]> rows, char separator, LegacyCharset charset) =>
        Encoding.Latin1.GetBytes(Text([.. rows.Select(r => r.Select(c => ToSingleByte(LegacyText.FromUnicode(c, charset))).ToArray())], separator));

    /// <summary>A character with no byte of its own becomes what the encoder writes for it (“ becomes "), so that it is quoted as Excel would.</summary>
    private static string ToSingleByte(string text) => Encoding.Latin1.GetString(Encoding.Latin1.GetBytes(text));

    private static string ToCp1258Form(string text)
    {
        const string tones = "\u0300\u0301\u0303\u0309\u0323";
        // à, á, é, ó … are in the code page and Windows writes them as one byte; ấ, ở, ạ … it decomposes.
        var inCodePage = Encoding.GetEncoding(1258).GetString([.. Enumerable.Range(0, 256).Select(b => (byte)b)]).ToHashSet();
        var result = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (inCodePage.Contains(c))
            {
                result.Append(c);
                continue;
            }
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            result.Append(new string([.. parts.Where(p => !tones.Contains(p))]).Normalize(NormalizationForm.FormC));
            result.Append([.. parts.Where(p => tones.Contains(p))]);
        }
        return result.ToString();
    }
}
