using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Csv;

public sealed class CsvReaderTests
{
    private const string Sample = "Đơn vị,Số lượng\r\nSở Y tế tỉnh Điện Biên,541\r\n";

    static CsvReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static void AssertSample(List<SheetRow> rows)
    {
        Assert.Equal([1, 2], rows.Select(r => r.Index));
        Assert.Equal(new CellValue(1, 1, CellKind.Text, "Đơn vị"), rows.Cell("A1"));
        Assert.Equal("Số lượng", rows.Cell("B1").Text);
        Assert.Equal(new CellValue(2, 2, CellKind.Text, "541"), rows.Cell("B2"));
        Assert.Equal("Sở Y tế tỉnh Điện Biên", rows.Cell("A2").Text);
    }

    [Fact]
    public void Utf8WithoutBomIsRead() => AssertSample(ReadAll(Encoding.UTF8.GetBytes(Sample), fileName: "bc.csv"));

    [Fact]
    public void Utf8WithBomIsRead() => AssertSample(ReadAll([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)], fileName: "bc.csv"));

    [Fact]
    public void Utf16LittleEndianWithBomIsRead() =>
        AssertSample(ReadAll([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)], fileName: "bc.csv"));

    [Fact]
    public void Utf16BigEndianWithBomIsRead() =>
        AssertSample(ReadAll([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)], fileName: "bc.csv"));

    [Fact]
    public void Utf16WithoutBomIsRecognisedByItsZeroBytes() => AssertSample(ReadAll(Encoding.Unicode.GetBytes(Sample), fileName: "bc.csv"));

    [Fact]
    public void Windows1258BytesAreDecodedToNfcText() => AssertSample(ReadAll(ExcelCsv.Windows1258(Sample), fileName: "bc.csv"));

    [Fact]
    public void SheetIsNamedAfterTheFileAndHasNoFontsOrMerges()
    {
        using var reader = Open(Encoding.UTF8.GetBytes(Sample), "Phụ lục 2.csv");

        Assert.Equal("csv", reader.Format);
        Assert.Equal([new SheetInfo(0, "Phụ lục 2", false)], reader.Sheets);
        Assert.Empty(reader.MergedRanges(0));
        Assert.All(reader.ReadRows(0).SelectMany(r => r.Cells), c => Assert.Null(c.Font));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void SeparatorIsDetectedFromConsistentFieldCounts(char separator)
    {
        var text = $"Đơn vị{separator}Số lượng{separator}Ghi chú\nHà Nội, Hải Phòng{separator}1,5{separator}\"có{separator} dấu\"\nHuế{separator}2{separator}x\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Equal(["Đơn vị", "Số lượng", "Ghi chú"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Hà Nội, Hải Phòng", "1,5", $"có{separator} dấu"], rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void SemicolonFileWithDecimalCommasIsNotSplitOnCommas()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("1,5;2,5\n3,25;4,75\n"), fileName: "bc.csv");

        Assert.Equal(["1,5", "2,5"], rows[0].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ExcelSeparatorHintLineIsHonouredAndNotData()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("sep=;\na,b;c\n"), fileName: "bc.csv");

        Assert.Equal(["a,b", "c"], Assert.Single(rows).Cells.Select(c => c.Text));
        Assert.Equal(1, rows[0].Index);
    }

    [Fact]
    public void QuotedFieldsKeepNewlinesAndDoubledQuotes()
    {
        var text = "Nội dung,Số\n\"Chỉ thị số 12/CT-UBND\nngày 1/2/2024, về \"\"an toàn\"\"\",3\nHết,4\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Equal("Chỉ thị số 12/CT-UBND\nngày 1/2/2024, về \"an toàn\"", rows.Cell("A2").Text);
        Assert.Equal("3", rows.Cell("B2").Text);
        Assert.Equal(3, rows[2].Index);
    }

    [Fact]
    public void BlankLinesAndEmptyFieldsKeepExcelRowAndColumnNumbers()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("a,,c\n\n,,\n,x,\n"), fileName: "bc.csv");

        Assert.Equal([1, 4], rows.Select(r => r.Index));
        Assert.Equal(["A1", "C1"], rows[0].Cells.Select(c => c.Address));
        Assert.Equal("B4", rows[1].Cells.Single().Address);
    }

    [Fact]
    public void RowsBeyondTheLimitAreRefused()
    {
        var text = string.Concat(Enumerable.Range(1, 11).Select(i => $"{i},x\n"));
        using var reader = Open(Encoding.UTF8.GetBytes(text), "bc.csv", new ReaderLimits { MaxRows = 10 });

        Assert.Equal(IssueCodes.SheetTooManyRows, Rejected(() => reader.ReadRows(0).ToList()).Code);
    }

    [Fact]
    public void CsvOverTheSizeLimitIsTooLarge()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);

        Assert.Equal(IssueCodes.FileTooLarge, Rejected(() => Open(bytes, "bc.csv", new ReaderLimits { MaxFileBytes = 10 })).Code);
    }
}
