using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class DigitFoldingTests
{
    [Theory]
    [InlineData("1.５４１", 1541)]
    [InlineData("５４１", 541)]
    [InlineData("１，２３４", 1234)]
    [InlineData("＋７", 7)]
    public void FullwidthDigitsAndSignsAreReadAsAsciiCounts(string text, long expected)
    {
        Assert.Equal(new CountParse(CountStatus.Ok, expected), VietnameseNumbers.ParseCount(text));
    }

    [Fact]
    public void FullwidthMinusIsANegativeCount()
    {
        Assert.Equal(new CountParse(CountStatus.Negative, -5), VietnameseNumbers.ParseCount("－５"));
    }

    [Theory]
    [InlineData("5\u200E41", "U+200E")]
    [InlineData("\u200F541", "U+200F")]
    [InlineData("5\u202A4\u202C1", "U+202A, U+202C")]
    [InlineData("54\u20661\u2069", "U+2066, U+2069")]
    [InlineData("5\u200B41", "U+200B")]
    [InlineData("\uFEFF541", "U+FEFF")]
    public void InvisibleFormatCharactersInsideACountAreDroppedAndNamed(string text, string dropped)
    {
        Assert.Equal(new CountParse(CountStatus.Ok, 541, dropped), VietnameseNumbers.ParseCount(text));
    }

    [Theory]
    [InlineData("٥٤١")]
    [InlineData("۵۴۱")]
    [InlineData("५४१")]
    [InlineData("1.٥٤١")]
    [InlineData("١٢٣٤٥٦٧٨٩٠١٢٣٤")]
    public void DigitsOfOtherScriptsAreRefusedNotMistakenForHugeOrTinyCounts(string text)
    {
        Assert.Equal(CountStatus.ForeignDigits, VietnameseNumbers.ParseCount(text).Status);
    }

    [Theory]
    [InlineData("１２，５", 12.5)]
    [InlineData("１２，５％", 12.5)]
    [InlineData("1.2\u200F34,5", 1234.5)]
    public void DecimalsFoldFullwidthAndDropInvisibleCharacters(string text, decimal expected)
    {
        Assert.Equal(expected, VietnameseNumbers.ParseDecimal(text).Value);
        Assert.Equal(DecimalStatus.Ok, VietnameseNumbers.ParseDecimal(text).Status);
    }

    [Fact]
    public void DecimalWithArabicIndicDigitsIsRefused()
    {
        Assert.Equal(DecimalStatus.ForeignDigits, VietnameseNumbers.ParseDecimal("١٢,٥").Status);
    }

    [Fact]
    public void DatesAndCitationsReadFullwidthDigits()
    {
        Assert.True(VietnameseDates.TryParseDate("０７/０５/２０２１", out var day));
        Assert.Equal(new DateOnly(2021, 5, 7), day);
        Assert.True(VietnameseDates.TryParseDate("07/\u200E05/2021", out day));
        Assert.Equal(new DateOnly(2021, 5, 7), day);
        Assert.True(Citations.TryParse("７８０/SCT-VP ngày ０７/05/2021", out var citation));
        Assert.Equal("780", citation.Number);
        Assert.Equal(new DateOnly(2021, 5, 7), citation.Date);
    }

    [Fact]
    public void DatesAndCitationsInOtherScriptsAreNotRead()
    {
        Assert.False(VietnameseDates.TryParseDate("٠٧/٠٥/٢٠٢١", out _));
        Assert.False(Citations.TryParse("٧٨٠/SCT-VP", out _));
        Assert.False(VietnameseDates.TryParsePlaceDate("Quảng Ngãi, ngày ٢٧ tháng ١٠ năm ٢٠٢١", out _));
    }

    [Fact]
    public void AsciiTextComesBackAsTheSameString()
    {
        const string text = "1.541";
        Assert.Same(text, DigitFolding.Fold(text).Text);
    }
}
