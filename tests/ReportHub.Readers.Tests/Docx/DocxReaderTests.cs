using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Core.Grid;
using ReportHub.Core.Text;
using ReportHub.Testing.Documents;

namespace ReportHub.Readers.Tests.Docx;

public sealed class DocxReaderTests
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void LetterIsOneSheetNamedVanBan()
    {
        using var reader = Letters.Open(SeedLetters.Report2162().ToBytes());

        Assert.Equal("docx", reader.Format);
        Assert.Equal(["Văn bản"], reader.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void ParagraphsAndTableRowsBecomeRowsInDocumentOrder()
    {
        var bytes = new WordLetterBuilder()
            .Paragraph("Đoạn đầu")
            .EmptyParagraph()
            .Table(t => t.Row("STT", "Nội dung", "Số lượng").Row("1", "Mã QR", "01"))
            .EmptyParagraph()
            .Paragraph("Đoạn cuối")
            .ToBytes();

        var (rows, _) = Letters.Read(bytes);

        // Empty paragraphs take no row; the numbering only ever goes up.
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Index));
        Assert.Equal(["Đoạn đầu"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal([1], rows[0].Cells.Select(c => c.Column));
        Assert.Equal(["STT", "Nội dung", "Số lượng"], rows[1].Cells.Select(c => c.Text));
        Assert.Equal([1, 2, 3], rows[2].Cells.Select(c => c.Column));
        Assert.Equal("Đoạn cuối", rows[3].Cells.Single().Text);
    }

    [Fact]
    public void NumbersStayTextAsTyped()
    {
        var (rows, _) = Letters.Read(new WordLetterBuilder().Table(t => t.Row("01", "1.234")).ToBytes());

        Assert.All(rows.Single().Cells, c => Assert.Equal(CellKind.Text, c.Kind));
        Assert.Equal(["01", "1.234"], rows.Single().Cells.Select(c => c.Text));
    }

    [Fact]
    public void GridSpanBecomesAMergeAcrossAndShiftsTheCellsAfterIt()
    {
        var bytes = new WordLetterBuilder()
            .Table(t => t
                .Row(WordCell.Of("Kết quả").Span(2), "Ghi chú")
                .Row("Mã QR", "Lượt quét", "Ghi chú"))
            .ToBytes();

        var (rows, merges) = Letters.Read(bytes);

        Assert.Equal([(1, "Kết quả"), (3, "Ghi chú")], rows[0].Cells.Select(c => (c.Column, c.Text)));
        Assert.Equal([new MergedRange(1, 1, 1, 2)], merges);
    }

    [Fact]
    public void VerticalMergeGivesTheTopValueToEveryRowItCovers()
    {
        var bytes = new WordLetterBuilder()
            .Table(t => t
                .Row("STT", "Đơn vị")
                .Row("1", "Sở Công Thương")
                .Row("2", "")
                .Row("3", "")
                .Row("4", "Sở Y tế")
                .MergeDown(cell: 2, firstRow: 2, lastRow: 4))
            .ToBytes();

        var (rows, merges) = Letters.Read(bytes);
        var grid = Letters.Grid(bytes);

        Assert.Equal([new MergedRange(2, 2, 4, 2)], merges);
        Assert.Equal(["Sở Công Thương", "Sở Công Thương", "Sở Công Thương", "Sở Y tế"],
            rows.Skip(1).Select(r => grid.AtOrMerged(r.Index, 2)!.Text));
        Assert.Null(grid.At(3, 2));
    }

    [Fact]
    public void VerticalMergeOfASpannedCellCoversItsWholeWidth()
    {
        var bytes = new WordLetterBuilder()
            .Table(t => t
                .Row(WordCell.Of("Gộp").Span(2).Merged(WordMerge.Restart), "a")
                .Row(new WordCell().Span(2).Merged(WordMerge.Continue), "b"))
            .ToBytes();

        Assert.Equal([new MergedRange(1, 1, 2, 2)], Letters.Read(bytes).Merges);
    }

    [Fact]
    public void ParagraphsOfACellAreJoinedWithNewlines()
    {
        var bytes = new WordLetterBuilder()
            .Table(t => t.Row("1", new WordCell().Paragraph("- UBND các huyện.").Paragraph("").Paragraph("- Chợ Đầu mối.")))
            .ToBytes();

        Assert.Equal("- UBND các huyện.\n- Chợ Đầu mối.", Letters.Read(bytes).Rows.Single().Cells[1].Text);
    }

    [Fact]
    public void TabsAndLineBreaksBecomeSpaceAndNewline()
    {
        var bytes = new WordLetterBuilder().Paragraph("Số:\t2162/SCT-VP\nQuảng Ngãi").ToBytes();

        Assert.Equal("Số: 2162/SCT-VP\nQuảng Ngãi", Letters.Read(bytes).Rows.Single().Cells.Single().Text);
    }

    /// <summary>The SDK no longer models w:smartTag; documents from Word 2003 still carry them.</summary>
    private static OpenXmlUnknownElement SmartTag(Run run)
    {
        var tag = new OpenXmlUnknownElement("w", "smartTag", WordNs);
        tag.SetAttribute(new OpenXmlAttribute("w", "uri", WordNs, "urn:schemas-microsoft-com:office:smarttags"));
        tag.SetAttribute(new OpenXmlAttribute("w", "element", WordNs, "place"));
        var properties = new OpenXmlUnknownElement("w", "smartTagPr", WordNs);
        var attribute = new OpenXmlUnknownElement("w", "attr", WordNs);
        attribute.SetAttribute(new OpenXmlAttribute("w", "val", WordNs, "không hiện"));
        properties.Append(attribute);
        tag.Append(properties, run);
        return tag;
    }

    [Fact]
    public void HyperlinksSmartTagsContentControlsFieldResultsAndInsertionsAreRead()
    {
        var paragraph = new Paragraph(
            WordLetterBuilder.BuildRun(new WordRun("Xem ")),
            new Hyperlink(WordLetterBuilder.BuildRun(new WordRun("Cổng thông tin"))) { Anchor = "cong" },
            WordLetterBuilder.BuildRun(new WordRun(" tại ")),
            SmartTag(WordLetterBuilder.BuildRun(new WordRun("Quảng Ngãi"))),
            WordLetterBuilder.BuildRun(new WordRun(", số ")),
            new SdtRun(new SdtProperties(new SdtAlias { Val = "Số văn bản" }), new SdtContentRun(WordLetterBuilder.BuildRun(new WordRun("2162")))),
            WordLetterBuilder.BuildRun(new WordRun(", trang ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            WordLetterBuilder.BuildRun(new WordRun("3")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            WordLetterBuilder.BuildRun(new WordRun(", ngày ")),
            new SimpleField(WordLetterBuilder.BuildRun(new WordRun("27/10/2021"))) { Instruction = " DATE " },
            new InsertedRun(WordLetterBuilder.BuildRun(new WordRun(" (bổ sung)"))) { Id = "1", Author = "Văn thư" },
            new DeletedRun(new Run(new DeletedText("(đã xóa)"))) { Id = "2", Author = "Văn thư" });
        var block = new SdtBlock(new SdtProperties(new SdtAlias { Val = "Trích yếu" }),
            new SdtContentBlock(new Paragraph(WordLetterBuilder.BuildRun(new WordRun("Trong điều khiển nội dung")))));

        var text = Letters.AllText(new WordLetterBuilder().Append(paragraph).Append(block).ToBytes());

        Assert.Equal("Xem Cổng thông tin tại Quảng Ngãi, số 2162, trang 3, ngày 27/10/2021 (bổ sung)\nTrong điều khiển nội dung", text);
    }

    [Fact]
    public void PageHeadersFootersFootnotesAndCommentsAreLeftOut()
    {
        var bytes = new WordLetterBuilder()
            .PageHeader("TÀI LIỆU MẬT")
            .PageFooter("Trang 1")
            .FootnotedParagraph("Theo Công văn số 1406/STTTT-BCVT&CNTT.", "Chú thích cuối trang")
            .CommentedParagraph("Kính gửi: Sở Thông tin và Truyền thông", "Ý kiến góp ý")
            .ToBytes();

        Assert.Equal("Theo Công văn số 1406/STTTT-BCVT&CNTT.\nKính gửi: Sở Thông tin và Truyền thông", Letters.AllText(bytes));
    }

    [Fact]
    public void NestedTableIsFlattenedIntoItsCellOneLinePerRow()
    {
        var nested = new Table(
            new TableRow(new TableCell(new Paragraph(WordLetterBuilder.BuildRun(new WordRun("- Sở Y tế")))),
                new TableCell(new Paragraph(WordLetterBuilder.BuildRun(new WordRun("(báo cáo)"))))),
            new TableRow(new TableCell(new Paragraph(WordLetterBuilder.BuildRun(new WordRun("- Sở Tài chính")))),
                new TableCell(new Paragraph())));
        var bytes = new WordLetterBuilder()
            .Table(t => t.Row("1", new WordCell().Paragraph("Gửi:").Append(nested), "cuối"))
            .ToBytes();

        var (rows, _) = Letters.Read(bytes);

        Assert.Equal(["1", "Gửi:\n- Sở Y tế (báo cáo)\n- Sở Tài chính", "cuối"], rows.Single().Cells.Select(c => c.Text));
        Assert.Equal([1, 2, 3], rows.Single().Cells.Select(c => c.Column));
    }

    [Fact]
    public void DescribeCellNamesTableRowAndVisibleCellOrParagraph()
    {
        var bytes = new WordLetterBuilder()
            .Paragraph("Kính gửi: Sở Thông tin và Truyền thông")
            .Table(t => t.Row("a", "b"))
            .Paragraph("Đoạn thứ hai")
            .Table(t => t
                .Row("TT", WordCell.Of("Kết quả").Span(2), "Ghi chú")
                .Row("1", "01", "541", ""))
            .ToBytes();
        using var reader = Letters.Open(bytes);
        var rows = reader.ReadRows(0).ToList();

        Assert.Equal("Đoạn văn thứ 1", reader.DescribeCell(0, 1, 1));
        Assert.Equal("Bảng 1, dòng 1, cột 2", reader.DescribeCell(0, 2, 2));
        Assert.Equal("Đoạn văn thứ 2", reader.DescribeCell(0, 3, 1));
        // The spanned cell covers grid columns 2 and 3; "Ghi chú" is the third cell a person sees in that row.
        Assert.Equal("Bảng 2, dòng 1, cột 2", reader.DescribeCell(0, 4, 3));
        Assert.Equal("Bảng 2, dòng 1, cột 3", reader.DescribeCell(0, 4, rows[3].Cells.Single(c => c.Text == "Ghi chú").Column));
        Assert.Equal("Bảng 2, dòng 2, cột 3", reader.DescribeCell(0, 5, 3));
    }

    [Fact]
    public void DescribeCellWorksBeforeAnyRowIsRead()
    {
        using var reader = Letters.Open(new WordLetterBuilder().Table(t => t.Row("a").Row("b", "c")).ToBytes());

        Assert.Equal("Bảng 1, dòng 2, cột 2", reader.DescribeCell(0, 2, 2));
    }

    [Fact]
    public void RunFontsDecideTheCellFontByMostOfItsText()
    {
        var bytes = new WordLetterBuilder()
            .Table(t => t.Row(new WordCell().Paragraph(new WordRun("Së C«ng Th­¬ng", ".VnTime"), new WordRun(" 1", "Times New Roman"))))
            .ToBytes();

        Assert.Equal(".VnTime", Letters.Read(bytes).Rows.Single().Cells.Single().Font);
    }

    [Fact]
    public void ParagraphStyleAndDocumentDefaultFontsApplyToRunsWithoutTheirOwn()
    {
        var bytes = new WordLetterBuilder(defaultFont: "VNI-Times")
            .ParagraphStyle("VnBody", "Vn Body", ".VnTime")
            .Paragraph("C«ng v¨n", style: "VnBody")
            .Paragraph("Coâng vaên")
            .Paragraph("Unicode", font: "Times New Roman")
            .ToBytes();

        var rows = Letters.Read(bytes).Rows;

        Assert.Equal([".VnTime", "VNI-Times", "Times New Roman"], rows.Select(r => r.Cells.Single().Font));
    }

    [Fact]
    public void Tcvn3TextInVnTimeRunsIsConvertedToUnicode()
    {
        string Tcvn3(string text) => LegacyText.FromUnicode(text, LegacyCharset.Tcvn3);
        var bytes = new WordLetterBuilder()
            .Paragraph(Tcvn3("Kính gửi: Sở Thông tin và Truyền thông"), ".VnTime")
            .Table(t => t.Font(".VnTime").Row(WordCell.Of(Tcvn3("Đối tượng thống kê"), ".VnTime"), WordCell.Of(Tcvn3("Sở Công Thương tỉnh Quảng Ngãi"), ".VnTime")))
            .ToBytes();

        var grid = Letters.Grid(bytes);

        Assert.Equal("Kính gửi: Sở Thông tin và Truyền thông", grid.At(1, 1)!.Text);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", grid.At(2, 2)!.Text);
        Assert.Equal(LegacyCharset.Tcvn3, grid.LegacyCharset);
        Assert.Equal(3, grid.LegacyCellsConverted);
    }
}
