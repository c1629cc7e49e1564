using System.Text;

namespace ReportHub.Core.Text;

/// <summary>Windows-1258 (Vietnamese), decoded with our own table; the result is NFC.</summary>
public static class Cp1258
{
    /// <summary>
    /// Bytes 0x80–0xFF. 0x00–0x7F are ASCII. The five tone marks are combining characters (0xCC, 0xEC, 0xD2, 0xDE,
    /// 0xF2), so a letter such as ấ arrives as â + U+0301 and needs NFC afterwards. The bytes the chart leaves
    /// undefined (0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E) decode to the C1 control of the same value, as Windows does.
    /// </summary>
    private const string High =
        // 0x80
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u008A\u2039\u0152\u008D\u008E\u008F" +
        // 0x90
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u009A\u203A\u0153\u009D\u009E\u0178" +
        // 0xA0
        "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF" +
        // 0xB0
        "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF" +
        // 0xC0
        "\u00C0\u00C1\u00C2\u0102\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u0300\u00CD\u00CE\u00CF" +
        // 0xD0
        "\u0110\u00D1\u0309\u00D3\u00D4\u01A0\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u01AF\u0303\u00DF" +
        // 0xE0
        "\u00E0\u00E1\u00E2\u0103\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u0301\u00ED\u00EE\u00EF" +
        // 0xF0
        "\u0111\u00F1\u0323\u00F3\u00F4\u01A1\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u01B0\u20AB\u00FF";

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            sb.Append(b < 0x80 ? (char)b : High[b - 0x80]);
        }

        return VietnameseText.ToNfc(sb.ToString());
    }
}
