using ReportHub.Core.Issues;
using ReportHub.Core.Measures;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

/// <summary>A template that exists only here: the parser reads it with no code of its own.</summary>
public sealed class CustomTemplateTests
{
    private static readonly TemplateDefinition Projects = TemplateDefinition.FromJson("""
        {
          "id": "cds-projects-test", "version": 3, "title": "BIỂU MẪU DANH MỤC DỰ ÁN CHUYỂN ĐỔI SỐ",
          "sections": [
            { "key": "projects", "number": "1", "heading": "Danh mục dự án chuyển đổi số", "keywords": ["dự án"], "required": true,
              "table": { "totalLabels": ["Tổng cộng"], "columns": [
                { "key": "ordinal", "header": "STT", "type": "ordinal" },
                { "key": "project", "header": "Tên dự án", "type": "text", "required": true },
                { "key": "field", "header": "Lĩnh vực", "type": "choice", "values": ["Y tế", "Giáo dục", "Giao thông", "Khác"] },
                { "key": "budget", "header": "Tổng mức đầu tư (triệu đồng)", "type": "amount", "required": true, "min": 0 },
                { "key": "disbursed", "header": "Đã giải ngân (triệu đồng)", "type": "amount", "min": 0 },
                { "key": "progress", "header": "Tiến độ", "type": "percent", "min": 0, "max": 100 },
                { "key": "start", "header": "Ngày khởi công", "type": "date" },
                { "key": "owner", "header": "Đơn vị chủ trì", "type": "unit" } ] } },
            { "key": "recommendations", "number": "2", "heading": "Kiến nghị, đề xuất", "keywords": ["Kiến nghị"] }
          ],
          "measures": [
            { "key": "projects", "label": "Số dự án", "from": "projects.rows" },
            { "key": "budget", "label": "Tổng mức đầu tư", "from": "projects.budget", "aggregate": "sum" },
            { "key": "disbursed", "label": "Đã giải ngân", "from": "projects.disbursed", "aggregate": "sum" },
            { "key": "bestProgress", "label": "Tiến độ cao nhất", "from": "projects.progress", "aggregate": "max" },
            { "key": "worstProgress", "label": "Tiến độ thấp nhất", "from": "projects.progress", "aggregate": "min" }
          ],
          "indicators": [ { "key": "disbursementRate", "label": "Tỷ lệ giải ngân (%)", "numerator": "disbursed", "denominator": "budget", "factor": 100 } ],
          "rules": [
            { "type": "compare", "section": "projects", "left": "disbursed", "op": "<=", "right": "budget", "severity": "error" },
            { "type": "dateWindow", "section": "projects", "column": "start", "from": "2020-01-01", "daysAfterReport": 0, "severity": "warning" },
            { "type": "totalRow", "section": "projects", "severity": "warning", "code": "projects.total" }
          ]
        }
        """);

    private static readonly DateOnly Today = new(2025, 1, 10);

    private static ParseResult Parse(params object?[][] rows)
    {
        var sheet = new SheetBuilder()
            .Line("PHỤ LỤC")
            .Line("1. Danh mục dự án chuyển đổi số")
            .Line("STT", "Tên dự án", "Lĩnh vực", "Tổng mức đầu tư (triệu đồng)", "Đã giải ngân (triệu đồng)", "Tiến độ", "Ngày khởi công", "Đơn vị chủ trì");
        foreach (var row in rows)
        {
            sheet.Line(row);
        }
        sheet.Line("2. Kiến nghị, đề xuất").Line("Không có");
        return new TemplateParser(Projects).Parse(sheet, new ParseOptions { Today = Today });
    }

