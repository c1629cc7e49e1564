using ClosedXML.Excel;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class ConsolidatedWorkbookTests
{
    private static readonly string[] SheetNames = ["Tổng hợp", "Văn bản chỉ đạo", "Mã QR", "Kiểm tra, kết quả, kiến nghị"];

    private static readonly byte[] Written = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, SampleRound.Build()));

    [Fact]
    public void WritesTheFourVietnameseSheetsInOrder()
    {
        using var workbook = Workbooks.Open(Written);

        Assert.Equal(SheetNames, workbook.Worksheets.Select(w => w.Name));
        Assert.All(SheetNames, n => Assert.True(n.Length <= 31));
    }

    [Fact]
    public void SummaryOpensWithTheOfficialHeadingBlockTitleAndRequestLine()
    {
        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet("Tổng hợp");

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", sheet.Cell("A1").GetString());
        Assert.Equal("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", sheet.Cell("A2").GetString());
        Assert.True(sheet.Cell("A2").Style.Font.Bold);
        Assert.Equal(XLFontUnderlineValues.Single, sheet.Cell("A2").Style.Font.Underline);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", sheet.Cell("E1").GetString());
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", sheet.Cell("E2").GetString());
        Assert.Equal(
            "BẢNG TỔNG HỢP BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19",
            sheet.Cell("A4").GetString());
        Assert.True(sheet.Cell("A4").Style.Font.Bold);
        Assert.Equal(XLAlignmentHorizontalValues.Center, sheet.Cell("A4").Style.Alignment.Horizontal);
        Assert.Contains("tháng 10/2021", sheet.Cell("A5").GetString());
        Assert.Equal(
            "(Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông; hạn báo cáo: 29/10/2021)",
            sheet.Cell("A6").GetString());
    }

    [Fact]
    public void SummaryListsEveryUnitWithNumericFiguresStatusAndType()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];

        // The figures start at column 8, after the time of a revision; their headings are the definition's.
        var header = Workbooks.RowStartingWith(grid, 0, "STT");
        Assert.Equal(
            ["STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Ngày gửi bản sửa", "Số văn bản chỉ đạo", "Số mã QR", "Số lượt quét"],
            header.Take(10).Cast<string>());

        var sct = Workbooks.RowStartingWith(grid, 1, "51.SCT");
        Assert.Equal(1d, sct[0]);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", sct[2]);
        Assert.Equal("Sở, ban, ngành", sct[3]);
        Assert.Equal("Đúng hạn", sct[4]);
        Assert.Equal(new DateTime(2021, 10, 27, 9, 15, 0), sct[5]);
        Assert.Null(sct[6]);
        Assert.Equal([3d, 1d, 541d], sct[7..10]);

        var binhSon = Workbooks.RowStartingWith(grid, 1, "51.524");
        Assert.Equal("Huyện, thị xã, thành phố", binhSon[3]);
        Assert.Equal("Trễ hạn", binhSon[4]);
        Assert.Equal(new DateTime(2021, 10, 30, 8, 40, 0), binhSon[5]);
        Assert.Equal([2d, 39d, 1_238_913d], binhSon[7..10]);

        var missing = Workbooks.RowStartingWith(grid, 1, "51.SKHCN");
        Assert.Equal("Chưa gửi", missing[4]);
        Assert.All(missing[5..10], Assert.Null);
    }

    [Fact]
    public void SummaryEndsWithBoldTotalsUnitCountsAndExportTime()
    {
        var grid = Workbooks.Grids(Written)["Tổng hợp"];
        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");
        Assert.Equal([5d, 40d, 1_239_454d], total[7..10]);
        Assert.Contains(grid, r => r[0] is "Đã báo cáo: 2/3 đơn vị; đúng hạn: 1; trễ hạn: 1; chưa gửi: 1.");
        Assert.Contains(grid, r => r.Any(v => v is "Ngày xuất: 31/10/2021 08:05"));

        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet("Tổng hợp");
        var totalCell = Workbooks.FindCell(sheet, "Tổng cộng");
        Assert.True(totalCell.Style.Font.Bold);
        var scans = totalCell.WorksheetRow().Cell(10);
        Assert.Equal(XLDataType.Number, scans.DataType);
        Assert.Equal("#,##0", scans.Style.NumberFormat.Format);
        Assert.True(scans.Style.Font.Bold);
    }

    [Fact]
    public void ReceivedTimeIsADateCellShownInVietnamTime()
    {
        using var workbook = Workbooks.Open(Written);
        var cell = Workbooks.FindCell(workbook.Worksheet("Tổng hợp"), "51.SCT").WorksheetRow().Cell(6);

        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2021, 10, 27, 9, 15, 0), cell.GetDateTime());
        Assert.Equal("dd/MM/yyyy HH:mm", cell.Style.NumberFormat.Format);
    }

    [Fact]
    public void DirectivesSheetHasOneRowPerDirectiveWithSplitCitationAndRealDates()
    {
        var grid = Workbooks.Grids(Written)["Văn bản chỉ đạo"];
        var header = Workbooks.RowStartingWith(grid, 0, "STT");
        Assert.Equal(
            ["STT", "Đơn vị báo cáo", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Số", "Ký hiệu", "Ngày ban hành",
                "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"],
            header.Take(9).Cast<string>());

        var rows = grid.Where(r => r[0] is double).ToList();
        Assert.Equal([1d, 2d, 3d, 4d, 5d], rows.Select(r => r[0]));
        var second = rows[1];
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", second[1]);
        Assert.Equal("1532/SCT-QLTM ngày 09/08/2021", second[3]);
        Assert.Equal("1532", second[4]);
        Assert.Equal("SCT-QLTM", second[5]);
        Assert.Equal(new DateTime(2021, 8, 9), second[6]);
        Assert.Equal(
            "- UBND các huyện, thị xã, thành phố.\n- Chợ Đầu mối Nông sản Quảng Ngãi.\n- Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi.",
            second[8]);
        // A recipient written without a dash gets one so every recipient reads as a list item.
        Assert.Equal("- Công chức, viên chức, người lao động thuộc Sở", rows[0][8]);

        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet("Văn bản chỉ đạo");
        var date = sheet.Cell(5, 7);
        Assert.Equal(XLDataType.DateTime, date.DataType);
        Assert.Equal("dd/MM/yyyy", date.Style.NumberFormat.Format);
        Assert.True(sheet.Cell(6, 9).Style.Alignment.WrapText);
    }

    [Fact]
    public void FormulaLookingDepartmentTextStaysTextInEverySheet()
    {
        using var workbook = Workbooks.Open(Written);
        var directives = workbook.Worksheet("Văn bản chỉ đạo");

        var hostile = Workbooks.FindCell(directives, SampleRound.HostileContent);
        Assert.False(hostile.HasFormula);
        Assert.Equal(XLDataType.Text, hostile.DataType);
        Assert.Equal(XLDataType.Text, Workbooks.FindCell(directives, SampleRound.PlusContent).DataType);
        var recipients = Workbooks.FindCell(directives, SampleRound.DashRecipient + "\n- Văn phòng UBND tỉnh (báo cáo).");
        Assert.Equal(XLDataType.Text, recipients.DataType);
        Assert.Equal(XLDataType.Text, Workbooks.FindCell(directives, "- @Các xã, thị trấn").DataType);
        var note = Workbooks.FindCell(workbook.Worksheet("Mã QR"), "=1+1");
        Assert.False(note.HasFormula);

        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula, c.Address.ToString()));
        Assert.All(Workbooks.SheetXml(Written), xml => Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "f"));
    }

    [Fact]
    public void QrSheetListsEveryReportedEntityAndATotalOfThoseRows()
    {
        var grid = Workbooks.Grids(Written)["Mã QR"];
        var header = Workbooks.RowStartingWith(grid, 0, "STT");
        Assert.Equal(
            ["STT", "Đơn vị báo cáo", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý",
                "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"],
            header.Take(6).Cast<string>());

        var chauO = Workbooks.RowStartingWith(grid, 2, "Thị trấn Châu Ổ");
        Assert.Equal(["Huyện Bình Sơn", "Thị trấn Châu Ổ", 20d, 1_234_567d], chauO[1..5]);
        Assert.Equal("Cảng cá Sa Kỳ", Workbooks.RowStartingWith(grid, 2, "Xã Bình Châu")[5]);
        Assert.Equal(4, grid.Count(r => r[0] is double));

        var total = Workbooks.RowStartingWith(grid, 0, "Tổng cộng");
        Assert.Equal([40d, 1_239_454d], total[3..5]);
    }

    [Fact]
    public void NarrativesSheetHasOneRowPerReportingUnitWithSectionsAsColumns()
    {
        var grid = Workbooks.Grids(Written)["Kiểm tra, kết quả, kiến nghị"];
        var header = Workbooks.RowStartingWith(grid, 0, "STT");
        Assert.Equal(
            ["STT", "Đơn vị", "3. Công tác kiểm tra, giám sát", "4. Kết quả, kinh nghiệm", "5. Kiến nghị, đề xuất"],
            header.Take(5).Cast<string>());

        var rows = grid.Where(r => r[0] is double).ToList();
        // Units follow the summary's order, not the order narratives arrived in.
        Assert.Equal(["Sở Công Thương tỉnh Quảng Ngãi", "Huyện Bình Sơn"], rows.Select(r => (string)r[1]!));
        Assert.Equal(
            "- Công chức, viên chức, người lao động tại Sở đã thực hiện nghiêm các quy định về phòng chống dịch.\n" +
            "- Chấp hành nghiêm túc các yêu cầu khai báo y tế điện tử.",
            rows[0][2]);
        Assert.Equal("Không có", rows[0][4]);
        Assert.Null(rows[1][2]);
        Assert.Equal("- Đã tuyên truyền trên hệ thống truyền thanh cơ sở.", rows[1][3]);

        using var workbook = Workbooks.Open(Written);
        var cell = workbook.Worksheet("Kiểm tra, kết quả, kiến nghị").Cell(5, 3);
        Assert.True(cell.Style.Alignment.WrapText);
        Assert.Equal(XLAlignmentVerticalValues.Top, cell.Style.Alignment.Vertical);
    }

    [Fact]
    public void EveryCellIsTimesNewRoman12Or13()
    {
        using var workbook = Workbooks.Open(Written);

        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c =>
        {
            Assert.Equal("Times New Roman", c.Style.Font.FontName);
            Assert.Contains(c.Style.Font.FontSize, new[] { 12d, 13d });
        });
    }

    [Theory]
    [InlineData("Tổng hợp", 8, 10)]
    [InlineData("Văn bản chỉ đạo", 4, 9)]
    [InlineData("Mã QR", 4, 6)]
    [InlineData("Kiểm tra, kết quả, kiến nghị", 4, 5)]
    public void TableHeaderIsStyledFrozenFilteredAndRepeatedOnPrintedPages(string name, int headerRow, int columns)
    {
        using var workbook = Workbooks.Open(Written);
        var sheet = workbook.Worksheet(name);

        var header = sheet.Range(headerRow, 1, headerRow, columns);
        Assert.All(header.Cells(), c =>
        {
            Assert.True(c.Style.Font.Bold);
            Assert.True(c.Style.Alignment.WrapText);
            Assert.Equal(XLAlignmentHorizontalValues.Center, c.Style.Alignment.Horizontal);
            Assert.Equal(XLBorderStyleValues.Thin, c.Style.Border.BottomBorder);
            Assert.NotEqual(XLColor.NoColor, c.Style.Fill.BackgroundColor);
        });
        Assert.Equal(headerRow, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(headerRow, sheet.AutoFilter.Range.FirstRow().RowNumber());
        Assert.Equal(columns, sheet.AutoFilter.Range.ColumnCount());
        Assert.Equal(headerRow, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Equal(headerRow, sheet.PageSetup.LastRowToRepeatAtTop);
        Assert.Equal(XLBorderStyleValues.Thin, sheet.Cell(headerRow + 1, columns).Style.Border.RightBorder);
    }

    [Theory]
    [InlineData("Tổng hợp")]
    [InlineData("Văn bản chỉ đạo")]
    [InlineData("Mã QR")]
    [InlineData("Kiểm tra, kết quả, kiến nghị")]
    public void EverySheetPrintsOnA4LandscapeOnePageWideWithPageNumbers(string name)
    {
        using var workbook = Workbooks.Open(Written);
        var page = workbook.Worksheet(name).PageSetup;

        Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
        Assert.Equal(1, page.PagesWide);
        Assert.Equal(0, page.PagesTall);
        Assert.Equal(0.5, page.Margins.Left);
        Assert.Equal(0.5, page.Margins.Right);
        Assert.Single(page.PrintAreas);
        var footer = page.Footer.GetText(XLHFOccurrence.OddPages);
        Assert.Contains("Trang &P/&N", footer);
    }

    [Fact]
    public void ColumnWidthsAreSetExplicitlyForEveryTableColumn()
    {
        using var workbook = Workbooks.Open(Written);
        var summary = workbook.Worksheet("Tổng hợp");

        Assert.Equal(6, summary.Column(1).Width, 1);
        Assert.Equal(40, summary.Column(3).Width, 1);
        Assert.All(workbook.Worksheets, sheet =>
        {
            var columns = sheet.LastColumnUsed()!.ColumnNumber();
            Assert.All(Enumerable.Range(1, columns), i => Assert.NotEqual(sheet.ColumnWidth, sheet.Column(i).Width));
        });
    }

    [Fact]
    public void ARoundWithoutReportsOrRequestDocumentStillRendersHeadersAndBlankTotals()
    {
        var sample = SampleRound.Build();
        var round = sample.Round with { RequestDocument = null, RequestDate = null };
        UnitStatus[] units = [.. sample.Units.Select(u => UnitRows.Missing(u.Unit, u.Name, u.Type))];
        var empty = sample with
        {
            Round = round,
            Units = units,
            Rows = [],
            Narratives = [],
            Totals = RollupService.Totals(round, units, sample.Template),
        };

        var grids = Workbooks.Grids(Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, empty)));

        Assert.Equal(SheetNames, grids.Keys);
        var summary = grids["Tổng hợp"];
        Assert.Contains(summary, r => r[0] is "(Hạn báo cáo: 29/10/2021)");
        Assert.Contains(summary, r => r[0] is "Đã báo cáo: 0/3 đơn vị; đúng hạn: 0; trễ hạn: 0; chưa gửi: 3.");
        // Nobody reported a figure: the totals are blank, as a 0 would say the units reported none.
        Assert.All(Workbooks.RowStartingWith(summary, 0, "Tổng cộng")[7..10], Assert.Null);
        Assert.All(Workbooks.RowStartingWith(grids["Mã QR"], 0, "Tổng cộng")[3..5], Assert.Null);
        Assert.Single(grids["Văn bản chỉ đạo"], r => r[0] is "STT");
        Assert.DoesNotContain(grids["Văn bản chỉ đạo"], r => r[0] is double);
    }
}
