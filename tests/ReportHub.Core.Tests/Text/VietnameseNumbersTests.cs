using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class VietnameseNumbersTests
{
    [Theory]
    [InlineData("541", 541)]
    [InlineData("01", 1)]
    [InlineData(" 12 ", 12)]
    [InlineData("0", 0)]
    [InlineData("1.234", 1234)]
    [InlineData("1,234", 1234)]
    [InlineData("1 234", 1234)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("5,0", 5)]
    [InlineData("+7", 7)]
    public void ParseCountReadsWholeCountsWithThousandsSeparators(string text, long expected)
    {
        Assert.Equal(new CountParse(CountStatus.Ok, expected), VietnameseNumbers.ParseCount(text));
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.5")]
    [InlineData("2.75")]
    [InlineData("0,5")]
    [InlineData("1.234,5")]
    [InlineData("12,3456")]
    public void ParseCountFlagsDecimalsAsFractional(string text)
    {
        Assert.Equal(CountStatus.Fractional, VietnameseNumbers.ParseCount(text).Status);
    }

    [Theory]
    [InlineData("-3", -3)]
    [InlineData("- 3", -3)]
    [InlineData("-1.234", -1234)]
    public void ParseCountFlagsNegativeCounts(string text, long value)
    {
        Assert.Equal(new CountParse(CountStatus.Negative, value), VietnameseNumbers.ParseCount(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("–")]
    [InlineData("Không")]
    [InlineData("không có")]
    [InlineData("KHÔNG")]
    public void ParseCountTreatsNoneWordsAsBlank(string? text)
    {
        Assert.Equal(CountStatus.Blank, VietnameseNumbers.ParseCount(text).Status);
    }

    [Theory]
    [InlineData("mười")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1.2.3")]
    [InlineData("1.234,567.8")]
    [InlineData("1,23.456")]
    [InlineData("-99999999999999999999")]
    public void ParseCountRejectsTextThatIsNotANumber(string text)
    {
        Assert.Equal(CountStatus.NotNumber, VietnameseNumbers.ParseCount(text).Status);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("9.223.372.036.854.775.807")]
    [InlineData("9.223.372.036.854.775.808")]
    [InlineData("1.000.000.000.001")]
    [InlineData("1 000 000 000 001,5")]
    public void CountsAboveTheCeilingAreImplausibleHoweverWritten(string text)
    {
        Assert.Equal(new CountParse(CountStatus.Implausible, 0), VietnameseNumbers.ParseCount(text));
    }

    [Theory]
    [InlineData(9.223372036854775807e18)]
    [InlineData(1e12 + 1)]
    [InlineData(double.PositiveInfinity)]
    public void StoredNumbersAboveTheCeilingAreImplausible(double raw)
    {
        Assert.Equal(new CountParse(CountStatus.Implausible, 0), VietnameseNumbers.ParseCount("", raw));
    }

    [Fact]
    public void TheCeilingItselfIsAPlausibleCount()
    {
        Assert.Equal(new CountParse(CountStatus.Ok, Domain.Counts.MaxPlausible), VietnameseNumbers.ParseCount("1.000.000.000.000"));
        Assert.Equal(new CountParse(CountStatus.Ok, Domain.Counts.MaxPlausible), VietnameseNumbers.ParseCount("", 1e12));
    }

    [Theory]
    [InlineData(541d, CountStatus.Ok, 541)]
    [InlineData(0d, CountStatus.Ok, 0)]
    [InlineData(-3d, CountStatus.Negative, -3)]
    [InlineData(2.5d, CountStatus.Fractional, 2)]
    [InlineData(-0.5d, CountStatus.Negative, 0)]
    [InlineData(double.NaN, CountStatus.NotNumber, 0)]
    public void ParseCountUsesTheRawCellNumberWhenThereIsOne(double raw, CountStatus status, long value)
    {
        Assert.Equal(new CountParse(status, value), VietnameseNumbers.ParseCount("ignored text", raw));
    }

    [Fact]
    public void ParseCountReadsTheQrCountsOfSeed004()
    {
        var row = TextFixtures.SeedLines("004").Single(l => l.StartsWith("1\tSở Công Thương", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(new CountParse(CountStatus.Ok, 1), VietnameseNumbers.ParseCount(row[2]));
        Assert.Equal(new CountParse(CountStatus.Ok, 541), VietnameseNumbers.ParseCount(row[3]));
    }
}
