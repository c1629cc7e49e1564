using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xls;

/// <summary>The per-sheet bounds hold for .xls as its rows stream out of ExcelDataReader.</summary>
public sealed class XlsLimitsTests
{
    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vietnamese.xls"));

    [Fact]
    public void BiffSheetWithMoreCellsThanTheLimitIsRefused()
    {
        var error = Rejected(() => Consume(Fixture(), "bao-cao.xls", new ReaderLimits { MaxCellsPerSheet = 3 }));

        Assert.Equal(IssueCodes.SheetTooManyCells, error.Code);
        Assert.Contains("“Phụ lục 1”", error.Message);
    }

    [Fact]
    public void BiffCellLongerThanTheLimitIsRefusedNamingTheCell()
    {
        var error = Rejected(() => Consume(Fixture(), "bao-cao.xls", new ReaderLimits { MaxCellCharacters = 10 }));

        Assert.Equal(IssueCodes.CellTooLong, error.Code);
        Assert.Contains("Ô A1", error.Message);
    }

    [Fact]
    public void BiffSheetWithMoreMergesThanTheLimitIsRefused()
    {
        var error = Rejected(() => Consume(Fixture(), "bao-cao.xls", new ReaderLimits { MaxMergedRanges = 0 }));

        Assert.Equal(IssueCodes.SheetTooManyMerges, error.Code);
        Assert.Contains("Bỏ gộp ô", error.Message);
    }

    [Fact]
    public void BiffRowsStopWhenCancelled()
    {
        using var reader = Open(Fixture(), "bao-cao.xls");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => reader.ReadRows(0, cancel.Token).ToList());
    }
}
