using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Readers.Csv;

/// <summary>
/// Tells Windows-1258 from TCVN3/VNI bytes. Windows-1258 writes a tone as a separate byte (0xCC, 0xD2, 0xDE, 0xEC,
/// 0xF2) right after the vowel it sits on; TCVN3 and VNI use the same bytes as whole letters, mostly after a
/// consonant ("vÒ", "nghÞ", "thò"). So tone bytes that follow vowels almost always mean Windows-1258. Failing that,
/// the legacy signatures decide; text with neither is read as Windows-1258, which is Latin-1 for ASCII and most
/// Western letters.
/// </summary>
internal static class SingleByteCharset
{
    private const int SampleBytes = 64 * 1024;

    public static CsvEncoding Choose(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        int afterVowel = 0, elsewhere = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (!IsToneMark(sample[i]))
            {
                continue;
            }
            if (i > 0 && IsVowel(sample[i - 1]))
            {
                afterVowel++;
            }
            else
            {
                elsewhere++;
            }
        }
        if (afterVowel > 0 && elsewhere * 5 <= afterVowel)
        {
            return CsvEncoding.Windows1258;
        }
        var lines = Encoding.Latin1.GetString(sample).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return LegacyText.DetectForSheet(lines) == LegacyCharset.Unicode ? CsvEncoding.Windows1258 : CsvEncoding.LegacyVietnamese;
    }

    private static bool IsToneMark(byte b) => b is 0xCC or 0xD2 or 0xDE or 0xEC or 0xF2;

    /// <summary>Vowels a tone can follow in Windows-1258: plain ASCII ones and â ê ô ă ơ ư in both cases.</summary>
    private static bool IsVowel(byte b) => b is (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' or (byte)'y'
        or (byte)'A' or (byte)'E' or (byte)'I' or (byte)'O' or (byte)'U' or (byte)'Y'
        or 0xC2 or 0xCA or 0xD4 or 0xC3 or 0xD5 or 0xDD or 0xE2 or 0xEA or 0xF4 or 0xE3 or 0xF5 or 0xFD;
}
