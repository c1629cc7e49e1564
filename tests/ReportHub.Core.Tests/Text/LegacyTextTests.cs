using System.Text;
using CsCheck;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class LegacyTextTests
{
    public static IEnumerable<object[]> LowerLetters() =>
        VietnameseAlphabet.LowerWithDiacritics.Select(c => new object[] { c.ToString() });

    public static IEnumerable<object[]> UpperLetters() =>
        VietnameseAlphabet.UpperWithDiacritics.Select(c => new object[] { c.ToString() });

    [Theory]
    [InlineData(".VnTime", LegacyCharset.Tcvn3)]
    [InlineData(".VnTimeH", LegacyCharset.Tcvn3)]
    [InlineData(".VnArial", LegacyCharset.Tcvn3)]
    [InlineData(".VnArialH", LegacyCharset.Tcvn3)]
    [InlineData(".VnCentury Schoolbook", LegacyCharset.Tcvn3)]
    [InlineData("VNI-Times", LegacyCharset.Vni)]
    [InlineData("VNI-Helve", LegacyCharset.Vni)]
    [InlineData("Times New Roman", LegacyCharset.Unicode)]
    [InlineData("Arial", LegacyCharset.Unicode)]
    [InlineData("", LegacyCharset.Unicode)]
    [InlineData(null, LegacyCharset.Unicode)]
    public void CharsetOfFontReadsTheFontFamilyPrefix(string? font, LegacyCharset expected)
    {
        Assert.Equal(expected, LegacyText.CharsetOfFont(font));
    }

    [Theory]
    [InlineData(".VnTimeH", true)]
    [InlineData(".VnArialH", true)]
    [InlineData(".VnTime", false)]
    [InlineData("VNI-Helve", false)]
    [InlineData("Arial", false)]
    public void IsTcvn3UppercaseFontRecognisesTheHFamilies(string font, bool expected)
    {
        Assert.Equal(expected, LegacyText.IsTcvn3UppercaseFont(font));
    }

    [Theory]
    [InlineData("à", "\u00B5")]
    [InlineData("á", "\u00B8")]
    [InlineData("ặ", "\u00C6")]
    [InlineData("ư", "\u00AD")]
    [InlineData("ơ", "\u00AC")]
    [InlineData("ô", "\u00AB")]
    [InlineData("đ", "\u00AE")]
    [InlineData("Đ", "\u00A7")]
    [InlineData("Ư", "\u00A6")]
    [InlineData("ỵ", "\u00FE")]
    [InlineData("ở", "\u00EB")]
    public void Tcvn3CodesFollowThePublishedChart(string letter, string code)
    {
        Assert.Equal(code, LegacyText.FromUnicode(letter, LegacyCharset.Tcvn3));
        Assert.Equal(letter, LegacyText.ToUnicode(code, LegacyCharset.Tcvn3));
    }

    [Theory]
    [MemberData(nameof(LowerLetters))]
    public void Tcvn3RoundTripsEveryLowercaseLetter(string letter)
    {
        var encoded = LegacyText.FromUnicode(letter, LegacyCharset.Tcvn3);
        Assert.Single(encoded);
        Assert.InRange(encoded[0], '\u00A0', '\u00FF');
        Assert.Equal(letter, LegacyText.ToUnicode(encoded, LegacyCharset.Tcvn3));
    }

    [Theory]
    [MemberData(nameof(UpperLetters))]
    public void Tcvn3RoundTripsEveryUppercaseLetterThroughAnHFont(string letter)
    {
        var encoded = LegacyText.FromUnicode(letter, LegacyCharset.Tcvn3);
        Assert.Equal(letter, LegacyText.Repair(encoded, ".VnTimeH", out var applied));
        Assert.Equal(LegacyCharset.Tcvn3, applied);
    }

    [Theory]
    [InlineData("Ă")]
    [InlineData("Â")]
    [InlineData("Ê")]
    [InlineData("Ô")]
    [InlineData("Ơ")]
    [InlineData("Ư")]
    [InlineData("Đ")]
    public void Tcvn3CapitalsWithTheirOwnCodeDecodeWithoutAnHFont(string letter)
    {
        Assert.Equal(letter, LegacyText.ToUnicode(LegacyText.FromUnicode(letter, LegacyCharset.Tcvn3), LegacyCharset.Tcvn3));
    }

    [Theory]
    [InlineData("Së C«ng Th\u00AD\u00ACng", "Sở Công Thương")]
    [InlineData("Tæng céng", "Tổng cộng")]
    [InlineData("Uû ban nh©n d©n tØnh Qu¶ng Ng·i", "Uỷ ban nhân dân tỉnh Quảng Ngãi")]
    [InlineData("C«ng v¨n sè 780/SCT-VP ngµy 07/05/2021", "Công văn số 780/SCT-VP ngày 07/05/2021")]
    public void Tcvn3PhrasesConvertToUnicode(string tcvn3, string expected)
    {
        Assert.Equal(expected, LegacyText.ToUnicode(tcvn3, LegacyCharset.Tcvn3));
        Assert.Equal(expected, LegacyText.Repair(tcvn3, ".VnTime", out _));
    }

    [Fact]
    public void Tcvn3HFontTextComesBackUpperCase()
    {
        Assert.Equal("SỞ CÔNG THƯƠNG", LegacyText.Repair("Së C«ng Th\u00AD\u00ACng", ".VnTimeH", out var applied));
        Assert.Equal(LegacyCharset.Tcvn3, applied);
    }

    [Theory]
    [InlineData("ấ", "a\u00E1")]
    [InlineData("ặ", "a\u00EB")]
    [InlineData("ẳ", "a\u00FA")]
    [InlineData("ơ", "\u00F4")]
    [InlineData("ớ", "\u00F4\u00F9")]
    [InlineData("ư", "\u00F6")]
    [InlineData("ự", "\u00F6\u00EF")]
    [InlineData("ĩ", "\u00F3")]
    [InlineData("ỉ", "\u00E6")]
    [InlineData("ỵ", "\u00EE")]
    [InlineData("đ", "\u00F1")]
    [InlineData("Đ", "\u00D1")]
    [InlineData("Ấ", "A\u00C1")]
    [InlineData("Ỵ", "\u00CE")]
    public void VniCodesFollowThePublishedChart(string letter, string code)
    {
        Assert.Equal(code, LegacyText.FromUnicode(letter, LegacyCharset.Vni));
        Assert.Equal(letter, LegacyText.ToUnicode(code, LegacyCharset.Vni));
    }

    [Theory]
    [MemberData(nameof(VietnameseAlphabet.AllLetters), MemberType = typeof(VietnameseAlphabet))]
    public void VniRoundTripsEveryLetter(string letter)
    {
        var encoded = LegacyText.FromUnicode(letter, LegacyCharset.Vni);
        Assert.All(encoded, c => Assert.InRange(c, '\u0020', '\u00FF'));
        Assert.Equal(letter, LegacyText.ToUnicode(encoded, LegacyCharset.Vni));
    }

    [Theory]
    [InlineData("Sôû Coâng Thöông", "Sở Công Thương")]
    [InlineData("Toång coäng", "Tổng cộng")]
    [InlineData("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc")]
    [InlineData("SÔÛ COÂNG THÖÔNG", "SỞ CÔNG THƯƠNG")]
    public void VniPhrasesConvertToUnicode(string vni, string expected)
    {
        Assert.Equal(expected, LegacyText.ToUnicode(vni, LegacyCharset.Vni));
        Assert.Equal(expected, LegacyText.Repair(vni, "VNI-Times", out _));
    }

    [Fact]
    public void VniToleratesACapitalBaseWithASmallAccent()
    {
        Assert.Equal("SỞ", LegacyText.ToUnicode("SÔû", LegacyCharset.Vni));
    }

    [Theory]
    [InlineData("Së C«ng Th\u00AD\u00ACng", LegacyCharset.Tcvn3)]
    [InlineData("Tæng céng", LegacyCharset.Tcvn3)]
    [InlineData("Uû ban nh©n d©n", LegacyCharset.Tcvn3)]
    [InlineData("Sôû Coâng Thöông", LegacyCharset.Vni)]
    [InlineData("tænh Quaûng Ngaõi", LegacyCharset.Vni)]
    [InlineData("Sở Công Thương", LegacyCharset.Unicode)]
    [InlineData("Hoà Bình", LegacyCharset.Unicode)]
    [InlineData("Cà phê Bình Sơn", LegacyCharset.Unicode)]
    [InlineData("© 2021 ACME Corp", LegacyCharset.Unicode)]
    [InlineData("Copyright © Sở TT&TT", LegacyCharset.Unicode)]
    [InlineData("Café Noël", LegacyCharset.Unicode)]
    [InlineData("QR Code 541", LegacyCharset.Unicode)]
    [InlineData("5 µm", LegacyCharset.Unicode)]
    [InlineData("", LegacyCharset.Unicode)]
    public void DetectByContentRecognisesEachCharsetByItsSignature(string text, LegacyCharset expected)
    {
        Assert.Equal(expected, LegacyText.DetectByContent(text));
    }

    [Fact]
    public void DetectByContentNeverFlipsAnNfdUnicodeText()
    {
        var nfd = "Hoà Bình, Thuý".Normalize(NormalizationForm.FormD);
        Assert.Equal(LegacyCharset.Unicode, LegacyText.DetectByContent(nfd));
    }

    /// <summary>Seed lines with some diacritics: every one, re-typed in a legacy charset, must be recognised.</summary>
    public static IEnumerable<object[]> SeedLines() =>
        new[] { "000", "001", "002", "003", "004" }
            .SelectMany(TextFixtures.SeedLines)
            .Select(l => l.Trim())
            .Where(l => l.Count(c => c > '\u007F') >= 4)
            .Distinct()
            .Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(SeedLines))]
    public void DetectByContentRecognisesSeedLinesInEveryCharset(string line)
    {
        Assert.Equal(LegacyCharset.Unicode, LegacyText.DetectByContent(line));
        Assert.Equal(LegacyCharset.Tcvn3, LegacyText.DetectByContent(LegacyText.FromUnicode(line.ToLowerInvariant(), LegacyCharset.Tcvn3)));
        Assert.Equal(LegacyCharset.Vni, LegacyText.DetectByContent(LegacyText.FromUnicode(line, LegacyCharset.Vni)));
    }

    [Theory]
    [MemberData(nameof(SeedLines))]
    public void RepairWithoutAFontRestoresLegacySeedLines(string line)
    {
        var lower = line.ToLowerInvariant();
        Assert.Equal(lower, LegacyText.Repair(LegacyText.FromUnicode(lower, LegacyCharset.Tcvn3), null, out _));
        Assert.Equal(line.Normalize(), LegacyText.Repair(LegacyText.FromUnicode(line, LegacyCharset.Vni), null, out _));
        Assert.Equal(line.Normalize(), LegacyText.Repair(line, null, out var applied));
        Assert.Equal(LegacyCharset.Unicode, applied);
    }

    [Fact]
    public void RepairKeepsUnicodeTextThatStillCarriesALegacyFontName()
    {
        Assert.Equal("Sở Công Thương", LegacyText.Repair("Sở Công Thương", ".VnTime", out var applied));
        Assert.Equal(LegacyCharset.Unicode, applied);
    }

    [Fact]
    public void RepairReturnsNfc()
    {
        var nfd = "Quảng Ngãi".Normalize(NormalizationForm.FormD);
        Assert.Equal("Quảng Ngãi", LegacyText.Repair(nfd, "Arial", out _));
    }

    private static readonly Gen<string> VietnameseWords =
        Gen.String[Gen.Char[VietnameseAlphabet.Vowels + "đbcdghklmnpqrstvx ,.0123456789"], 0, 40];

    [Fact]
    public void Tcvn3EncodeThenDecodeRoundTripsLowercaseProperty()
    {
        VietnameseWords.Sample(s =>
            LegacyText.ToUnicode(LegacyText.FromUnicode(s, LegacyCharset.Tcvn3), LegacyCharset.Tcvn3) == s.Normalize());
    }

    [Fact]
    public void VniEncodeThenDecodeRoundTripsProperty()
    {
        var mixed = Gen.String[Gen.Char[VietnameseAlphabet.Vowels + VietnameseAlphabet.Vowels.ToUpperInvariant() + "đĐbcdghklmnpqrstvx ,."], 0, 40];
        mixed.Sample(s =>
            LegacyText.ToUnicode(LegacyText.FromUnicode(s, LegacyCharset.Vni), LegacyCharset.Vni) == s.Normalize());
    }

    [Fact]
    public void Tcvn3DecodeKeepsAsciiUnchangedProperty()
    {
        Gen.String[Gen.Char[' ', '~'], 0, 40].Sample(s => LegacyText.ToUnicode(s, LegacyCharset.Tcvn3) == s
            && LegacyText.ToUnicode(s, LegacyCharset.Vni) == s
            && LegacyText.DetectByContent(s) == LegacyCharset.Unicode);
    }

    [Fact]
    public void ConversionResultsAreNfc()
    {
        var text = LegacyText.ToUnicode("Së C«ng Th\u00AD\u00ACng", LegacyCharset.Tcvn3);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Sở Công Thương".Normalize(NormalizationForm.FormC), text, StringComparer.Ordinal);
    }
}
