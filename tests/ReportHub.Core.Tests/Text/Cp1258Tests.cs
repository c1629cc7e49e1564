using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class Cp1258Tests
{
    private static readonly Encoding Oracle = CreateOracle();

    private static Encoding CreateOracle()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258);
    }

    /// <summary>
    /// How Windows writes a letter in CP1258: the base with its shape mark (â, ă, ê, ô, ơ, ư, đ) precomposed,
    /// then the tone as a combining character.
    /// </summary>
    private static string WindowsSpelling(string letter)
    {
        var nfd = letter.Normalize(NormalizationForm.FormD);
        var tones = nfd.Where(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
        var shape = new string(nfd.Where(c => !tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
        return shape + new string(tones);
    }

    [Theory]
    [MemberData(nameof(VietnameseAlphabet.AllLetters), MemberType = typeof(VietnameseAlphabet))]
    public void DecodeGivesNfcForEveryVietnameseLetter(string letter)
    {
        var bytes = Oracle.GetBytes(WindowsSpelling(letter));
        Assert.DoesNotContain((byte)'?', bytes);
        Assert.Equal(letter, Cp1258.Decode(bytes));
    }

    [Fact]
    public void DecodeAgreesWithTheWindowsCodepageOnEveryDefinedByte()
    {
        byte[] undefined = [0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E];
        for (var b = 0; b < 256; b++)
        {
            if (undefined.Contains((byte)b))
            {
                continue;
            }

            var expected = Oracle.GetString([(byte)b]);
            Assert.True(expected == Cp1258.Decode([(byte)b]) || expected.Normalize() == Cp1258.Decode([(byte)b]), $"byte 0x{b:X2}");
        }
    }

    [Fact]
    public void DecodeComposesARealPhrase()
    {
        var phrase = "Sở Công Thương tỉnh Quảng Ngãi báo cáo tổng hợp";
        var bytes = Oracle.GetBytes(string.Concat(phrase.Select(c => WindowsSpelling(c.ToString()))));
        Assert.Equal(phrase, Cp1258.Decode(bytes));
    }

    [Fact]
    public void DecodeOfToneBytesAreCombiningMarks()
    {
        Assert.Equal("ả", Cp1258.Decode([(byte)'a', 0xD2]));
        Assert.Equal("ợ", Cp1258.Decode([0xF5, 0xF2]));
        Assert.Equal("₫", Cp1258.Decode([0xFE]));
    }
}
