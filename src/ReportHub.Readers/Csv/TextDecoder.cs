using System.Text;
using System.Text.Unicode;
using ReportHub.Core.Text;

namespace ReportHub.Readers.Csv;

/// <summary>
/// Turns CSV bytes into NFC text. Excel on Vietnamese Windows writes "CSV" in Windows-1258 with no BOM,
/// "Unicode text" as UTF-16 LE with BOM and "CSV UTF-8" with BOM; hand-made files are UTF-8 without one.
/// </summary>
internal static class TextDecoder
{
    private const int SampleBytes = 64 * 1024;

    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        string text;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(span[3..]);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(span[2..]);
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(span[2..]);
        }
        else if (LooksLikeUtf16(span, out var bigEndian))
        {
            text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(span);
        }
        else if (Utf8.IsValid(span))
        {
            text = Encoding.UTF8.GetString(span);
        }
        else
        {
            text = Cp1258.Decode(span);
        }
        return CellText.Nfc(text);
    }

    /// <summary>
    /// UTF-16 without a BOM: text in Latin script has a zero in every other byte. Requiring most pairs to
    /// have exactly one zero, on the same side, keeps binary files (zeros everywhere) out.
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return false;
        }
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var evenZero = sample[i] == 0;
            var oddZero = sample[i + 1] == 0;
            if (evenZero && !oddZero)
            {
                zeroEven++;
            }
            else if (oddZero && !evenZero)
            {
                zeroOdd++;
            }
        }
        if (zeroOdd >= pairs * 0.4 && zeroEven <= pairs * 0.05)
        {
            return true;
        }
        if (zeroEven >= pairs * 0.4 && zeroOdd <= pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Text with many control characters is a binary file that happened to decode: an image, an archive, a
    /// database. Tab, CR and LF are the only controls a CSV has.
    /// </summary>
    public static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleBytes));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }
            if ((char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || c == '\uFFFD')
            {
                controls++;
            }
        }
        return controls > Math.Max(2, sample.Length / 100);
    }

    /// <summary>Markup saved with a spreadsheet extension (HTML "xls" exports, SpreadsheetML 2003).</summary>
    public static bool LooksLikeMarkup(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<table", StringComparison.OrdinalIgnoreCase);
    }
}
