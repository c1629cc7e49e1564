using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class VietnameseDatesTests
{
    [Theory]
    [InlineData("Quảng Ngãi, ngày 27 tháng 10 năm 2021", "Quảng Ngãi", 2021, 10, 27)]
    [InlineData("Quảng Trị, ngày 16 tháng 4 năm 2020", "Quảng Trị", 2020, 4, 16)]
    [InlineData("  Quảng Ngãi ,  ngày  07  tháng 7  năm  2021 ", "Quảng Ngãi", 2021, 7, 7)]
    [InlineData("*Quảng Ngãi, ngày 28 tháng 6 năm 2021*", "Quảng Ngãi", 2021, 6, 28)]
    [InlineData("QUẢNG NGÃI, NGÀY 27 THÁNG 10 NĂM 2021", "QUẢNG NGÃI", 2021, 10, 27)]
    [InlineData("Quảng Ngãi ngày 27 tháng 10 năm 2021", "Quảng Ngãi", 2021, 10, 27)]
    public void TryParsePlaceDateReadsPlaceAndDate(string line, string place, int y, int m, int d)
    {
        Assert.True(VietnameseDates.TryParsePlaceDate(line, out var pd));
        Assert.Equal(new PlaceDate { Place = place, Date = new DateOnly(y, m, d), Year = y }, pd);
    }

    [Fact]
    public void TryParsePlaceDateReadsNfdInput()
    {
        var nfd = "Quảng Ngãi, ngày 27 tháng 10 năm 2021".Normalize(NormalizationForm.FormD);
        Assert.True(VietnameseDates.TryParsePlaceDate(nfd, out var pd));
        Assert.Equal("Quảng Ngãi", pd.Place);
        Assert.Equal(new DateOnly(2021, 10, 27), pd.Date);
    }

    [Theory]
    [InlineData("Bình Sơn, ngày tháng năm 2021")]
    [InlineData("Bình Sơn, ngày      tháng      năm 2021")]
    [InlineData("Bình Sơn, ngày ..... tháng ..... năm 2021")]
    [InlineData("Bình Sơn, ngày    tháng 11 năm 2021")]
    public void TryParsePlaceDateLeavesTheDateNullWhenDayOrMonthIsBlank(string line)
    {
        Assert.True(VietnameseDates.TryParsePlaceDate(line, out var pd));
        Assert.Equal("Bình Sơn", pd.Place);
        Assert.Null(pd.Date);
        Assert.Equal(2021, pd.Year);
    }

    [Fact]
    public void TryParsePlaceDateKeepsTheYearOfAnImpossibleDate()
    {
        Assert.True(VietnameseDates.TryParsePlaceDate("Quảng Ngãi, ngày 31 tháng 2 năm 2021", out var pd));
        Assert.Null(pd.Date);
        Assert.Equal(2021, pd.Year);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Số: 2162/SCT-VP")]
    [InlineData("ngày 27 tháng 10 năm 2021")]
    [InlineData("Kính gửi: Sở Thông tin và Truyền thông")]
    public void TryParsePlaceDateRejectsLinesWithoutPlaceAndDate(string? line)
    {
        Assert.False(VietnameseDates.TryParsePlaceDate(line, out _));
    }

    [Theory]
    [InlineData("07/05/2021", 2021, 5, 7)]
    [InlineData("7/5/2021", 2021, 5, 7)]
    [InlineData("07-05-2021", 2021, 5, 7)]
    [InlineData("07.05.2021", 2021, 5, 7)]
    [InlineData("2021-05-07", 2021, 5, 7)]
    [InlineData("30/8/2021", 2021, 8, 30)]
    [InlineData("ngày 27 tháng 10 năm 2021", 2021, 10, 27)]
    [InlineData("27 tháng 10 năm 2021", 2021, 10, 27)]
    [InlineData("ngày 07/05/2021", 2021, 5, 7)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void TryParseDateReadsDayFirstFormats(string text, int y, int m, int d)
    {
        Assert.True(VietnameseDates.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2021")]
    [InlineData("29/02/2021")]
    [InlineData("32/01/2021")]
    [InlineData("07/13/2021")]
    [InlineData("00/05/2021")]
    [InlineData("07/05/21")]
    [InlineData("07/05-2021")]
    [InlineData("2021")]
    [InlineData("hôm qua")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDateRejectsImpossibleOrUnknownDates(string? text)
    {
        Assert.False(VietnameseDates.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData(44504, 2021, 11, 4)]
    [InlineData(44504.75, 2021, 11, 4)]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(2958465, 9999, 12, 31)]
    public void FromSerialFollowsExcels1900System(double serial, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), VietnameseDates.FromSerial(serial));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2958466)]
    [InlineData(double.NaN)]
    public void FromSerialRejectsSerialsThatNameNoDay(double serial)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseDates.FromSerial(serial));
        Assert.False(VietnameseDates.TryFromSerial(serial, out _));
    }
}
