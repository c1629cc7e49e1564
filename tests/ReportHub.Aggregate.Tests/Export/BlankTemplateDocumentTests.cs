using ReportHub.Core;
using ReportHub.Testing.Documents;
using ReportHub.Readers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Aggregate.Export;
using ReportHub.Core.Domain;
using ReportHub.Core.Parsing;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class BlankTemplateDocumentTests
{
    private const string Times = "Times New Roman";
    private const int TextWidth = 11906 - 1701 - 851;

    private static readonly TemplateDefinition Template = FirstTemplateView.Definition;

    private static byte[] Write(Unit unit, Unit? province = null, Round? round = null, TemplateDefinition? template = null) =>
        Workbooks.Bytes(s => BlankTemplateDocument.Write(s, template ?? Template, unit, province, round ?? SampleRound.Round));

    private static readonly byte[] SctLetter = Write(SampleRound.Sct, SampleRound.Province);

    [Fact]
    public void PageIsA4PortraitWithDecreeMargins()
    {
        using var document = WordDocuments.Open(SctLetter);
        var section = WordDocuments.Body(document).Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.NotEqual(PageOrientationValues.Landscape, size.Orient?.Value);
        var margin = section.GetFirstChild<PageMargin>()!;
        // 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right, in twips.
        Assert.InRange(margin.Top!.Value, 1134, 1417);
        Assert.InRange(margin.Bottom!.Value, 1134, 1417);
        Assert.InRange(margin.Left!.Value, 1701u, 1984u);
        Assert.InRange(margin.Right!.Value, 851u, 1134u);
    }

    [Fact]
    public void TextIsTimesNewRomanThirteenPointWithTwelvePointTables()
    {
        using var document = WordDocuments.Open(SctLetter);
        var defaults = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(Times, defaults.RunFonts!.Ascii!.Value);
        Assert.Equal(Times, defaults.RunFonts.HighAnsi!.Value);
        Assert.Equal(Times, defaults.RunFonts.ComplexScript!.Value);
        Assert.Equal("26", defaults.FontSize!.Val!.Value);
        Assert.Equal("vi-VN", defaults.Languages!.Val!.Value);

        var body = WordDocuments.Body(document);
        // No run names another font, and every size is within the decree's 11–14 pt.
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal(Times, f.Ascii?.Value ?? Times));
        Assert.All(body.Descendants<Run>(), r => Assert.InRange(int.Parse(r.RunProperties!.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture), 22, 28));
        Assert.Equal("26", Size(WordDocuments.Paragraph(body, "Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")));

        foreach (var section in Template.Sections.Where(s => s.Table is not null))
        {
            var table = WordDocuments.TableAfter(body, $"{section.Number}. {section.Heading}");
            Assert.All(table.Descendants<Paragraph>(), p => Assert.Equal("24", Size(p)));
        }
    }

    [Fact]
    public void LetterheadIsABorderlessTwoBlockTableOfIssuerAndNation()
    {
        using var document = WordDocuments.Open(SctLetter);
        var head = WordDocuments.Body(document).Elements().First();

        var table = Assert.IsType<Table>(head);
        var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
        Assert.All(borders.ChildElements.Cast<BorderType>(), b => Assert.Equal(BorderValues.None, b.Val!.Value));
        var rows = table.Elements<TableRow>().ToList();
        var left = rows[0].Elements<TableCell>().First().Elements<Paragraph>().Where(p => WordDocuments.Text(p).Length > 0).ToList();
        var right = rows[0].Elements<TableCell>().Last().Elements<Paragraph>().Where(p => WordDocuments.Text(p).Length > 0).ToList();

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], left.Select(WordDocuments.Text));
        Assert.False(IsBold(left[0]));
        Assert.True(IsBold(left[1]));
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], right.Select(WordDocuments.Text));
        Assert.All(right, p => Assert.True(IsBold(p)));

        Assert.Equal("Số:      /", WordDocuments.Texts(rows[1].Elements<TableCell>().First())[0]);
        Assert.StartsWith("V/v ", WordDocuments.Texts(rows[1].Elements<TableCell>().First())[1], StringComparison.Ordinal);
        var placeDate = rows[1].Elements<TableCell>().Last().Elements<Paragraph>().Single();
        Assert.Equal("Quảng Ngãi, ngày     tháng     năm 2021", WordDocuments.Text(placeDate));
        Assert.NotNull(placeDate.Descendants<Italic>().FirstOrDefault());
    }

    [Fact]
    public void RequestSentenceCitesTheRoundsDocumentSoTheParserFindsTheRound()
    {
        using var document = WordDocuments.Open(SctLetter);
        var request = WordDocuments.Body(document).Elements<Paragraph>().Select(WordDocuments.Text)
            .Single(t => t.StartsWith("Theo Công văn số ", StringComparison.Ordinal));

        Assert.StartsWith("Theo Công văn số 1406/STTTT-BCVT&CNTT ngày 26/10/2021 của Sở Thông tin và Truyền thông", request, StringComparison.Ordinal);
        Assert.True(HeaderLines.IsRequest(VietnameseText.Fold(request)));
        var cited = Citations.FindAll(request)[0];
        Assert.Equal("1406", cited.Number);
        Assert.Equal("STTTT-BCVT&CNTT", cited.Symbol);
        Assert.Equal(new DateOnly(2021, 10, 26), cited.Date);
    }

    [Fact]
    public void LabelsHoldUnitAndRoundCodesMarkedNotToBeEdited()
    {
        using var document = WordDocuments.Open(SctLetter);
        var body = WordDocuments.Body(document);

        var unit = WordDocuments.Paragraph(body, "Mã đơn vị: 51.SCT");
        WordDocuments.Paragraph(body, "Mã đợt báo cáo: 2021-10");
        WordDocuments.Paragraph(body, "Hạn báo cáo: 29/10/2021");
        var value = unit.Elements<Run>().Single(r => r.InnerText == "51.SCT");
        Assert.Equal("FFF2CC", value.RunProperties!.Shading!.Fill!.Value);
        Assert.Contains(body.Elements<Paragraph>().Select(WordDocuments.Text),
            t => t.StartsWith("(Không sửa mã đơn vị, mã đợt báo cáo", StringComparison.Ordinal));
    }

    [Fact]
    public void AppendixTablesRepeatTheDefinitionsHeadersAndOfferEmptyRowsToFill()
    {
        using var document = WordDocuments.Open(SctLetter);
        var body = WordDocuments.Body(document);
        Assert.NotNull(WordDocuments.Paragraph(body, "PHỤ LỤC").ParagraphProperties!.PageBreakBefore);
        WordDocuments.Paragraph(body, Template.Title);

        foreach (var section in Template.Sections)
        {
            var heading = WordDocuments.Paragraph(body, $"{section.Number}. {section.Heading}");
            if (section.Table is not { } definition)
            {
                var lines = heading.ElementsAfter().TakeWhile(e => e is Paragraph p && WordDocuments.Text(p).Length == 0).ToList();
                Assert.Equal(BlankTemplateWorkbook.BlankNarrativeRows, lines.Count);
                continue;
            }
            var table = WordDocuments.TableAfter(body, $"{section.Number}. {section.Heading}");
            var rows = table.Elements<TableRow>().ToList();
            Assert.Equal(1 + BlankTemplateWorkbook.BlankTableRows(Template), rows.Count);
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.Equal(definition.Columns.Select(c => c.Header), rows[0].Elements<TableCell>().Select(WordDocuments.Text));
            Assert.All(rows.Skip(1), row => Assert.All(row.Elements<TableCell>(), cell =>
            {
                var paragraph = Assert.Single(cell.Elements<Paragraph>());
                Assert.Empty(WordDocuments.Text(paragraph));
            }));

            var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
            Assert.All(borders.ChildElements.Cast<BorderType>(), b => Assert.Equal(BorderValues.Single, b.Val!.Value));
            var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(TextWidth, widths.Sum());
            var widest = definition.Columns.Select(c => c.Width).ToList();
            Assert.Equal(widest.IndexOf(widest.Max()), widths.IndexOf(widths.Max()));
        }
    }

    [Fact]
    public void SignerBlockIsBorderlessWithDistributionLeftAndDirectorRight()
    {
        using var document = WordDocuments.Open(SctLetter);
        var signer = WordDocuments.Body(document).Elements<Table>()
            .Single(t => t.Descendants<Paragraph>().Any(p => WordDocuments.Text(p) == "Nơi nhận:"));

        var borders = signer.GetFirstChild<TableProperties>()!.TableBorders!;
        Assert.All(borders.ChildElements.Cast<BorderType>(), b => Assert.Equal(BorderValues.None, b.Val!.Value));
        var cells = signer.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        Assert.Equal(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], WordDocuments.Texts(cells[0]));
        Assert.Equal(["GIÁM ĐỐC", "(Ký, ghi rõ họ tên, đóng dấu)"], WordDocuments.Texts(cells[1]));
    }

    [Fact]
    public void PackageValidatesWithoutErrors()
    {
        var district = Write(SampleRound.BinhSon, province: null, SampleRound.Round with { RequestDocument = null, RequestDate = null });

        foreach (var bytes in new[] { SctLetter, district })
        {
            using var document = WordDocuments.Open(bytes);
            AssertValid(document);
        }
    }

    [Fact]
    public void ADistrictWithoutProvinceOrRequestDocumentOmitsThoseLines()
    {
        var round = SampleRound.Round with { RequestDocument = null, RequestDate = null };

        using var document = WordDocuments.Open(Write(SampleRound.BinhSon, province: null, round));
        var rows = WordDocuments.Rows(WordDocuments.Body(document)).SelectMany(r => r.Cells).Select(c => c.Text).ToList();

        Assert.Contains("HUYỆN BÌNH SƠN", string.Join("\n", rows).Split('\n'));
        Assert.DoesNotContain(rows, t => t.Contains("UBND TỈNH", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, t => t.Contains("Theo Công văn", StringComparison.Ordinal));
        Assert.Contains("Huyện Bình Sơn báo cáo tình hình triển khai theo Phụ lục đính kèm Công văn này.", rows);
        Assert.Contains("Mã đơn vị: 51.524", rows);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", string.Join("\n", rows).Split('\n'));
    }

    [Fact]
    public void TheTemplateParserReadsUnitRoundAndEverySectionBack()
    {
        using var reader = WorkbookReaders.Open(new MemoryStream(SctLetter), "bieu-mau.docx");

        var result = new TemplateParser(Template).Parse(reader, new ParseOptions());

        var report = Assert.IsType<ParsedReport>(result.Report);
        Assert.Equal("51.SCT", report.Header.Labels["unitCode"]);
        Assert.Equal("2021-10", report.Header.Labels["roundCode"]);
        Assert.Equal("1406", report.Header.RequestCited?.Number);
        Assert.Equal(["Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"], report.Header.Recipients);
        Assert.Contains("SỞ CÔNG THƯƠNG", report.Header.IssuingBody);
        // The blank's signature block is a title and a note, no name: the appendix heading after it is not the signer.
        Assert.Equal(["GIÁM ĐỐC"], report.Header.Signer);
        Assert.Null(report.Header.SignerName);
        Assert.DoesNotContain(result.Issues, i => i.Code == ReportHub.Core.Issues.IssueCodes.SectionMissing);
        // A blank form holds no rows yet; that, and only that, is what the parser should object to.
        Assert.Empty(report.Directives);
        Assert.Empty(report.QrRows);
    }

    [Fact]
    public void RowsTypedIntoTheTablesAreParsedAsDirectivesAndQrCounts()
    {
        var filled = Fill(SctLetter, new Dictionary<string, string[]>
        {
            ["Nội dung thực hiện"] = ["1", "Triển khai ứng dụng PC-Covid tại Sở", "780/SCT-VP ngày 07/05/2021", "Sở Công Thương", "- Công chức thuộc Sở."],
            ["Đối tượng thống kê"] = ["1", "Sở Công Thương tỉnh Quảng Ngãi", "1", "541", ""],
        });
        using var reader = WorkbookReaders.Open(new MemoryStream(filled), "bao-cao.docx");

        var result = new TemplateParser(Template).Parse(reader, new ParseOptions { Today = new DateOnly(2021, 10, 27) });

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => $"{i.Code}: {i.Message}")));
        var report = result.Report!;
        var directive = Assert.Single(report.Directives);
        Assert.Equal("Triển khai ứng dụng PC-Covid tại Sở", directive.Content);
        Assert.Equal(1L, report.QrCodes);
        Assert.Equal(541L, report.QrScans);
    }

    [Fact]
    public void ASecondTemplateRendersFromItsDefinitionAlone()
    {
        var columns = Enumerable.Range(1, 10)
            .Select(i => new ColumnDefinition { Key = $"c{i}", Header = $"Cột số {i}", Type = i == 1 ? ColumnType.Ordinal : ColumnType.Count, Width = i == 1 ? 2 : 14 })
            .ToList();
        var other = new TemplateDefinition
        {
            Id = "vaccine-2022",
            Title = "BIỂU MẪU BÁO CÁO TIÊM CHỦNG",
            AppendixHeading = "PHỤ LỤC II",
            Labels = [new LabelDefinition { Key = "unitCode", Label = "Mã cơ quan" }],
            Sections =
            [
                new SectionDefinition { Key = "doses", Number = "1", Heading = "Kết quả tiêm chủng", Table = new TableDefinition { RowNoun = "địa bàn", Columns = columns } },
                new SectionDefinition { Key = "issues", Number = "2", Heading = "Khó khăn, vướng mắc" },
            ],
        };

        using var document = WordDocuments.Open(Write(SampleRound.Sct, SampleRound.Province, template: other));
        var body = WordDocuments.Body(document);

        WordDocuments.Paragraph(body, "PHỤ LỤC II");
        WordDocuments.Paragraph(body, "Mã cơ quan: 51.SCT");
        WordDocuments.Paragraph(body, "Mã đợt báo cáo: 2021-10");
        var table = WordDocuments.TableAfter(body, "1. Kết quả tiêm chủng");
        Assert.Equal(columns.Select(c => c.Header), table.Elements<TableRow>().First().Elements<TableCell>().Select(WordDocuments.Text));
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(TextWidth, widths.Sum());
        // The ordinal column would be 2/128 of the page (146 twips); it is held wide enough for "TT".
        Assert.All(widths, w => Assert.True(w >= 680, $"column {w} twips wide"));
        WordDocuments.Paragraph(body, "2. Khó khăn, vướng mắc");
        AssertValid(document);
    }

    [Fact]
    public void ControlCharactersAndDecomposedTextInNamesStillMakeAValidNfcDocument()
    {
        var decomposed = "Sở Công Thương".Normalize(NormalizationForm.FormD);
        var unit = SampleRound.Sct with { Name = decomposed + "\u0001\u000B tỉnh Quảng Ngãi" };

        using var document = WordDocuments.Open(Write(unit, SampleRound.Province));

        AssertValid(document);
        var texts = document.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text).ToList();
        Assert.Contains("SỞ CÔNG THƯƠNG", texts);
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
        Assert.DoesNotContain(texts, t => t.Any(c => c < ' '));
    }

    [Fact]
    public void WritesToAStreamThatCannotSeek()
    {
        using var sink = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(sink))
        {
            BlankTemplateDocument.Write(forwardOnly, Template, SampleRound.Sct, SampleRound.Province, SampleRound.Round);
        }

        using var document = WordDocuments.Open(sink.ToArray());
        WordDocuments.Paragraph(WordDocuments.Body(document), "Mã đơn vị: 51.SCT");
    }

    private static void AssertValid(DocumentFormat.OpenXml.Packaging.WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string? Size(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<FontSize>()?.Val?.Value;

    private static bool IsBold(Paragraph paragraph) => paragraph.Elements<Run>().All(r => r.RunProperties?.Bold is not null);

    /// <summary>Types each row into the first empty row of the table whose header holds the key, as a clerk would.</summary>
    private static byte[] Fill(byte[] blank, Dictionary<string, string[]> rows) =>
        WordFormFiller.Fill(blank, rows.ToDictionary(r => r.Key, r => new[] { r.Value }));

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
