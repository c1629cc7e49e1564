using System.Text;
using CsCheck;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void CleanCollapsesTabsNbspAndLineBreaksToSingleSpaces()
    {
        Assert.Equal("Sở Công Thương tỉnh", VietnameseText.Clean("  Sở\u00A0Công\tThương\r\n \u2003tỉnh \u200B "));
    }

    [Fact]
    public void CleanReturnsEmptyForNullAndWhitespace()
    {
        Assert.Equal(string.Empty, VietnameseText.Clean(null));
        Assert.Equal(string.Empty, VietnameseText.Clean(" \t\u00A0\n"));
    }

    [Fact]
    public void CleanComposesNfdInputToNfc()
    {
        var nfd = "Quảng Ngãi".Normalize(NormalizationForm.FormD);
        Assert.Equal("Quảng Ngãi", VietnameseText.Clean(nfd));
        Assert.True(VietnameseText.Clean(nfd).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void CleanKeepsTheSoftHyphenThatIsTcvn3LetterUHorn()
    {
        Assert.Equal("Th\u00AD\u00ACng", VietnameseText.Clean(" Th\u00AD\u00ACng "));
        Assert.Equal("\u00AD", VietnameseText.Clean("\u00AD"));
    }

    [Fact]
    public void CleanNeverLosesASoftHyphenProperty()
    {
        Gen.String[Gen.Char["a \u00AD\t\u00A0b\n"], 0, 40].Sample(s =>
            s.Count(c => c == '\u00AD') == VietnameseText.Clean(s).Count(c => c == '\u00AD'));
    }

    [Fact]
    public void CleanMultilineKeepsInnerLinesAndDropsBlankEdges()
    {
        Assert.Equal("Kính gửi:\n- Sở A;\n\n- Sở B.", VietnameseText.CleanMultiline("\r\n  \nKính gửi:  \r\n-  Sở A;\r\n\r\n- Sở\tB.\n \n"));
    }

    [Fact]
    public void CleanMultilineOfBlankTextIsEmpty()
    {
        Assert.Equal(string.Empty, VietnameseText.CleanMultiline("\n \r\n\t"));
        Assert.Equal(string.Empty, VietnameseText.CleanMultiline(null));
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân", "Ủy ban nhân dân")]
    [InlineData("hoà", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("SỞ CÔNG THƯƠNG", "Sở Công Thương")]
    [InlineData("Độc lập – Tự do — Hạnh phúc", "Độc lập - Tự do - Hạnh phúc")]
    [InlineData("Sở Tư pháp.", "Sở Tư pháp")]
    [InlineData("Kính gửi:", "Kính gửi")]
    [InlineData("thực hiện./.", "thực hiện")]
    [InlineData("Quảng Ngãi", "Quảng Ngãi")]
    public void FoldMakesSpellingVariantsEqual(string a, string b)
    {
        Assert.Equal(VietnameseText.Fold(a), VietnameseText.Fold(b));
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân huyện Bình Sơn", "uy ban nhan dan huyen binh son")]
    [InlineData("ĐỨC PHỔ", "duc pho")]
    [InlineData("  Sở  KH&ĐT ; ", "so kh&dt")]
    [InlineData("Ưu tiên", "uu tien")]
    public void FoldLowercasesAndStripsDiacritics(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    [Fact]
    public void FoldKeepsDifferentWordsApart()
    {
        Assert.NotEqual(VietnameseText.Fold("Sở Công Thương"), VietnameseText.Fold("Sở Thông tin"));
    }

    [Fact]
    public void FoldIsIdempotentProperty()
    {
        var letters = VietnameseAlphabet.Vowels + "ĐđbcdghklmnpqrstvxABC .,:;/-–\u00A0\t";
        Gen.String[Gen.Char[letters], 0, 30].Sample(s =>
            VietnameseText.Fold(VietnameseText.Fold(s)) == VietnameseText.Fold(s));
    }

    [Fact]
    public void FoldLeavesNoCombiningMarksProperty()
    {
        Gen.String[Gen.Char[VietnameseAlphabet.Vowels + "Đđ "], 0, 30].Sample(s =>
            VietnameseText.Fold(s).All(c => c is < '\u0300' or > '\u036F' && c != 'đ'));
    }
}
