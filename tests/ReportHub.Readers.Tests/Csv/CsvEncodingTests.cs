using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;
using ReportHub.Core;
using ReportHub.Readers.Csv;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Csv;

/// <summary>Seed 004's appendix saved as CSV in every encoding Excel, LibreOffice and legacy-font offices produce.</summary>
public sealed class CsvEncodingTests
{
    private const string CommaHeading = "Số, ngày ban hành văn bản";

    static CsvEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static ParseResult Parse(byte[] bytes, string fileName = "sct-2162.csv")
    {
        using var reader = Open(bytes, fileName);
        return new TemplateParser(FirstTemplateView.Definition).Parse(reader, new ParseOptions { Today = new DateOnly(2021, 10, 28) });
    }

    private static void AssertSeedReport(ParseResult result)
    {
        Assert.False(result.HasErrors, string.Join("; ", result.Issues.Select(i => $"{i.Code} {i.Cell} {i.Message}")));
        var report = result.Report!;
        Assert.Equal(3, report.Directives.Count);
        Assert.Equal(1, report.QrCodes);
        Assert.Equal(541, report.QrScans);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", report.Directives[0].IssuingUnit);
    }

    [Fact]
    public void SemicolonWindows1258CsvWithCommasInHeadingsIsRead()
    {
        // Excel in a Vietnamese locale: ',' is the decimal mark, so the list separator and the CSV separator are ';',
        // and cells with commas ("Số, ngày ban hành văn bản") are not quoted.
        var text = ExcelCsv.Text(Seed004.Rows, ';');
        Assert.Contains($";{CommaHeading};", text);
        var bytes = ExcelCsv.Windows1258(text);

        var rows = ReadAll(bytes, fileName: "sct-2162.csv");
        var header = rows.Single(r => r.Cells.Any(c => c.Text == "STT"));
        Assert.Equal(["STT", "Nội dung thực hiện", CommaHeading, "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"],
            header.Cells.Select(c => c.Text));
        Assert.All(rows.SelectMany(r => r.Cells), c => Assert.True(c.Text.IsNormalized(NormalizationForm.FormC), c.Text));
        AssertSeedReport(Parse(bytes));
    }

    [Fact]
    public void Utf8WithBomCommaCsvOfTheSeedIsParsed() =>
        AssertSeedReport(Parse(ExcelCsv.Utf8(ExcelCsv.Text(Seed004.Rows, ','), bom: true)));

    [Fact]
    public void Utf8WithoutBomSemicolonCsvOfTheSeedIsParsed() =>
        AssertSeedReport(Parse(ExcelCsv.Utf8(ExcelCsv.Text(Seed004.Rows, ';'), bom: false)));

    [Fact]
    public void ExcelUnicodeTextExportIsParsed() =>
        // "Unicode text (*.txt)" renamed .csv: UTF-16 LE with a BOM, tab-separated.
        AssertSeedReport(Parse(ExcelCsv.Utf16(ExcelCsv.Text(Seed004.Rows, '\t'), bigEndian: false, bom: true)));

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Utf16EitherByteOrderWithOrWithoutBomIsRead(bool bigEndian, bool bom)
    {
        var bytes = ExcelCsv.Utf16(ExcelCsv.Text(Seed004.Rows, ';'), bigEndian, bom);

        var rows = ReadAll(bytes, fileName: "sct-2162.csv");

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", rows.Cell("A1").Text);
        Assert.Equal(CommaHeading, rows.Single(r => r.Cells.Any(c => c.Text == "STT")).Cells[2].Text);
        Assert.Equal("541", rows.Single(r => r.Cells.Any(c => c.Text == "01")).Cells[3].Text);
    }

    [Fact]
    public void Tcvn3BytesReachTheParserInTheFormItConverts()
    {
        var bytes = ExcelCsv.Legacy(Seed004.Rows, ',', LegacyCharset.Tcvn3);

        // Byte for byte, as Excel shows a .VnTime sheet: "Së C«ng Th­¬ng".
        var rows = ReadAll(bytes, fileName: "sct-2162.csv");
        Assert.Equal(LegacyText.FromUnicode("Số: 2162/SCT-VP", LegacyCharset.Tcvn3), rows.Cell("A7").Text);

        var result = Parse(bytes);
        AssertSeedReport(result);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.LegacyTextConverted && i.Message.Contains("TCVN3"));
    }

    [Fact]
    public void VniBytesReachTheParserInTheFormItConverts()
    {
        var bytes = ExcelCsv.Legacy(Seed004.Rows, ';', LegacyCharset.Vni);

        var rows = ReadAll(bytes, fileName: "sct-2162.csv");
        Assert.Equal(LegacyText.FromUnicode("Số: 2162/SCT-VP", LegacyCharset.Vni), rows.Cell("A7").Text);

        var result = Parse(bytes);
        AssertSeedReport(result);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.LegacyTextConverted && i.Message.Contains("VNI"));
    }

    [Theory]
    [InlineData("1258", nameof(CsvEncoding.Windows1258))]
    [InlineData("tcvn3", nameof(CsvEncoding.LegacyVietnamese))]
    [InlineData("vni", nameof(CsvEncoding.LegacyVietnamese))]
    public void Windows1258IsToldApartFromTcvn3AndVniBytes(string charset, string expected)
    {
        foreach (var separator in new[] { ',', ';' })
        {
            var bytes = charset switch
            {
                "1258" => ExcelCsv.Windows1258(ExcelCsv.Text(Seed004.Rows, separator)),
                "tcvn3" => ExcelCsv.Legacy(Seed004.Rows, separator, LegacyCharset.Tcvn3),
                _ => ExcelCsv.Legacy(Seed004.Rows, separator, LegacyCharset.Vni),
            };

            Assert.Equal(expected, CsvSource.Detect(bytes).Encoding.ToString());
        }
    }

    [Fact]
    public void ShortWindows1258LinesAreNotMistakenForLegacyBytes()
    {
        // "ngày" in Windows-1258 is "ngaÌy" byte for byte, which on its own looks like TCVN3; the tone after a vowel decides.
        var bytes = ExcelCsv.Windows1258("Đơn vị;Số lượng\r\nSở Y tế;541\r\nngày;1\r\n");

        Assert.Equal(CsvEncoding.Windows1258, CsvSource.Detect(bytes).Encoding);
        Assert.Equal(["Sở Y tế", "541"], ReadAll(bytes, fileName: "bc.csv")[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void OurWindows1258TableAgreesWithTheWindowsCodePage()
    {
        var windows = Encoding.GetEncoding(1258);
        for (var b = 0; b < 256; b++)
        {
            byte[] one = [(byte)b];
            Assert.Equal(windows.GetString(one).Normalize(), Cp1258.Decode(one));
        }
    }

    [Fact]
    public void Windows1258ToneSplitAcrossDecodingChunksIsRecomposed()
    {
        // The reader decodes 8 KB at a time; put a base letter last in a chunk and its tone first in the next.
        var padding = new string('x', 8 * 1024 - "Ghi chú;".Length - 1);
        var text = $"Ghi chú;{padding}ê\u0301\r\nSở Y tế;541\r\n";
        var bytes = ExcelCsv.Windows1258(text);
        Assert.Equal(0xEC, bytes[8 * 1024]);

        var rows = ReadAll(bytes, fileName: "bc.csv");

        Assert.Equal(padding + "ế", rows.Cell("B1").Text);
        Assert.Equal("Sở Y tế", rows.Cell("A2").Text);
    }
}
