using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Tests.Support;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xls;

/// <summary>Fixtures/vietnamese.xls is written by LibreOffice from Fixtures/make-xls.sh.</summary>
public sealed class XlsReaderTests
{
    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vietnamese.xls"));

    [Fact]
    public void BiffWorkbookYieldsVietnameseTextNumbersDatesAndBooleans()
    {
        var rows = ReadAll(Fixture(), fileName: "bao-cao.xls");

        Assert.Equal("BÁO CÁO KẾT QUẢ THỰC HIỆN", rows.Cell("A1").Text);
        Assert.Equal((CellKind.Text, "Sở Y tế tỉnh Điện Biên"), (rows.Cell("A3").Kind, rows.Cell("A3").Text));
        Assert.Equal((CellKind.Number, "541", 541.0), (rows.Cell("B3").Kind, rows.Cell("B3").Text, rows.Cell("B3").Number));
        Assert.Equal((CellKind.Date, "15/03/2024", new DateTime(2024, 3, 15).ToOADate()),
            (rows.Cell("C3").Kind, rows.Cell("C3").Text, rows.Cell("C3").Number));
        Assert.Equal((CellKind.Number, "1.5"), (rows.Cell("B5").Kind, rows.Cell("B5").Text));
        // LibreOffice stores a BIFF boolean as the number 1 with a TRUE/FALSE number format, and that is what Excel reads too.
        Assert.Equal((CellKind.Number, 1.0), (rows.Cell("C5").Kind, rows.Cell("C5").Number));
        Assert.Equal([1, 2, 3, 5], rows.Select(r => r.Index));
        Assert.All(rows.SelectMany(r => r.Cells), c => Assert.Null(c.Font));
    }

    [Fact]
    public void BiffSheetsKeepNamesAndHiddenState()
    {
        using var reader = Open(Fixture(), "bao-cao.xls");

        Assert.Equal("xls", reader.Format);
        Assert.Equal([new SheetInfo(0, "Phụ lục 1", false), new SheetInfo(1, "Ẩn", true)], reader.Sheets);
        Assert.Equal("Dữ liệu ẩn", reader.ReadRows(1).Single().Cells.Single().Text);
        Assert.Equal("BÁO CÁO KẾT QUẢ THỰC HIỆN", reader.ReadRows(0).First().Cells[0].Text);
    }

    [Fact]
    public void BiffMergedRangesAreKnownBeforeAndAfterReadingRows()
    {
        using var reader = Open(Fixture(), "bao-cao.xls");
        Assert.Equal([new MergedRange(1, 1, 1, 3)], reader.MergedRanges(0));

        using var fresh = Open(Fixture(), "bao-cao.xls");
        _ = fresh.ReadRows(0).ToList();
        Assert.Equal([new MergedRange(1, 1, 1, 3)], fresh.MergedRanges(0));
        Assert.Empty(fresh.MergedRanges(1));
    }

    [Fact]
    public void BiffRowsBeyondTheLimitAreRefused()
    {
        using var reader = Open(Fixture(), "bao-cao.xls", new ReaderLimits { MaxRows = 3 });

        Assert.Equal(IssueCodes.SheetTooManyRows, Rejected(() => reader.ReadRows(0).ToList()).Code);
    }

    [Fact]
    public void TruncatedBiffIsCorrupt()
    {
        var bytes = Fixture();

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => Consume(bytes[..(bytes.Length / 3)], "bao-cao.xls")).Code);
    }
}
