using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;
using ReportHub.Core;
using ReportHub.Testing.Documents;

namespace ReportHub.Readers.Tests.Docx;

/// <summary>The unchanged template parser reading seed 004 typed in Word.</summary>
public sealed class DocxLetterParsingTests
{
    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);

    private static ParseResult Parse(byte[] bytes)
    {
        using var reader = Letters.Open(bytes);
        return Parser.Parse(reader, new ParseOptions { Today = new DateOnly(2021, 10, 27) });
    }

    [Fact]
    public void SeedLetterAppendixParsesFromWordTables()
    {
        var result = Parse(SeedLetters.Report2162().ToBytes());

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => i.Message)));
        var report = result.Report!;
        Assert.Equal(3, report.Directives.Count);
        Assert.All(report.Directives, d => Assert.Equal(SeedLetters.IssuingUnit, d.IssuingUnit));
        Assert.Equal(1, report.QrCodes);
        Assert.Equal(541, report.QrScans);
        Assert.Equal(["780", "1532", "1711"], report.Directives.Select(d => d.Citation!.Number));
        Assert.Equal(new DateOnly(2021, 8, 9), report.Directives[1].Citation!.Date);
        Assert.Equal(["UBND các huyện, thị xã, thành phố", "Chợ Đầu mối Nông sản Quảng Ngãi", "Các chợ hạng 1 trên địa bàn tỉnh Quảng Ngãi"],
            report.Directives[1].Recipients);
        Assert.Equal(2, report.Directives[2].Recipients.Count);
    }

    [Fact]
    public void SeedLetterHeaderIsReadFromTheHeaderTableAndParagraphs()
    {
        var header = Parse(SeedLetters.Report2162().ToBytes()).Report!.Header;

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], header.IssuingBody);
        Assert.Equal("2162", header.Number!.Number);
        Assert.Equal("SCT-VP", header.Number.Symbol);
        Assert.Equal(new DateOnly(2021, 10, 27), header.PlaceDate!.Date);
        Assert.Equal(["Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"], header.Recipients);
        Assert.Equal("1406", header.RequestCited!.Number);
        Assert.Equal("STTTT-BCVT&CNTT", header.RequestCited.Symbol);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], header.Signer);
        Assert.Equal("Nguyễn Đức Huy", header.SignerName);
    }

    [Fact]
    public void SeedLetterNarrativesAreKept()
    {
        var narratives = Parse(SeedLetters.Report2162().ToBytes()).Report!.Narratives;

        Assert.Equal(["inspection", "results", "recommendations"], narratives.Select(n => n.Key));
        Assert.Contains("PC-COVID", narratives[0].Text);
        Assert.True(narratives[2].IsEmpty);
    }

    [Fact]
    public void BadCountInAWordTableIsLocatedByTableRowAndColumn()
    {
        // Word's tables in order: header, signer block, directives, QR codes. The clerk sees two tables in the report,
        // so the QR table is "Bảng 2"; the count sits in its second row.
        var result = Parse(SeedLetters.Report2162(scans: "5a41").ToBytes());

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.NumberInvalid);
        Assert.Equal("Bảng 2, dòng 2, cột 4", issue.Location);
        Assert.Null(issue.Cell);
    }

    [Fact]
    public void LetterheadAndSignatureTablesAreNamedNotNumbered()
    {
        using var reader = Letters.Open(SeedLetters.Report2162().ToBytes());
        var rows = reader.ReadRows(0).ToList();

        string Where(string text)
        {
            var cell = rows.SelectMany(r => r.Cells).First(c => c.Text.Contains(text, StringComparison.Ordinal));
            return reader.DescribeCell(0, cell.Row, cell.Column)!;
        }

        Assert.StartsWith("Bảng tiêu đề công văn, dòng 1,", Where("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.StartsWith("Bảng chữ ký, dòng 1,", Where("Nơi nhận"));
        Assert.StartsWith("Bảng 1, dòng 1,", Where(SeedLetters.DirectiveHeader[1]));
        Assert.StartsWith("Bảng 2, dòng 1,", Where(SeedLetters.QrHeader[1]));
    }

    [Fact]
    public void SeedLetterTypedInTcvn3IsConvertedAndParsed()
    {
        string Tcvn3(string text) => LegacyText.FromUnicode(text, LegacyCharset.Tcvn3);
        var builder = SeedLetters.Letter(new WordLetterBuilder(defaultFont: ".VnTime"))
            .Appendix(Tcvn3("BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI"))
            .Paragraph(Tcvn3(SeedLetters.QrHeading), ".VnTime")
            .Table(t => t
                .Row([.. SeedLetters.QrHeader.Select(h => WordCell.Of(Tcvn3(h), ".VnTime"))])
                .Row("1", WordCell.Of(Tcvn3("Sở Công Thương tỉnh Quảng Ngãi"), ".VnTime"), "01", "541", ""));

        var result = Parse(builder.ToBytes());

        Assert.Contains(result.Issues, i => i.Code == IssueCodes.LegacyTextConverted);
        var qr = Assert.Single(result.Report!.QrRows);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", qr.Entity);
        Assert.Equal((1L, 541L), (qr.QrCodes, qr.QrScans));
    }
}
