using System.Text;
using CsCheck;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Clean_collapses_tabs_nbsp_and_line_breaks_to_single_spaces()
    {
        Assert.Equal("Sở Công Thương tỉnh", VietnameseText.Clean("  Sở\u00A0Công\tThương\r\n \u2003tỉnh \u200B "));
    }

    [Fact]
    public void Clean_returns_empty_for_null_and_whitespace()
    {
        Assert.Equal(string.Empty, VietnameseText.Clean(null));
        Assert.Equal(string.Empty, VietnameseText.Clean(" \t\u00A0\n"));
    }

    [Fact]
    public void Clean_composes_nfd_input_to_nfc()
    {
        var nfd = "Quảng Ngãi".Normalize(NormalizationForm.FormD);
        Assert.Equal("Quảng Ngãi", VietnameseText.Clean(nfd));
        Assert.True(VietnameseText.Clean(nfd).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Clean_keeps_the_soft_hyphen_that_is_tcvn3_letter_u_horn()
    {
        Assert.Equal("Th\u00AD\u00ACng", VietnameseText.Clean(" Th\u00AD\u00ACng "));
        Assert.Equal("\u00AD", VietnameseText.Clean("\u00AD"));
    }

    [Fact]
    public void Clean_never_loses_a_soft_hyphen_property()
    {
        Gen.String[Gen.Char["a \u00AD\t\u00A0b\n"], 0, 40].Sample(s =>
            s.Count(c => c == '\u00AD') == VietnameseText.Clean(s).Count(c => c == '\u00AD'));
    }

    [Fact]
    public void CleanMultiline_keeps_inner_lines_and_drops_blank_edges()
    {
        Assert.Equal("Kính gửi:\n- Sở A;\n\n- Sở B.", VietnameseText.CleanMultiline("\r\n  \nKính gửi:  \r\n-  Sở A;\r\n\r\n- Sở\tB.\n \n"));
    }

    [Fact]
    public void CleanMultiline_of_blank_text_is_empty()
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
    public void Fold_makes_spelling_variants_equal(string a, string b)
    {
        Assert.Equal(VietnameseText.Fold(a), VietnameseText.Fold(b));
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân huyện Bình Sơn", "uy ban nhan dan huyen binh son")]
    [InlineData("ĐỨC PHỔ", "duc pho")]
    [InlineData("  Sở  KH&ĐT ; ", "so kh&dt")]
    [InlineData("Ưu tiên", "uu tien")]
    public void Fold_lowercases_and_strips_diacritics(string text, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_keeps_different_words_apart()
    {
        Assert.NotEqual(VietnameseText.Fold("Sở Công Thương"), VietnameseText.Fold("Sở Thông tin"));
    }

    [Fact]
    public void Fold_is_idempotent_property()
    {
        var letters = VietnameseAlphabet.Vowels + "ĐđbcdghklmnpqrstvxABC .,:;/-–\u00A0\t";
        Gen.String[Gen.Char[letters], 0, 30].Sample(s =>
            VietnameseText.Fold(VietnameseText.Fold(s)) == VietnameseText.Fold(s));
    }

    [Fact]
    public void Fold_leaves_no_combining_marks_property()
    {
        Gen.String[Gen.Char[VietnameseAlphabet.Vowels + "Đđ "], 0, 30].Sample(s =>
            VietnameseText.Fold(s).All(c => c is < '\u0300' or > '\u036F' && c != 'đ'));
    }
}
