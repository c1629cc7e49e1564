using ClosedXML.Excel;
using ReportHub.Aggregate.Export;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>A template no code knows about exports from its definition alone.</summary>
public sealed class TestOnlyTemplateExportTests
{
    // The heading without [ ] : / and cut at the last whole word within 31 characters; the second table's heading
    // cuts to the same words and gets a number.
    private const string BudgetSheet = "Danh mục dự án 2025 chi tiết kế";

    private static readonly byte[] Written = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, ProjectsTemplate.Build()));

    [Fact]
    public void SheetNamesComeFromTheHeadingsFitExcelAndNeverRepeat()
    {
        using var workbook = Workbooks.Open(Written);
        var names = workbook.Worksheets.Select(w => w.Name).ToList();

        Assert.Equal(["Tổng hợp", BudgetSheet, "Danh mục dự án 2025 chi (2)", "Nội dung báo cáo"], names);
        Assert.All(names, n =>
        {
            Assert.InRange(n.Length, 1, 31);
            Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n);
        });
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void SummaryShowsAmountsWithDecimalsAndTheSpendingRateAsARatioOfSums()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];

        Assert.Equal("BẢNG TỔNG HỢP BÁO CÁO TIẾN ĐỘ GIẢI NGÂN VỐN ĐẦU TƯ CÔNG", grid[3][0]);
        var header = Workbooks.RowStartingWith(grid, 0, "STT");
        Assert.Equal(["Ngày gửi bản sửa", "Số dự án", "Vốn đã giải ngân", "Kế hoạch vốn", "Số người", "Tỷ lệ giải ngân (%)"], header[6..12]);
        Assert.Equal([2d, 150.5, 200d, 7d, 75.25], Workbooks.RowStartingWith(grid, 1, "51.A")[7..12]);
        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");
        // 160.5 / 1,200 = 13.375% → 13.38; the mean of 75.25% and 1% would be 38.13%.
        Assert.Equal([3d, 160.5, 1200d, 10d, 13.38], total[7..12]);

        using var workbook = Workbooks.Open(Written);
        var row = Workbooks.FindCell(workbook.Worksheet("Tổng hợp"), "51.A").WorksheetRow();
        Assert.Equal("#,##0", row.Cell(8).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", row.Cell(9).Style.NumberFormat.Format);
        Assert.Equal("0.00", row.Cell(12).Style.NumberFormat.Format);
    }

    [Fact]
    public void TableSheetTypesEachCellByItsColumnAndTotalsOnlyTheSummedAmounts()
    {
        var grid = Workbooks.Grids(Written)[BudgetSheet];
        Assert.Equal(
            ["STT", "Đơn vị báo cáo", "Tên dự án", "Loại dự án", "Đã giải ngân (triệu đồng)", "Kế hoạch vốn (triệu đồng)", "Tiến độ (%)", "Ngày khởi công"],
            Workbooks.RowStartingWith(grid, 0, "STT").Take(8).Cast<string>());

        var rows = grid.Where(r => r[0] is double).ToList();
        Assert.Equal(3, rows.Count);
        // The choice is shown as the template spells it, not as the sender typed it.
        Assert.Equal(["Ban Quản lý dự án A", "Đường ven biển", "Xây dựng", 100.5, 120d, 80d, new DateTime(2025, 2, 14)], rows[0][1..8]);
        Assert.Null(rows[1][7]);

        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");
        Assert.Equal([160.5, 1200d], total[4..6]);
        // Percentages are not added up, nor is the choice.
        Assert.Null(total[6]);
        Assert.Null(total[3]);

        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet(BudgetSheet);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(5, 8).DataType);
        Assert.Equal("dd/MM/yyyy", sheet.Cell(5, 8).Style.NumberFormat.Format);
        Assert.Equal("0.00", sheet.Cell(5, 7).Style.NumberFormat.Format);
        Assert.Equal("#,##0.00", sheet.Cell(5, 5).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Text, sheet.Cell(5, 4).DataType);
        var hostile = Workbooks.FindCell(sheet, "=SUM(A1:A9)");
        Assert.Equal(XLDataType.Text, hostile.DataType);
        Assert.False(hostile.HasFormula);
    }

    [Fact]
    public void CsvListsTheTemplateMeasuresAndIndicatorWithInvariantNumbers()
    {
        var lines = TemplateWorkbookTests.Csv(ProjectsTemplate.Build()).Split("\r\n");

        Assert.Equal("unit,name,type,status,receivedAt,submissionId,projects,spent,planned,people,spendRate,revisedAt", lines[0]);
        Assert.EndsWith(",1,2,150.5,200,7,75.25,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void BlankFormTakesRowsOrientationChoicesAndInstructionsFromTheLayout()
    {
        var bytes = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, ProjectsTemplate.Template, SampleRound.Sct, SampleRound.Province, ProjectsTemplate.Round));
        using var workbook = Workbooks.Open(bytes);
        var sheet = workbook.Worksheet(BlankTemplateWorkbook.ReportSheet);

        Assert.Equal(XLPageOrientation.Portrait, sheet.PageSetup.PageOrientation);
        Assert.Equal(ProjectsTemplate.Subject, Workbooks.FindCell(sheet, ProjectsTemplate.Subject).GetString());
        var project = Workbooks.FindCell(sheet, "Tên dự án");
        Assert.Equal(XLBorderStyleValues.Thin, project.CellBelow(3).Style.Border.BottomBorder);
        Assert.NotEqual(XLBorderStyleValues.Thin, project.CellBelow(4).Style.Border.BottomBorder);

        var category = Workbooks.FindCell(sheet, "Loại dự án").CellBelow();
        Assert.Equal(XLAllowedValues.List, category.DataValidation.AllowedValues);
        Assert.Equal("\"Xây dựng,Mua sắm\"", category.DataValidation.Value);
        var progress = Workbooks.FindCell(sheet, "Tiến độ (%)").CellBelow().DataValidation;
        Assert.Equal(XLAllowedValues.Decimal, progress.AllowedValues);
        Assert.Equal("0", progress.MinValue);
        Assert.Equal("100", progress.MaxValue);
        Assert.Equal("Cột “Tiến độ (%)”: vui lòng nhập tỷ lệ phần trăm (không ghi dấu %) từ 0 đến 100.", progress.ErrorMessage);
        Assert.Equal("dd/MM/yyyy", Workbooks.FindCell(sheet, "Ngày khởi công").CellBelow().Style.NumberFormat.Format);

        var guide = Workbooks.Grids(bytes)[BlankTemplateWorkbook.GuideSheet].Select(r => r[0]).OfType<string>().ToList();
        Assert.Contains("• Số tiền ghi theo đơn vị triệu đồng.", guide);
        Assert.Contains(guide, l => l.Contains("“Xây dựng”; “Mua sắm”", StringComparison.Ordinal));
        Assert.Contains(guide, l => l.Contains("gửi về Sở Khoa học và Công nghệ", StringComparison.Ordinal));
    }
}
