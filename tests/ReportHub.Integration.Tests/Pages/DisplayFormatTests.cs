using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Web;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>How the pages write percentages and a unit's status.</summary>
public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData("100", "100,0\u00a0%")]
    [InlineData("99.3", "99,3\u00a0%")]
    [InlineData("89.88", "89,9\u00a0%")]
    [InlineData("0", "0,0\u00a0%")]
    [InlineData("66.666666", "66,7\u00a0%")]
    [InlineData("1234.56", "1.234,6\u00a0%")]
    public void PercentagesHaveOneDecimalADecimalCommaAndANoBreakSpaceBeforeTheSign(string value, string expected) =>
        Assert.Equal(expected, Display.Percent(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AFigureIsWrittenAsAPercentageOnlyWhenItsLabelSaysSo()
    {
        var (label, percent) = Display.SplitPercent("Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)");
        Assert.Equal("Tỷ lệ hồ sơ tiếp nhận trực tuyến", label);
        Assert.Equal("45,2\u00a0%", Display.Figure(45.2m, percent));
        Assert.Equal("1.500", Display.Figure(1500m, Display.SplitPercent("Số hồ sơ tiếp nhận").Percent));
    }

    [Fact]
    public void AMissingUnitReadsAsOverdueOnlyPastTheDeadline()
    {
        Assert.Equal("Chưa gửi", Display.UnitStatus(Display.PageStatus(UnitStatuses.Missing, pastDeadline: false)));
        Assert.Equal("Quá hạn, chưa gửi", Display.UnitStatus(Display.PageStatus(UnitStatuses.Missing, pastDeadline: true)));
        Assert.Equal("Trễ hạn", Display.UnitStatus(Display.PageStatus(UnitStatuses.Late, pastDeadline: true)));
        Assert.Equal("Đúng hạn", Display.UnitStatus(Display.PageStatus(UnitStatuses.OnTime, pastDeadline: true)));
    }

    [Theory]
    [InlineData("Sở Công Thương tỉnh Quảng Ngãi", "cong thuong", true)]
    [InlineData("Sở Công Thương tỉnh Quảng Ngãi", "CÔNG THƯƠNG", true)]
    [InlineData("Huyện Đức Phổ", "duc pho", true)]
    [InlineData("Huyện Bình Sơn", "Sơn Tịnh", false)]
    [InlineData("Huyện Sơn Hà", "so", true)]
    [InlineData("Huyện Sơn Hà", "sở", false)]
    [InlineData("Sở Y tế tỉnh Quảng Ngãi", "SỞ Y", true)]
    [InlineData("51.SCT", "51.sct", true)]
    [InlineData("51.SCT", "", true)]
    public void SearchWordsMatchAnyCaseAndAccentsOnlyWhenTyped(string text, string words, bool matches) =>
        Assert.Equal(matches, TextSearch.Contains(text, words));
}
