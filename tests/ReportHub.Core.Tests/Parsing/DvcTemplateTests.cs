using ReportHub.Core.Issues;
using ReportHub.Core.Measures;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

public sealed class DvcTemplateTests
{
    private static readonly TemplateDefinition Dvc = TemplateCatalog.Get("dvc-online-2025");

    private static ParseResult Parse(SheetBuilder sheet) =>
        new TemplateParser(Dvc).Parse(sheet, new ParseOptions { Today = new DateOnly(2025, 4, 10) });

    private static SheetBuilder Sheet(params object?[][] rows)
    {
        var sheet = new SheetBuilder()
            .Line("PHỤ LỤC")
            .Line("BIỂU MẪU BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN")
            .Line("1. Công tác chỉ đạo, triển khai cung cấp dịch vụ công trực tuyến")
            .Line("TT", "Nội dung", "Số, ngày văn bản", "Cơ quan ban hành", "Nơi nhận")
            .Line(1, "Kế hoạch cung cấp dịch vụ công trực tuyến toàn trình năm 2025", "45/KH-UBND ngày 15/01/2025", "UBND huyện Bình Sơn", "- Các phòng chuyên môn.\n- UBND các xã.")
            .Line("2. Kết quả cung cấp dịch vụ công trực tuyến và tiếp nhận, giải quyết hồ sơ")
            // Headers as departments write them: abbreviations and "Trong đó" sub-columns.
            .Line("STT", "Tên đơn vị", "Số TTHC đang áp dụng", "DVCTT toàn trình", "Tổng số hồ sơ tiếp nhận", "Trong đó tiếp nhận trực tuyến", "Số hồ sơ đã giải quyết", "Trong đó đúng hạn", "Ghi chú");
        foreach (var row in rows)
        {
            sheet.Line(row);
        }
        return sheet
            .Line("3. Công tác kiểm tra, rà soát, đánh giá chất lượng dịch vụ công trực tuyến")
            .Line("- Đã rà soát 100% thủ tục trên Cổng dịch vụ công của tỉnh.")
            .Line("4. Khó khăn, vướng mắc và nguyên nhân")
            .Line("- Không có")
            .Line("5. Kiến nghị, đề xuất")
            .Line("- Không có");
    }

    [Fact]
    public void SheetParsesWithTypedRowsFiguresAndRatiosOfSums()
    {
        var result = Parse(Sheet(
            [1, "Xã Bình Đông", 120, 40, 2, 2, 2, 2],
            [2, "Thành phố Quảng Ngãi", 300, "150", "1.000", 100, 900, 810],
            [null, "Tổng cộng", 420, 190, 1002, 102, 902, 812]));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => i.Message)));
        var report = result.Report!;
        Assert.Equal("dvc-online-2025", report.TemplateId);
        Assert.Equal(1, report.TemplateVersion);
        Assert.Single(report.Directives);
        Assert.Empty(report.QrRows);
        var services = report.Tables["services"];
        Assert.Equal(2, services.Rows.Count);
        Assert.Equal("Thành phố Quảng Ngãi", services.Rows[1].Values["entity"].Text);
        Assert.Equal(1000m, services.Rows[1].Values["received"].Number);
        Assert.Equal("A9", services.Rows[1].Cell);
        Assert.Equal(1m, report.Figures["directives"]);
        Assert.Equal(1002m, report.Figures["received"]);
        Assert.Equal(102m, report.Figures["receivedOnline"]);
        Assert.Equal(812m, report.Figures["resolvedOnTime"]);
        Assert.Equal(["inspection", "results", "recommendations"], report.Narratives.Select(n => n.Key));

        var rates = Indicators.Compute(Dvc, report.Figures);
        var meanOfUnitRates = services.Rows.Average(r => r.Values["receivedOnline"].Number!.Value / r.Values["received"].Number!.Value * 100);
        Assert.Equal(102m / 1002m * 100, rates["onlineRate"]);
        Assert.NotEqual(meanOfUnitRates, rates["onlineRate"]);
        Assert.Equal(812m / 902m * 100, rates["onTimeRate"]);
    }

    [Fact]
    public void MoreOnlineThanReceivedIsAnErrorNamingBothColumns()
    {
        var result = Parse(Sheet([1, "Xã Bình Đông", 120, 140, 10, 12, 10, 11]));

        var findings = result.Issues.Where(i => i.Code == IssueCodes.RuleCompare).ToList();
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        var online = Assert.Single(findings, f => f.Cell == "F8");
        Assert.Contains("Số hồ sơ tiếp nhận trực tuyến", online.Message);
        Assert.Contains("“Số hồ sơ tiếp nhận”", online.Message);
        Assert.Contains("(12)", online.Message);
        Assert.Contains("Xã Bình Đông", online.Message);
        Assert.Contains(findings, f => f.Cell == "H8" && f.Message.Contains("đúng hạn"));
        Assert.Contains(findings, f => f.Cell == "D8" && f.Message.Contains("toàn trình"));
    }

    [Fact]
    public void WrongTotalRowIsFlaggedAtTheTotalCell()
    {
        var result = Parse(Sheet(
            [1, "Xã Bình Đông", 120, 40, 2, 2, 2, 2],
            [2, "Xã Bình Trị", 100, 30, 8, 4, 8, 8],
            ["Cộng", null, 220, 70, 11, 6, 10, 10]));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.RuleTotalRow);
        Assert.Equal("E10", issue.Cell);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Contains("Số hồ sơ tiếp nhận", issue.Message);
        Assert.Contains("10", issue.Message);
        Assert.Equal(10m, result.Report!.Figures["received"]);
    }

    [Fact]
    public void BlankRequiredCountIsAnErrorAtItsCellAndNeverAZero()
    {
        var result = Parse(Sheet([1, "Xã Bình Đông", 120, 40, 2, null, 2, 2]));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.ValueMissing);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("F8", issue.Cell);
        Assert.Contains("Số hồ sơ tiếp nhận trực tuyến", issue.Message);
        Assert.False(result.Report!.Figures.ContainsKey("receivedOnline"));
        Assert.Equal(2m, result.Report.Figures["received"]);
    }

    [Fact]
    public void BlankResolvedCountRefusesTheFileAndLeavesTheOnTimeRuleUnpassed()
    {
        // The testers' case: "Số hồ sơ đã giải quyết" left blank, "đúng hạn" filled.
        var result = Parse(Sheet([1, "Xã Bình Đông", 120, 40, 20, 10, null, 15]));

        var missing = Assert.Single(result.Issues, i => i.Code == IssueCodes.ValueMissing);
        Assert.Equal(Severity.Error, missing.Severity);
        Assert.Contains("Số hồ sơ đã giải quyết", missing.Message);
        Assert.False(result.Report!.Figures.ContainsKey("resolved"));
        Assert.Equal(15m, result.Report.Figures["resolvedOnTime"]);
    }
}
