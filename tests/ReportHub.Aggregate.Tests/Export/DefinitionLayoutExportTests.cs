using ClosedXML.Excel;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>
/// The detail sheets and blank forms follow the definition: its <c>sheet</c> and <c>workbook</c> layouts where it has
/// them, defaults where it does not, and a V/v line derived from the title where it proposes none.
/// </summary>
public sealed class DefinitionLayoutExportTests
{
    /// <summary>The first template as a definition without any export layout would have it.</summary>
    private static readonly TemplateDefinition Unlaid = SampleRound.Template with
    {
        Workbook = null,
        Sections = [.. SampleRound.Template.Sections.Select(s => s.Table is null ? s : s with { Table = s.Table with { Sheet = null } })],
    };

    private static readonly byte[] UnlaidWorkbook = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, SampleRound.Build() with { Template = Unlaid }));

    [Fact]
    public void ATemplateWithoutSheetLayoutsGetsOneSheetPerTableNamedByItsHeadingWithEveryColumnButTheOrdinal()
    {
        using var workbook = Workbooks.Open(UnlaidWorkbook);

        // Headings cut at the last whole word within Excel's 31 characters.
        Assert.Equal(["Tổng hợp", "Công tác chỉ đạo, triển khai và", "Kết quả tạo, quản lý mã QR địa", "Nội dung báo cáo"],
            workbook.Worksheets.Select(w => w.Name));
        var grids = Workbooks.Grids(UnlaidWorkbook);

        var directives = grids["Công tác chỉ đạo, triển khai và"];
        Assert.Equal("CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI VÀ TUYÊN TRUYỀN", directives[0][0]);
        Assert.Equal(["STT", "Đơn vị báo cáo", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"],
            Workbooks.RowStartingWith(directives, 0, "STT").Take(6).Cast<string>());
        var rows = directives.Where(r => r[0] is double).ToList();
        Assert.Equal(5, rows.Count);
        // The citation as written, not split: only a layout asks for its parts.
        Assert.Equal(["Sở Công Thương tỉnh Quảng Ngãi", "1532/SCT-QLTM ngày 09/08/2021"], [rows[1][1], rows[1][3]]);
        Assert.DoesNotContain(directives, r => r[0] is "Tổng cộng");

        var qr = grids["Kết quả tạo, quản lý mã QR địa"];
        Assert.Equal(["STT", "Đơn vị báo cáo", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý",
            "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú"], Workbooks.RowStartingWith(qr, 0, "STT").Take(6).Cast<string>());
        Assert.Equal([40d, 1_239_454d], Workbooks.RowStartingWith(qr, 0, "Tổng cộng")[3..5]);

        using var frame = Workbooks.Open(UnlaidWorkbook);
        var sheet = frame.Worksheet("Công tác chỉ đạo, triển khai và");
        // Widths are the form's own column widths.
        Assert.Equal(48, sheet.Column(3).Width, 1);
        Assert.Equal(36, sheet.Column(6).Width, 1);
    }

    [Fact]
    public void ATemplateWithoutAWorkbookLayoutDerivesTheTitleAndHeadsTheNarrativesAsTheFormDoes()
    {
        var grids = Workbooks.Grids(UnlaidWorkbook);

        Assert.Equal(
            "BẢNG TỔNG HỢP BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19",
            grids["Tổng hợp"][3][0]);
        var narratives = grids["Nội dung báo cáo"];
        Assert.Equal(
            "CÔNG TÁC KIỂM TRA, GIÁM SÁT TRIỂN KHAI; MỘT SỐ KẾT QUẢ TRIỂN KHAI, KINH NGHIỆM; KIẾN NGHỊ, ĐỀ XUẤT",
            narratives[0][0]);
        Assert.Equal(
            ["STT", "Đơn vị", "3. Công tác kiểm tra, giám sát triển khai", "4. Một số kết quả triển khai, kinh nghiệm", "5. Kiến nghị, đề xuất"],
            Workbooks.RowStartingWith(narratives, 0, "STT").Take(5).Cast<string>());
        Assert.Equal("Không có", narratives.Where(r => r[0] is double).First()[4]);
    }

    /// <summary>A register of issued documents whose sheet shows each citation's parts before its text.</summary>
    private static readonly TemplateDefinition Letters = new()
    {
        Id = "letters-test",
        Format = 2,
        Title = "BIỂU MẪU BÁO CÁO VĂN BẢN ĐÃ BAN HÀNH",
        Sections =
        [
            new SectionDefinition
            {
                Key = "letters", Number = "1", Heading = "Văn bản đã ban hành",
                Table = new TableDefinition
                {
                    RowNoun = "văn bản",
                    Columns =
                    [
                        new ColumnDefinition { Key = "ordinal", Header = "TT", Type = ColumnType.Ordinal, Width = 5 },
                        new ColumnDefinition { Key = "content", Header = "Trích yếu nội dung", Width = 40 },
                        new ColumnDefinition { Key = "citation", Header = "Số, ngày văn bản", Type = ColumnType.Citation, Width = 24 },
                        new ColumnDefinition { Key = "pages", Header = "Số trang", Type = ColumnType.Count, Width = 9, Optional = true },
                    ],
                    Sheet = new SheetDefinition
                    {
                        Name = "Sổ văn bản",
                        Title = "SỔ VĂN BẢN ĐÃ BAN HÀNH",
                        Columns =
                        [
                            new SheetColumnDefinition { From = "citation", Header = "Số", Part = CitationPart.Number, Width = 8 },
                            new SheetColumnDefinition { From = "citation", Header = "Ký hiệu", Part = CitationPart.Symbol, Width = 14 },
                            new SheetColumnDefinition { From = "citation", Header = "Ngày ban hành", Part = CitationPart.Date, Width = 13 },
                            new SheetColumnDefinition { From = "content", Header = "Trích yếu" },
                            new SheetColumnDefinition { From = "citation", Header = "Số, ngày như đơn vị ghi", Width = 26 },
                            new SheetColumnDefinition { From = "pages", Header = "Số trang" },
                        ],
                    },
                },
            },
        ],
        Measures =
        [
            new MeasureDefinition { Key = "letters", Label = "Số văn bản", From = "letters.rows" },
            new MeasureDefinition { Key = "pages", Label = "Số trang", From = "letters.pages" },
        ],
    };

    private static ConsolidatedData LettersRound()
    {
        var round = SampleRound.Round with { Template = Letters.Id };
        var at = new DateTimeOffset(2021, 10, 27, 9, 0, 0, TimeSpan.FromHours(7));
        UnitStatus[] units =
        [
            UnitRows.Reported(Letters, SampleRound.Sct.Code, SampleRound.Sct.Name, UnitTypes.Department, UnitStatuses.OnTime, 1, at,
                new Dictionary<string, decimal> { ["letters"] = 3, ["pages"] = 5 }),
        ];
        // As the parser types them: a parsed citation keeps its reference and date, one it cannot read only its text.
        static UnitTableRow Row(int seq, string content, string citation, DateOnly? date, string? reference, int? pages)
        {
            var values = new Dictionary<string, FieldValue>
            {
                ["ordinal"] = new() { Text = seq.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = seq },
                ["content"] = new() { Text = content },
                ["citation"] = new() { Text = citation, Code = reference, Date = date },
            };
            if (pages is { } p)
            {
                values["pages"] = new() { Text = p.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = p };
            }
            return new UnitTableRow { Unit = SampleRound.Sct.Code, UnitName = SampleRound.Sct.Name, Section = "letters", Seq = seq, Values = values };
        }
        return SampleRound.Build() with
        {
            Round = round,
            Template = Letters,
            Units = units,
            Totals = RollupService.Totals(round, units, Letters),
            Narratives = [],
            Rows =
            [
                Row(1, "Triển khai ứng dụng PC-Covid", "780/SCT-VP ngày 07/05/2021", new DateOnly(2021, 5, 7), "780/SCT-VP", 2),
                Row(2, "Chỉ thị của Tỉnh ủy", "09-CT/TU ngày 12/3/2021", new DateOnly(2021, 3, 12), "09-CT/TU", 3),
                Row(3, "Thông báo nội bộ", "Không số", null, null, null),
            ],
        };
    }

    [Fact]
    public void ASheetLayoutSplitsACitationIntoNumberSymbolAndADateCell()
    {
        var bytes = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, LettersRound()));
        var grid = Workbooks.Grids(bytes)["Sổ văn bản"];

        Assert.Equal("SỔ VĂN BẢN ĐÃ BAN HÀNH", grid[0][0]);
        Assert.Equal(["STT", "Đơn vị báo cáo", "Số", "Ký hiệu", "Ngày ban hành", "Trích yếu", "Số, ngày như đơn vị ghi", "Số trang"],
            Workbooks.RowStartingWith(grid, 0, "STT").Take(8).Cast<string>());
        var rows = grid.Where(r => r[0] is double).ToList();
        Assert.Equal(["780", "SCT-VP", new DateTime(2021, 5, 7), "Triển khai ứng dụng PC-Covid", "780/SCT-VP ngày 07/05/2021", 2d], rows[0][2..8]);
        // A party document's number keeps its leading zero: it is text, not a count.
        Assert.Equal(["09", "CT/TU", new DateTime(2021, 3, 12)], rows[1][2..5]);
        // A citation that cannot be read has no parts; its text is still shown as the unit wrote it.
        Assert.Equal([null, null, null, "Thông báo nội bộ", "Không số", null], rows[2][2..8]);
        Assert.Equal(5d, Workbooks.RowStartingWith(grid, 0, "Tổng cộng")[7]);

        using var workbook = Workbooks.Open(bytes);
        var sheet = workbook.Worksheet("Sổ văn bản");
        var number = Workbooks.FindCell(sheet, "09");
        Assert.Equal(XLDataType.Text, number.DataType);
        var date = sheet.Cell(number.Address.RowNumber, 5);
        Assert.Equal(XLDataType.DateTime, date.DataType);
        Assert.Equal(new DateTime(2021, 3, 12), date.GetDateTime());
        Assert.Equal("dd/MM/yyyy", date.Style.NumberFormat.Format);
        Assert.Equal(XLAlignmentHorizontalValues.Center, date.Style.Alignment.Horizontal);
        Assert.Equal(8, sheet.Column(3).Width, 1);
        // A layout column without a width takes the form column's.
        Assert.Equal(40, sheet.Column(6).Width, 1);
    }

    [Fact]
    public void ATemplateWithoutASubjectGetsAVvLineDerivedFromItsTitleInBothBlankForms()
    {
        const string derived = "V/v báo cáo văn bản đã ban hành";
        Assert.Null(Letters.Subject);

        var workbookBytes = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, Letters, SampleRound.Sct, SampleRound.Province, SampleRound.Round));
        using var workbook = Workbooks.Open(workbookBytes);
        var sheet = workbook.Worksheet(BlankTemplateWorkbook.ReportSheet);
        Assert.NotNull(Workbooks.FindCellOrNull(sheet, derived));
        var guide = Workbooks.Grids(workbookBytes)[BlankTemplateWorkbook.GuideSheet].Select(r => r[0]).OfType<string>().ToList();
        Assert.Contains(guide, l => l.Contains("Mục 1: mỗi văn bản ghi trên một dòng", StringComparison.Ordinal));

        var documentBytes = Workbooks.Bytes(s => BlankTemplateDocument.Write(s, Letters, SampleRound.Sct, SampleRound.Province, SampleRound.Round));
        using var document = WordDocuments.Open(documentBytes);
        // Under the letter's number, in the heading block's table.
        var paragraphs = WordDocuments.Body(document).Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(WordDocuments.Text).ToList();
        Assert.Equal(1, paragraphs.Count(t => t == derived));
        Assert.Equal("Số:      /", paragraphs[paragraphs.IndexOf(derived) - 1]);
    }

    [Fact]
    public void AMixedCaseTitleGivesTheSameVvLineAndAGivenSubjectIsKept()
    {
        var mixed = ProjectsTemplate.Template with { Subject = null };

        var bytes = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, mixed, SampleRound.Sct, SampleRound.Province, ProjectsTemplate.Round));
        using var workbook = Workbooks.Open(bytes);
        Assert.NotNull(Workbooks.FindCellOrNull(workbook.Worksheet(BlankTemplateWorkbook.ReportSheet), "V/v báo cáo tiến độ giải ngân vốn đầu tư công"));

        var covid = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, SampleRound.Template, SampleRound.Sct, SampleRound.Province, SampleRound.Round));
        using var covidWorkbook = Workbooks.Open(covid);
        Assert.NotNull(Workbooks.FindCellOrNull(covidWorkbook.Worksheet(BlankTemplateWorkbook.ReportSheet), SampleRound.Template.Subject!));
        var guide = Workbooks.Grids(covid)[BlankTemplateWorkbook.GuideSheet].Select(r => r[0]).OfType<string>().ToList();
        Assert.Contains(guide, l => l.Contains("Mục 1: mỗi văn bản chỉ đạo ghi trên một dòng", StringComparison.Ordinal));
        Assert.Contains(guide, l => l.Contains("Mục 2: mỗi đối tượng thống kê ghi trên một dòng", StringComparison.Ordinal));
    }
}
