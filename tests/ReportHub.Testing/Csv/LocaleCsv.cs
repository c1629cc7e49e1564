using System.Globalization;
using System.Text;
using ReportHub.Core.Text;
using ReportHub.Testing.Appendix;

namespace ReportHub.Testing.Csv;

/// <summary>The bytes a program writes for the text of a CSV.</summary>
public enum CsvBytes
{
    /// <summary>Excel's "CSV UTF-8 (Comma delimited)": UTF-8 with a BOM.</summary>
    Utf8Bom,
    /// <summary>LibreOffice's default and most scripts: UTF-8, no BOM.</summary>
    Utf8,
    /// <summary>Excel's "Unicode Text": UTF-16 LE with a BOM.</summary>
    Utf16LeBom,
    Utf16BeBom,
    /// <summary>Excel's plain "CSV" on Vietnamese Windows: code page 1258, tones as combining bytes after the vowel.</summary>
    Windows1258,
    /// <summary>A sheet typed in .VnTime saved as CSV: the TCVN3 codes, one byte each.</summary>
    Tcvn3,
    /// <summary>A sheet typed in VNI-Times saved as CSV: the VNI codes, one byte each.</summary>
    Vni,
}

/// <summary>
/// Writes a <see cref="Report"/> as a spreadsheet program's "Save as" text file: the grid padded to the used range,
/// a field quoted when it holds the separator, a quote or a line break (or every text field, as LibreOffice's
/// "Quote all text cells"), the program's line ends, numbers as the locale shows them, and the chosen bytes.
/// </summary>
public sealed record LocaleCsv
{
    static LocaleCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public required char Separator { get; init; }

    public required CsvBytes Bytes { get; init; }

    public string LineEnd { get; init; } = "\r\n";

    public bool QuoteAllText { get; init; }

    /// <summary>Excel's "sep=;" first line, which names the separator for Excel when it opens the file.</summary>
    public bool SeparatorLine { get; init; }

    /// <summary>Numbers of a thousand and more shown with the locale's grouping ("28.055"), as a #,##0 format writes them.</summary>
    public bool GroupThousands { get; init; } = true;

    public byte[] Write(Report report)
    {
        var rows = report.Layout();
        var width = rows.Max(r => r.Length);
        var text = new StringBuilder();
        if (SeparatorLine)
        {
            text.Append("sep=").Append(Separator).Append(LineEnd);
        }
        foreach (var row in rows)
        {
            var fields = Enumerable.Range(0, width).Select(c => c < row.Length ? Field(row[c]) : "");
            text.AppendJoin(Separator, fields).Append(LineEnd);
        }
        return Encode(text.ToString());
    }

    private string Field(object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case string s:
                var typed = Bytes switch
                {
                    CsvBytes.Tcvn3 => LegacyText.FromUnicode(s, LegacyCharset.Tcvn3),
                    CsvBytes.Vni => LegacyText.FromUnicode(s, LegacyCharset.Vni),
                    _ => s,
                };
                return QuoteAllText || NeedsQuotes(typed) ? "\"" + typed.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : typed;
            default:
                var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                var shown = GroupThousands ? number.ToString("#,##0", Report.Dots) : number.ToString(CultureInfo.InvariantCulture);
                return NeedsQuotes(shown) ? "\"" + shown + "\"" : shown;
        }
    }

    private bool NeedsQuotes(string field) => field.Contains(Separator) || field.AsSpan().IndexOfAny("\"\r\n") >= 0;

    private byte[] Encode(string text) => Bytes switch
    {
        CsvBytes.Utf8Bom => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        CsvBytes.Utf8 => Encoding.UTF8.GetBytes(text),
        CsvBytes.Utf16LeBom => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        CsvBytes.Utf16BeBom => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        CsvBytes.Windows1258 => Writers.StrictWindows1258.GetBytes(Writers.Cp1258Form(text)),
        // The legacy codes are all in 0x00-0xFF, each the byte the font draws; a strict Latin-1 proves none was lost.
        _ => Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text),
    };
}
