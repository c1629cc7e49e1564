using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class VietnameseDecimalsTests
{
    [Theory]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1 234,5", "1234.5")]
    [InlineData("1.234.567,25", "1234567.25")]
    [InlineData("1,234,567.25", "1234567.25")]
    [InlineData("1,5", "1.5")]
    [InlineData("1.5", "1.5")]
    [InlineData("0,250", "0.250")]
    [InlineData("1.234", "1234")]
    [InlineData("1,234", "1234")]
    [InlineData("541", "541")]
    [InlineData("-3,5", "-3.5")]
    [InlineData("12,5%", "12.5")]
    [InlineData("12.5 %", "12.5")]
    public void DecimalsInEitherConventionAreRead(string text, string expected)
    {
        var parsed = VietnameseNumbers.ParseDecimal(text);

        Assert.Equal(DecimalStatus.Ok, parsed.Status);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("Không")]
    public void NoneMarksAreBlank(string text) =>
        Assert.Equal(DecimalStatus.Blank, VietnameseNumbers.ParseDecimal(text).Status);

    [Theory]
    [InlineData("mười")]
    [InlineData("1.234.5")]
    [InlineData("1,234,5")]
    [InlineData("1.23.456")]
    [InlineData("1,234.567,8")]
    [InlineData("12%%")]
    [InlineData("99999999999999999999999999999999999")]
    public void MalformedNumbersAreNotNumbers(string text) =>
        Assert.Equal(DecimalStatus.NotNumber, VietnameseNumbers.ParseDecimal(text).Status);

    [Fact]
    public void StoredNumberWinsAndAStoredPercentIsInPercentUnits()
    {
        Assert.Equal(0.5m, VietnameseNumbers.ParseDecimal("0,5", 0.5).Value);
        var percent = VietnameseNumbers.ParseDecimal("12.5%", 0.125);
        Assert.True(percent.Percent);
        Assert.Equal(12.5m, percent.Value);
        Assert.Equal(DecimalStatus.NotNumber, VietnameseNumbers.ParseDecimal("x", double.NaN).Status);
    }
}
