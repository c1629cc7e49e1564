using ReportHub.Core;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Testing.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Readers.Tests.Docx;

/// <summary>A Word letter read as the sender sees it: hidden text and rows out, tracked changes accepted, one letter per file.</summary>
public sealed class DocxHiddenAndRevisedTests
{
    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);

    private static ParseResult Parse(byte[] bytes)
    {
        using var reader = Letters.Open(bytes);
        return Parser.Parse(reader, new ParseOptions { Today = new DateOnly(2021, 10, 27) });
    }

    private static byte[] WithQrRows(Action<WordTableBuilder> rows, WordLetterBuilder? builder = null) =>
        SeedLetters.Report2162(rows, builder).ToBytes();

    private static string Errors(ParseResult result) => string.Join("\n", result.Issues.Select(i => $"{i.Code}: {i.Message}"));

    [Fact]
    public void HiddenDigitsInsideACountAreNotRead()
    {
        var scans = new WordCell().Paragraph(new WordRun("5"), new WordRun("0000") { Hidden = true }, new WordRun("41"));

        var result = Parse(WithQrRows(t => t.Row("1", SeedLetters.IssuingUnit, "01", scans, "")));

        Assert.False(result.HasErrors, Errors(result));
        Assert.Equal(541, result.Report!.QrScans);
        var warning = Assert.Single(result.Issues, i => i.Code == IssueCodes.DocxHiddenSkipped);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("đã bỏ qua: 1 đoạn chữ ẩn ở Bảng 2", warning.Message);
    }

    [Fact]
    public void DigitsHiddenThroughTheirCharacterStyleAreNotRead()
    {
        var builder = new WordLetterBuilder().HiddenStyle("AnDi");
        var scans = new WordCell().Paragraph(new WordRun("5"), new WordRun("0000") { Style = "AnDi" }, new WordRun("41"));

        var result = Parse(WithQrRows(t => t.Row("1", SeedLetters.IssuingUnit, "01", scans, ""), builder));

        Assert.False(result.HasErrors, Errors(result));
        Assert.Equal(541, result.Report!.QrScans);
        Assert.Single(result.Issues, i => i.Code == IssueCodes.DocxHiddenSkipped);
    }

    [Fact]
    public void ParagraphInAHiddenParagraphStyleIsNotRead()
    {
        var bytes = new WordLetterBuilder().HiddenStyle("DoanAn", paragraph: true)
            .Paragraph("Thấy được")
            .Paragraph("Ghi chú ẩn 999999", style: "DoanAn")
            .ToBytes();

        var text = Letters.AllText(bytes);

        Assert.Contains("Thấy được", text);
        Assert.DoesNotContain("999999", text);
        using var reader = Letters.Open(bytes);
        _ = reader.ReadRows(0).ToList();
        var note = Assert.Single(reader.Notes(0));
        Assert.Contains("1 đoạn chữ ẩn ngoài bảng", note.Message);
    }

    [Fact]
    public void HiddenParagraphMarkLeavesItsTextShown()
    {
        // w:pPr/w:rPr formats only the pilcrow: Word still shows the runs.
        var bytes = new WordLetterBuilder()
            .Append(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphMarkRunProperties(new W.Vanish())), new W.Run(new W.Text("Vẫn thấy"))))
            .ToBytes();

        Assert.Equal("Vẫn thấy", Letters.AllText(bytes));
        using var reader = Letters.Open(bytes);
        _ = reader.ReadRows(0).ToList();
        Assert.Empty(reader.Notes(0));
    }

    [Fact]
    public void RowsLeftOutTakeNoRowNumberInTheLocation()
    {
        var result = Parse(WithQrRows(t => t
            .HiddenRow("1", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "999999", "")
            .Row("2", SeedLetters.IssuingUnit, "01", "5a41", "")));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.NumberInvalid);
        Assert.Equal("Bảng 2, dòng 2, cột 4", issue.Location);
    }

    [Fact]
    public void HiddenTableRowIsNotCounted()
    {
        var result = Parse(WithQrRows(t => t
            .Row("1", SeedLetters.IssuingUnit, "01", "541", "")
            .HiddenRow("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "999999", "")));

        Assert.False(result.HasErrors, Errors(result));
        Assert.Equal(541, result.Report!.QrScans);
        Assert.Equal(1, result.Report.QrCodes);
        var warning = Assert.Single(result.Issues, i => i.Code == IssueCodes.DocxHiddenSkipped);
        Assert.Contains("1 dòng ẩn ở Bảng 2", warning.Message);
    }

    [Fact]
    public void RowDeletedWithTrackedChangesIsNotCounted()
    {
        var result = Parse(WithQrRows(t => t
            .Row("1", SeedLetters.IssuingUnit, "01", "541", "")
            .DeletedRow("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "888888", "")));

        Assert.False(result.HasErrors, Errors(result));
        Assert.Equal(541, result.Report!.QrScans);
        var warning = Assert.Single(result.Issues, i => i.Code == IssueCodes.DocxTrackedChanges);
        Assert.Contains("bỏ 1 dòng bị xóa ở Bảng 2", warning.Message);
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.DocxHiddenSkipped);
    }

    [Fact]
    public void TrackedTextIsReadAsAccepted()
    {
        var scans = new WordCell().Paragraph(
            new WordRun("5"), new WordRun("9") { Revision = WordRevision.Deleted }, new WordRun("41") { Revision = WordRevision.Inserted });

        var result = Parse(WithQrRows(t => t
            .Row("1", SeedLetters.IssuingUnit, "01", scans, "")
            .InsertedRow("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "01", "9", "")));

        Assert.False(result.HasErrors, Errors(result));
        Assert.Equal(550, result.Report!.QrScans);
        var warning = Assert.Single(result.Issues, i => i.Code == IssueCodes.DocxTrackedChanges);
        Assert.Contains("bỏ 1 đoạn chữ bị xóa ở Bảng 2", warning.Message);
        Assert.Contains("lấy 1 đoạn chữ được chèn ở Bảng 2", warning.Message);
    }

    [Fact]
    public void LetterWithNothingHiddenOrTrackedHasNoReaderWarning()
    {
        var result = Parse(SeedLetters.Report2162().ToBytes());

        Assert.DoesNotContain(result.Issues, i => i.Code is IssueCodes.DocxHiddenSkipped or IssueCodes.DocxTrackedChanges);
    }

    [Fact]
    public void TableInATextBoxIsRefusedNamingIt()
    {
        var bytes = SeedLetters.Report2162().TextBox(t => t
            .Row([.. SeedLetters.QrHeader.Select(h => WordCell.Of(h))])
            .Row("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "777777", "")).ToBytes();

        var error = Assert.Throws<FileRejectedException>(() => Parse(bytes));

        Assert.Equal(IssueCodes.DocxUnreadContent, error.Code);
        Assert.Contains("hộp văn bản chứa một bảng (hộp văn bản thứ 1, sau Bảng 2)", error.Message);
    }

    [Fact]
    public void TextBoxWithOnlyTextIsLeftOut()
    {
        var bytes = new WordLetterBuilder().Paragraph("Trước").TextBox("DỰ THẢO").Paragraph("Sau").ToBytes();

        Assert.Equal("Trước\nSau", Letters.AllText(bytes));
        using var reader = Letters.Open(bytes);
        _ = reader.ReadRows(0).ToList();
        Assert.Empty(reader.Notes(0));
    }

    [Fact]
    public void EmbeddedChunkIsRefused()
    {
        var bytes = SeedLetters.Report2162()
            .AltChunk("<html><body><table><tr><td>2</td><td>Chợ</td><td>0</td><td>666666</td></tr></table></body></html>").ToBytes();

        var error = Assert.Throws<FileRejectedException>(() => Parse(bytes));

        Assert.Equal(IssueCodes.DocxUnreadContent, error.Code);
        Assert.Contains("phần nội dung nhúng từ tệp khác (phần nhúng thứ 1)", error.Message);
    }

    [Fact]
    public void SecondLetterInOneFileIsRefusedAtItsMotto()
    {
        var result = Parse(SeedLetters.Letter(SeedLetters.Report2162()).ToBytes());

        var error = Assert.Single(result.Issues, i => i.Code == IssueCodes.LetterSeveral);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("công văn thứ hai", error.Message);
        // Tables: header, signer, directives, QR codes, then the second letter's header with the motto in column 2.
        Assert.Equal("Bảng tiêu đề công văn thứ 2, dòng 1, cột 2", error.Location);
    }

    [Fact]
    public void SecondAppendixInOneFileIsRefused()
    {
        var result = Parse(SeedLetters.Report2162().Appendix(SeedLetters.AppendixTitle).ToBytes());

        var error = Assert.Single(result.Issues, i => i.Code == IssueCodes.LetterSeveral);
        Assert.Contains("phụ lục thứ hai", error.Message);
        Assert.StartsWith("Đoạn văn thứ ", error.Location);
    }

    [Fact]
    public void SecondUnitCodeWithAnotherValueBlamesTheSecondLabel()
    {
        var builder = new WordLetterBuilder().Paragraph("Mã đơn vị: SCT").Paragraph("Mã đơn vị: SYT");

        var result = Parse(SeedLetters.Report2162(builder: builder).ToBytes());

        var error = Assert.Single(result.Issues, i => i.Code == IssueCodes.LetterSeveral);
        Assert.Contains("“Mã đơn vị” được ghi hai lần với hai giá trị khác nhau: “SCT” ở trên và “SYT” ở đây", error.Message);
        Assert.Equal("Đoạn văn thứ 2", error.Location);
    }

    [Fact]
    public void SameUnitCodeWrittenTwiceIsAccepted()
    {
        var builder = new WordLetterBuilder().Paragraph("Mã đơn vị: SCT").Paragraph("Mã đơn vị: sct");

        var result = Parse(SeedLetters.Report2162(builder: builder).ToBytes());

        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.LetterSeveral);
    }
}
