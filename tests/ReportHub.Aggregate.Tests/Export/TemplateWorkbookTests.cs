using ClosedXML.Excel;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>The consolidated workbook and CSV of a round read with the online public services template.</summary>
public sealed class TemplateWorkbookTests
{
    private const string ServicesSheet = "Kết quả cung cấp dịch vụ công";
    private const string DirectivesSheet = "Công tác chỉ đạo, triển khai";

    private static readonly byte[] Written = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, ServicesRound.Build()));

    [Fact]
    public void SheetsAreTheSummaryOneSheetPerTableSectionAndTheNarratives()
    {
        using var workbook = Workbooks.Open(Written);

        Assert.Equal(["Tổng hợp", DirectivesSheet, ServicesSheet, "Nội dung báo cáo"], workbook.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public void SummaryTitleAndRequestLineComeFromTheTemplateAndTheRoundDate()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];

        Assert.Equal("BẢNG TỔNG HỢP BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN", grid[3][0]);
        Assert.Equal("(Theo Công văn số 812/SKHCN-CĐS ngày 15/09/2025 của Sở Khoa học và Công nghệ; hạn báo cáo: 10/10/2025)", grid[5][0]);
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", grid[1][0]);
    }

    [Fact]
    public void SummaryHasOneColumnPerMeasureThenPerIndicatorHeadedByTheirLabels()
    {
        var header = Workbooks.RowStartingWith(Workbooks.Grids(Written)["Tổng hợp"], 0, "STT");

        var template = ServicesRound.Template;
        string[] expected =
        [
            "STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Ngày gửi bản sửa",
            .. template.Measures.Select(m => m.Heading ?? m.Label), .. template.Indicators.Select(i => i.Label),
        ];
        Assert.Equal(expected, header.Take(expected.Length).Cast<string>());
        Assert.Equal("Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)", header[14]);
        Assert.Equal(16, header.Count(h => h is not null));
    }

    [Fact]
    public void UnitRowsShowTheirOwnMeasuresAndRatiosAndAMissingUnitIsBlank()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];

        var commune = Workbooks.RowStartingWith(grid, 1, "51.001");
        Assert.Equal([1d, 40d, 20d, 2d, 2d, 0d, 0d], commune[7..14]);
        Assert.Equal(100d, commune[14]);
        // No file resolved: no on-time rate, rather than a false 0%.
        Assert.Null(commune[15]);

        var city = Workbooks.RowStartingWith(grid, 1, "51.522");
        Assert.Equal([2d, 300d, 150d, 1000d, 100d, 900d, 810d], city[7..14]);
        Assert.Equal([10d, 90d], city[14..16]);

        var missing = Workbooks.RowStartingWith(grid, 1, "51.STP");
        Assert.All(missing[5..16], Assert.Null);
    }

    [Fact]
    public void TotalRowIndicatorsAreRatiosOfTheSummedMeasuresNotTheMeanOfUnitRatios()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];
        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");

        Assert.Equal([3d, 340d, 170d, 1002d, 102d, 900d, 810d], total[7..14]);
        // 102 / 1002 = 10.18%; the mean of the units' 100% and 10% would be 55%.
        Assert.Equal(10.18, (double)total[14]!, 2);
        Assert.NotEqual(55d, total[14]);
        Assert.Equal(90d, total[15]);

        using var workbook = Workbooks.Open(Written);
        var rate = Workbooks.FindCell(workbook.Worksheet("Tổng hợp"), "Tổng cộng").WorksheetRow().Cell(15);
        Assert.Equal(XLDataType.Number, rate.DataType);
        Assert.Equal("0.00", rate.Style.NumberFormat.Format);
        Assert.Equal("#,##0", rate.CellLeft().Style.NumberFormat.Format);
    }

    [Fact]
    public void ServicesSheetHasTheSectionColumnsWithoutTheOrdinalAndATotalOfItsCounts()
    {
        var grid = Workbooks.Grids(Written)[ServicesSheet];
        var header = Workbooks.RowStartingWith(grid, 0, "STT");

        var columns = ServicesRound.Template.Section("services")!.Table!.Columns.Where(c => c.Key != "ordinal").ToList();
        Assert.Equal(["STT", "Đơn vị báo cáo", .. columns.Select(c => c.Header)], header.Take(2 + columns.Count).Cast<string>());

        var rows = grid.Where(r => r[0] is double).ToList();
        Assert.Equal([1d, 2d, 3d], rows.Select(r => r[0]));
        Assert.Equal(["Xã Tịnh Ấn Tây", "Bộ phận một cửa xã", 40d, 20d, 2d, 2d, 0d, 0d, null], rows[0][1..10]);
        Assert.Equal("Quý III", rows[1][9]);

        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");
        Assert.Equal([340d, 170d, 1002d, 102d, 900d, 810d], total[3..9]);
        Assert.Null(total[9]);

        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet(ServicesSheet);
        Assert.Equal(columns[0].Width, sheet.Column(3).Width, 1);
        Assert.Equal(columns[^1].Width, sheet.Column(2 + columns.Count).Width, 1);
        Assert.Equal(XLDataType.Number, sheet.Cell(5, 4).DataType);
    }

    [Fact]
    public void DirectivesSheetKeepsCitationTextAndListsEachRecipientOnALine()
    {
        var grid = Workbooks.Grids(Written)[DirectivesSheet];

        var row = Assert.Single(grid, r => r[0] is double);
        Assert.Equal(["Xã Tịnh Ấn Tây", "Triển khai Kế hoạch chuyển đổi số năm 2025", "45/KH-UBND ngày 02/07/2025", null,
            "- Công chức\n- Các thôn"], row[1..6]);
        // A table counted only by its rows has nothing to add up.
        Assert.DoesNotContain(grid, r => r[0] is "Tổng cộng");
    }

    [Fact]
    public void DepartmentTextStartingWithAnEqualsSignIsAStringCellNeverAFormula()
    {
        using var workbook = Workbooks.Open(Written);

        var hostile = Workbooks.FindCell(workbook.Worksheet(ServicesSheet), ServicesRound.HostileEntity);
        Assert.Equal(XLDataType.Text, hostile.DataType);
        Assert.False(hostile.HasFormula);
        Assert.Equal(XLDataType.Text, Workbooks.FindCell(workbook.Worksheet(ServicesSheet), "+ ghi chú").DataType);
        Assert.All(Workbooks.SheetXml(Written), xml => Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "f"));
    }

    [Fact]
    public void NarrativesSheetHasOneColumnPerNarrativeSectionOfTheTemplate()
    {
        var grid = Workbooks.Grids(Written)["Nội dung báo cáo"];
        var header = Workbooks.RowStartingWith(grid, 0, "STT");

        var sections = ServicesRound.Template.Sections.Where(s => s.IsNarrative).Select(s => $"{s.Number}. {s.Heading}");
        Assert.Equal(["STT", "Đơn vị", .. sections], header.Take(5).Cast<string>());
        var rows = grid.Where(r => r[0] is double).ToList();
        Assert.Equal(["Xã Tịnh Ấn Tây", "Thành phố Quảng Ngãi"], rows.Select(r => (string)r[1]!));
        Assert.Equal("Đã rà soát 40 thủ tục.", rows[0][2]);
        Assert.Equal("Đề nghị nâng cấp đường truyền.", rows[1][4]);
    }

    [Fact]
    public void CsvHeaderHasTheMeasureKeysThenTheIndicatorKeys()
    {
        var text = Csv(ServicesRound.Build());
        var lines = text.Split("\r\n");

        Assert.Equal(
            "unit,name,type,status,receivedAt,submissionId,directives,procedures,fullOnline,received,receivedOnline,resolved,resolvedOnTime,onlineRate,onTimeRate,revisedAt",
            lines[0]);
        Assert.Equal("51.001,Xã Tịnh Ấn Tây,commune,onTime,2025-10-01T08:00:00+07:00,21,1,40,20,2,2,0,0,100,,", lines[1]);
        Assert.Equal("51.522,Thành phố Quảng Ngãi,district,onTime,2025-10-01T08:00:00+07:00,22,2,300,150,1000,100,900,810,10,90,", lines[2]);
        Assert.Equal("51.STP,Sở Tư pháp tỉnh Quảng Ngãi,department,missing,,,,,,,,,,,,", lines[3]);
    }

    [Fact]
    public void CsvStillGuardsDepartmentTextOfAnyTemplate()
    {
        var data = ServicesRound.Build();
        data = data with { Units = [data.Units[0] with { Name = "=cmd|' /C calc'!A0" }] };

        var record = Csv(data).Split("\r\n")[1];

        Assert.StartsWith("51.001,'=cmd|' /C calc'!A0,commune,", record);
    }

    internal static string Csv(ConsolidatedData data)
    {
        var bytes = Workbooks.Bytes(s => ConsolidatedCsv.Write(s, data));
        return new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan(3));
    }
}
