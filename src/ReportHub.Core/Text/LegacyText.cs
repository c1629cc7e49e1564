namespace ReportHub.Core.Text;

public enum LegacyCharset
{
    Unicode,
    Tcvn3,
    Vni,
}

/// <summary>Conversion of TCVN3 (ABC) and VNI text, as typed with .VnTime or VNI-Times fonts, to Unicode NFC.</summary>
public static class LegacyText
{
    /// <summary>The charset a font implies: .VnTime, .VnArial, .VnTimeH … are TCVN3; VNI-Times, VNI-Helve … are VNI.</summary>
    public static LegacyCharset CharsetOfFont(string? fontName) => throw new NotImplementedException();

    /// <summary>Guesses the charset from the characters alone, for text with no font (CSV) or a Unicode font.</summary>
    public static LegacyCharset DetectByContent(string text) => throw new NotImplementedException();

    public static string ToUnicode(string text, LegacyCharset charset) => throw new NotImplementedException();

    /// <summary>Font first, content signature second; returns NFC text and the charset that was applied.</summary>
    public static string Repair(string text, string? fontName, out LegacyCharset applied) => throw new NotImplementedException();
}
