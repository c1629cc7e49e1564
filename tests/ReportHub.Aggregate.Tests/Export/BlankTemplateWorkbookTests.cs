using System.Text.RegularExpressions;
using ClosedXML.Excel;
using ReportHub.Aggregate.Export;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class BlankTemplateWorkbookTests
{
    private static readonly TemplateDefinition Template = FirstTemplateView.Definition;

    private static byte[] Write(Unit unit, Unit? province = null, Round? round = null, TemplateDefinition? template = null) =>
        Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, template ?? Template, unit, province, round ?? SampleRound.Round));

    private static readonly byte[] SctTemplate = Write(SampleRound.Sct, SampleRound.Province);

    [Fact]
    public void ReadBackTheBlanksSignatureBlockNamesNoSigner()
    {
        using var reader = ReportHub.Readers.WorkbookReaders.Open(new MemoryStream(SctTemplate), "bieu-mau.xlsx");

        var report = new ReportHub.Core.TemplateParser(Template).Parse(reader, new ReportHub.Core.Parsing.ParseOptions()).Report;

        Assert.NotNull(report);
        Assert.NotEmpty(report.Header.Signer);
        Assert.Null(report.Header.SignerName);
    }

    [Fact]
    public void LabelledCellsHoldUnitAndRoundCodesAsTextRightOfTheirLabels()
    {
        var grid = Workbooks.Grids(SctTemplate)["Báo cáo"];

        Assert.Equal("51.SCT", RightOf(grid, "Mã đơn vị:"));
        Assert.Equal("2021-10", RightOf(grid, "Mã đợt báo cáo:"));
        Assert.Equal("29/10/2021", RightOf(grid, "Hạn báo cáo:"));

        using var workbook = Workbooks.Open(SctTemplate);
        var sheet = workbook.Worksheet("Báo cáo");
        var round = Workbooks.FindCell(sheet, "Mã đợt báo cáo:").CellRight();
        Assert.Equal(XLDataType.Text, round.DataType);
        Assert.True(round.HasComment);
        Assert.Equal("Không sửa các ô này", round.Comment.Text);
        Assert.NotEqual(XLColor.NoColor, round.Style.Fill.BackgroundColor);
        Assert.True(Workbooks.FindCell(sheet, "Mã đơn vị:").CellRight().HasComment);
    }

    [Fact]
    public void HeadingBlockNamesTheProvinceAndTheUnitWithoutItsProvinceSuffix()
    {
        var grid = Workbooks.Grids(SctTemplate)["Báo cáo"];
        var texts = grid.SelectMany(r => r).OfType<string>().ToList();

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", grid[0][0]);
        Assert.Equal("SỞ CÔNG THƯƠNG", grid[1][0]);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", texts);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", texts);
        Assert.Contains("Số:      /", texts);
        Assert.Contains(texts, t => t.StartsWith("Quảng Ngãi, ngày ", StringComparison.Ordinal) && t.EndsWith("năm 2021", StringComparison.Ordinal));
        Assert.Contains("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19", texts);
        Assert.Contains("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", texts);
        Assert.Contains("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông", texts);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", texts);
    }

    [Fact]
    public void ADistrictTemplateWithoutAProvinceOrRequestDocumentOmitsThoseLines()
    {
        var round = SampleRound.Round with { RequestDocument = null, RequestDate = null };

        var texts = Workbooks.Grids(Write(SampleRound.BinhSon, province: null, round))["Báo cáo"]
            .SelectMany(r => r).OfType<string>().ToList();

        Assert.Contains("HUYỆN BÌNH SƠN", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("UBND TỈNH", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Theo Công văn", StringComparison.Ordinal));
        Assert.Equal("51.524", texts[texts.IndexOf("Mã đơn vị:") + 1]);
    }

    [Fact]
    public void SectionsFollowTheTemplateInOrderEachWithItsTableHeaderAndEmptyRows()
    {
        var grid = Workbooks.Grids(SctTemplate)["Báo cáo"];
        var appendix = grid.FindIndex(r => r[0] is "PHỤ LỤC");
        Assert.True(appendix > 0);
        Assert.Equal(Template.Title, grid[appendix + 1][0]);

        var previous = appendix;
        foreach (var section in Template.Sections)
        {
            var heading = grid.FindIndex(r => r[0] is string s && s == $"{section.Number}. {section.Heading}");
            Assert.True(heading > previous, $"section {section.Number} out of order");
            previous = heading;
            if (section.Table is not { } table)
            {
                continue;
            }
            Assert.Equal(table.Columns.Select(c => c.Header), grid[heading + 1].Take(table.Columns.Count));
            var body = grid.Skip(heading + 2).Take(BlankTemplateWorkbook.BlankTableRows(Template)).ToList();
            Assert.Equal(BlankTemplateWorkbook.BlankTableRows(Template), body.Count);
            Assert.All(body, r => Assert.All(r, Assert.Null));
        }
    }

    [Fact]
    public void AppendixAndFreeTextSectionsEachStartAPrintedPage()
    {
        using var workbook = Workbooks.Open(SctTemplate);
        var sheet = workbook.Worksheet("Báo cáo");
        var appendix = Workbooks.FindCell(sheet, "PHỤ LỤC").Address.RowNumber;
        var firstNarrative = Template.Sections.First(s => s.IsNarrative);
        var narrative = Workbooks.FindCell(sheet, $"{firstNarrative.Number}. {firstNarrative.Heading}").Address.RowNumber;

        Assert.Contains(sheet.PageSetup.RowBreaks, r => r < appendix && r >= appendix - 2);
        Assert.Contains(sheet.PageSetup.RowBreaks, r => r < narrative && r >= narrative - 2);
    }

    [Fact]
    public void OnlySectionHeadingsStartWithANumberAndDot()
    {
        using var workbook = Workbooks.Open(SctTemplate);
        var numbered = workbook.Worksheets
            .SelectMany(w => w.CellsUsed())
            .Select(c => c.GetString())
            // "51.SCT" is a unit code, not a heading: headings have a space after the dot.
            .Where(t => Regex.IsMatch(t, @"^\s*\d+\s*[.)]\s"))
            .ToList();

        Assert.Equal(Template.Sections.Select(s => $"{s.Number}. {s.Heading}"), numbered);
    }

    [Fact]
    public void TableHeadersAreBoldBorderedWrappedAndSizedFromTheDefinition()
    {
        using var workbook = Workbooks.Open(SctTemplate);
        var sheet = workbook.Worksheet("Báo cáo");
        var directives = Template.Section("directives")!.Table!;

        var header = Workbooks.FindCell(sheet, "Nội dung thực hiện").WorksheetRow();
        for (var i = 0; i < directives.Columns.Count; i++)
        {
            var cell = header.Cell(i + 1);
            Assert.Equal(directives.Columns[i].Header, cell.GetString());
            Assert.True(cell.Style.Font.Bold);
            Assert.True(cell.Style.Alignment.WrapText);
            Assert.Equal(XLBorderStyleValues.Thin, cell.Style.Border.TopBorder);
            Assert.Equal(directives.Columns[i].Width, sheet.Column(i + 1).Width, 1);
        }
        var lastBlank = sheet.Cell(header.RowNumber() + BlankTemplateWorkbook.BlankTableRows(Template), directives.Columns.Count);
        Assert.Equal(XLBorderStyleValues.Thin, lastBlank.Style.Border.BottomBorder);
        Assert.True(header.Cell(5).HasComment);
        Assert.Contains("mỗi đối tượng một dòng, bắt đầu bằng dấu -", header.Cell(5).Comment.Text.Replace(" (Alt+Enter để xuống dòng)", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CountColumnsAcceptOnlyWholeNumbersFromZeroWithAVietnameseMessage()
    {
        using var workbook = Workbooks.Open(SctTemplate);
        var sheet = workbook.Worksheet("Báo cáo");
        var header = Workbooks.FindCell(sheet, "Tổng số mã QR địa điểm đã tạo và quản lý");
        var firstBlank = header.CellBelow();

        Assert.Equal("#,##0", firstBlank.Style.NumberFormat.Format);
        var validation = firstBlank.DataValidation;
        Assert.Equal(XLAllowedValues.WholeNumber, validation.AllowedValues);
        Assert.Equal(XLOperator.EqualOrGreaterThan, validation.Operator);
        Assert.Equal("0", validation.Value);
        Assert.True(validation.ShowErrorMessage);
        Assert.Equal("Vui lòng nhập số nguyên không âm, ví dụ: 541.", validation.ErrorMessage);
        Assert.Equal(XLAllowedValues.WholeNumber, header.CellRight().CellBelow(BlankTemplateWorkbook.BlankTableRows(Template)).DataValidation.AllowedValues);
    }

    [Fact]
    public void ASecondTemplateRendersFromItsDefinitionAlone()
    {
        var other = new TemplateDefinition
        {
            Id = "vaccine-2022",
            Title = "BIỂU MẪU BÁO CÁO TIÊM CHỦNG",
            AppendixHeading = "PHỤ LỤC II",
            Labels = [new LabelDefinition { Key = "unitCode", Label = "Mã cơ quan" }],
            Sections =
            [
                new SectionDefinition
                {
                    Key = "doses", Number = "1", Heading = "Kết quả tiêm chủng",
                    Table = new TableDefinition
                    {
                        RowNoun = "địa bàn",
                        Columns =
                        [
                            new ColumnDefinition { Key = "ordinal", Header = "TT", Type = ColumnType.Ordinal, Width = 5 },
                            new ColumnDefinition { Key = "place", Header = "Địa bàn", Width = 30 },
                            new ColumnDefinition { Key = "doses", Header = "Số mũi đã tiêm", Type = ColumnType.Count, Width = 16 },
                        ],
                    },
                },
                new SectionDefinition { Key = "issues", Number = "2", Heading = "Khó khăn, vướng mắc" },
            ],
        };

        var bytes = Write(SampleRound.Sct, SampleRound.Province, template: other);
        var grid = Workbooks.Grids(bytes)["Báo cáo"];

        Assert.Contains(grid, r => r[0] is "PHỤ LỤC II");
        var heading = grid.FindIndex(r => r[0] is "1. Kết quả tiêm chủng");
        Assert.Equal(["TT", "Địa bàn", "Số mũi đã tiêm"], grid[heading + 1].Take(3));
        Assert.True(grid.FindIndex(r => r[0] is "2. Khó khăn, vướng mắc") > heading);
        Assert.Equal("51.SCT", RightOf(grid, "Mã cơ quan:"));
        Assert.Equal("2021-10", RightOf(grid, "Mã đợt báo cáo:"));
    }

    [Fact]
    public void GuideSheetHasAFewBulletedVietnameseInstructions()
    {
        var guide = Workbooks.Grids(SctTemplate)["Hướng dẫn"].Select(r => r[0]).OfType<string>().Skip(1).ToList();

        Assert.InRange(guide.Count, 6, 10);
        Assert.All(guide, line => Assert.StartsWith("• ", line));
        Assert.Contains(guide, l => l.Contains("780/SCT-VP ngày 07/05/2021", StringComparison.Ordinal));
        Assert.Contains(guide, l => l.Contains("\"Không có\"", StringComparison.Ordinal));
        Assert.Contains(guide, l => l.Contains(".xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySheetIsTimesNewRomanOnA4FittedToOnePageWideWithAPrintArea()
    {
        using var workbook = Workbooks.Open(SctTemplate);

        Assert.Equal(["Báo cáo", "Hướng dẫn"], workbook.Worksheets.Select(w => w.Name));
        Assert.All(workbook.Worksheets, sheet =>
        {
            Assert.All(sheet.CellsUsed(), c => Assert.Equal("Times New Roman", c.Style.Font.FontName));
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal(0, sheet.PageSetup.PagesTall);
            Assert.Single(sheet.PageSetup.PrintAreas);
        });
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => Assert.False(c.HasFormula));
    }

    private static object? RightOf(List<object?[]> grid, string label)
    {
        var row = grid.Single(r => r.Contains(label));
        return row[Array.IndexOf(row, label) + 1];
    }
}
