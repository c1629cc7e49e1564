using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Tests.Parsing;

namespace ReportHub.Core.Tests.Validation;

/// <summary>COVID's checks now come from its definition's rules; their codes, cells and wording are unchanged.</summary>
public sealed class CovidRulesTests
{
    private static ParseResult Parse(SheetBuilder sheet) =>
        new TemplateParser(FirstTemplateView.Definition).Parse(sheet, new ParseOptions { Today = new DateOnly(2021, 10, 27) });

    private static SheetBuilder QrTable(params object?[][] rows)
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú");
        foreach (var row in rows)
        {
            sheet.Line(row);
        }
        return sheet;
    }

    [Fact]
    public void ScansWithoutCodesIsAWarningAtTheCodesCell()
    {
        var result = Parse(QrTable([1, "Xã Tịnh Phong", 0, 1234]));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.ScansWithoutCodes);
        Assert.Equal((Severity.Warning, "C10"), (issue.Severity, issue.Cell));
        Assert.Equal("“Xã Tịnh Phong” báo cáo 1.234 lượt quét nhưng 0 mã QR địa điểm. Hãy kiểm tra lại số mã QR đã tạo và quản lý.", issue.Message);
    }

    [Fact]
    public void DuplicateEntityIsAWarningAtTheSecondRow()
    {
        var result = Parse(QrTable([1, "Xã Bình Thanh", 1, 2], [2, "Xã Bình Thạnh", 1, 2], [3, "xã bình thanh", 3, 4]));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.DuplicateRow);
        Assert.Equal("B12", issue.Cell);
        Assert.Equal("“xã bình thanh” đã được ghi ở ô B10. Hãy gộp số liệu vào một dòng để không bị tính hai lần.", issue.Message);
    }

    [Fact]
    public void DirectiveDatedAfterTheReportIsImplausible()
    {
        var sheet = new SheetBuilder()
            .Line("1. Công tác chỉ đạo, triển khai và tuyên truyền")
            .Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành")
            .Line(1, "Tuyên truyền", "12/UBND-VP ngày 01/10/2023", "UBND huyện")
            .Line(2, "Tuyên truyền", "12/UBND-VP ngày 01/10/2023", "UBND huyện")
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR", "Tổng số lượt quét mã QR")
            .Line(1, "Xã A", 2, 3);

        var result = Parse(sheet);

        var dates = result.Issues.Where(i => i.Code == IssueCodes.DateImplausible).ToList();
        Assert.Equal(["C3", "C4"], dates.Select(d => d.Cell));
        Assert.Contains("01/12/2019 – 27/11/2021", dates[0].Message);
        var duplicate = Assert.Single(result.Issues, i => i.Code == IssueCodes.DuplicateRow);
        Assert.Equal("B4", duplicate.Cell);
        Assert.Contains("văn bản chỉ đạo đã ghi ở ô B3", duplicate.Message);
    }

    [Fact]
    public void MissingContentCitationAndEntityAreErrorsAtTheirCells()
    {
        var sheet = new SheetBuilder()
            .Line("1. Công tác chỉ đạo, triển khai và tuyên truyền")
            .Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành")
            .Line(1, null, null, "UBND huyện")
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR", "Tổng số lượt quét mã QR")
            .Line(1, null, 5, 9);

        var issues = Parse(sheet).Issues;

        Assert.Contains(issues, i => i.Code == IssueCodes.ValueMissing && i.Severity == Severity.Error && i.Cell == "B3" && i.Message.Contains("Nội dung thực hiện"));
        Assert.Contains(issues, i => i.Code == IssueCodes.ValueMissing && i.Severity == Severity.Error && i.Cell == "C3" && i.Message.StartsWith("Chưa ghi số, ngày ban hành", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Code == IssueCodes.ValueMissing && i.Severity == Severity.Error && i.Cell == "B6" && i.Message.Contains("Đối tượng thống kê"));
    }

    [Fact]
    public void SeedYieldsGenericTablesAndFiguresBesideItsProjections()
    {
        var report = Parse(SeedReport.Full()).Report!;

        Assert.Equal(3m, report.Figures["directives"]);
        Assert.Equal(report.QrCodes, report.Figures["qrCodes"]);
        Assert.Equal(report.QrScans, report.Figures["qrScans"]);
        Assert.Equal(report.Directives.Count, report.Tables["directives"].Rows.Count);
        var qr = Assert.Single(report.Tables["qr"].Rows);
        Assert.Equal(report.QrRows[0].Entity, qr.Values["entity"].Text);
        Assert.Equal(541m, qr.Values["qrScans"].Number);
        Assert.Equal("1532/SCT-QLTM", report.Tables["directives"].Rows[1].Values["citation"].Code);
        Assert.Equal(report.Directives[1].Recipients, report.Tables["directives"].Rows[1].Values["recipients"].Items);
    }
}
