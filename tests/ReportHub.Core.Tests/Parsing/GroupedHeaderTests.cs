using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

public sealed class GroupedHeaderTests
{
    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);

    private static ParseResult Parse(SheetBuilder sheet) =>
        Parser.Parse(sheet, new ParseOptions { Today = new DateOnly(2021, 10, 27) });

    [Fact]
    public void GroupHeadingMergedOverTwoColumnsWithTheirHeadersBelowIsUnderstood()
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Số lượng", null, "Ghi chú");
        var group = sheet.CurrentRow;
        sheet.Line(null, null, "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm")
            .Merge(group, 1, group + 1, 1)
            .Merge(group, 2, group + 1, 2)
            .Merge(group, 3, group, 4)
            .Merge(group, 5, group + 1, 5)
            .Line(1, "Thị trấn Châu Ổ", 10, 1000)
            .Line(2, "Xã Bình Đông", 5, 500);

        var result = Parse(sheet);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => $"{i.Code} {i.Cell} {i.Message}")));
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.ColumnUnknown);
        var rows = result.Report!.Tables["qr"].Rows;
        Assert.Equal(2, rows.Count);
        Assert.Equal([10m, 5m], rows.Select(r => r.Values["qrCodes"]!.Number!.Value));
        Assert.Equal([1000m, 500m], rows.Select(r => r.Values["qrScans"]!.Number!.Value));
    }

    [Fact]
    public void OneRowHeaderFollowedByDataIsNotTakenForAGroupedHeader()
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm")
            .Line(1, "Thị trấn Châu Ổ", 10, 1000);

        var result = Parse(sheet);

        Assert.False(result.HasErrors);
        Assert.Single(result.Report!.Tables["qr"].Rows);
    }
}