    [Fact]
    public void RowsAreTypedAndFiguresComputed()
    {
        const double serial = 45000;
        var result = Parse(
            [1, "Bệnh án điện tử", "y te", "1.234,5", "1,000.5", "80%", "15/03/2024", "Sở Y tế"],
            [2, "Học bạ số", "GIÁO DỤC", 500, "0,25", "12,5 %", serial, "Sở Giáo dục và Đào tạo"],
            [null, "Tổng cộng", null, "1.734,5", "1.000,75"]);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Empty(result.Issues);
        var report = result.Report!;
        Assert.Equal(3, report.TemplateVersion);
        var rows = report.Tables["projects"].Rows;
        Assert.Equal(2, rows.Count);
        var first = rows[0].Values;
        Assert.Equal("Y tế", first["field"].Code);
        Assert.Equal(1234.5m, first["budget"].Number);
        Assert.Equal(1000.5m, first["disbursed"].Number);
        Assert.Equal(80m, first["progress"].Number);
        Assert.Equal(new DateOnly(2024, 3, 15), first["start"].Date);
        Assert.Equal("Sở Y tế", first["owner"].Text);
        Assert.Null(first["owner"].Code);
        Assert.Equal("Giáo dục", rows[1].Values["field"].Code);
        Assert.Equal(12.5m, rows[1].Values["progress"].Number);
        Assert.Equal(DateOnly.FromDateTime(DateTime.FromOADate(serial)), rows[1].Values["start"].Date);

        Assert.Equal(2m, report.Figures["projects"]);
        Assert.Equal(1734.5m, report.Figures["budget"]);
        Assert.Equal(1000.75m, report.Figures["disbursed"]);
        Assert.Equal(80m, report.Figures["bestProgress"]);
        Assert.Equal(12.5m, report.Figures["worstProgress"]);
        Assert.Equal(1000.75m / 1734.5m * 100, Indicators.Compute(Projects, report.Figures)["disbursementRate"]);
        Assert.Empty(report.Directives);
        Assert.Empty(report.QrRows);
    }

    [Fact]
    public void EachBadCellIsReportedAtItsAddress()
    {
        var result = Parse(
            [1, "Camera giao thông", "Thủy lợi", "abc", 10, "150%", "01/01/2010", "Công an tỉnh"],
            [2, "Cổng dữ liệu", "Khác", 100, 120, "ba mươi", "30/02/2024"],
            [3, null, "Khác", -5, null, null, "01/03/2025"],
            [null, "Tổng cộng", null, 999]);

        var issues = result.Issues;
        Assert.Contains(issues, i => i.Code == IssueCodes.ChoiceUnknown && i.Cell == "C4" && i.Severity == Severity.Error
            && i.Message.Contains("Thủy lợi") && i.Message.Contains("“Y tế”") && i.Message.Contains("“Khác”"));
        Assert.Contains(issues, i => i.Code == IssueCodes.NumberInvalid && i.Cell == "D4" && i.Severity == Severity.Error);
        Assert.Contains(issues, i => i.Code == IssueCodes.OutOfRange && i.Cell == "F4" && i.Message.Contains("từ 0 đến 100"));
        Assert.Contains(issues, i => i.Code == IssueCodes.RuleDateWindow && i.Cell == "G4" && i.Severity == Severity.Warning && i.Message.Contains("01/01/2010"));
        Assert.Contains(issues, i => i.Code == IssueCodes.RuleCompare && i.Cell == "E5" && i.Message.Contains("Đã giải ngân") && i.Message.Contains("Tổng mức đầu tư"));
        Assert.Contains(issues, i => i.Code == IssueCodes.NumberInvalid && i.Cell == "F5");
        Assert.Contains(issues, i => i.Code == IssueCodes.DateInvalid && i.Cell == "G5");
        Assert.Contains(issues, i => i.Code == IssueCodes.ValueMissing && i.Cell == "B6" && i.Severity == Severity.Error && i.Message.Contains("Tên dự án"));
        Assert.Contains(issues, i => i.Code == IssueCodes.OutOfRange && i.Cell == "D6");
        Assert.Contains(issues, i => i.Code == IssueCodes.RuleDateWindow && i.Cell == "G6" && i.Message.Contains("10/01/2025"));
        // "abc" is no number: a sum of the other rows (95) would prove nothing against the total, so the total is not
        // compared; the file goes back for D4 anyway.
        Assert.DoesNotContain(issues, i => i.Code == "projects.total");
        Assert.Equal(3, result.Report!.Tables["projects"].Rows.Count);
        Assert.Null(result.Report.Tables["projects"].Rows[0].Values["budget"].Number);
    }

    [Fact]
    public void EmptyTableIsAnErrorNamingItsSection()
    {
        var result = Parse();

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.AppendixEmpty);
        Assert.Contains("mục 1", issue.Message);
        Assert.Empty(result.Report!.Tables["projects"].Rows);
        Assert.Equal(0m, result.Report.Figures["budget"]);
        Assert.False(result.Report.Figures.ContainsKey("bestProgress"));
        Assert.Null(Indicators.Compute(Projects, result.Report.Figures)["disbursementRate"]);
    }
}
