using System.Diagnostics;
using ReportHub.Core.Domain;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

/// <summary>Sheets built to hurt the parser: absurd counts, huge merge tables, floods of findings, control characters.</summary>
public sealed class HostileSheetTests
{
    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);
    private static readonly ParseOptions Options = new() { Today = new DateOnly(2021, 10, 27) };

    private const string CodesHeader = "Tổng số mã QR địa điểm đã tạo và quản lý";
    private const string ScansHeader = "Tổng số lượt quét mã QR của các địa điểm";

    /// <summary>The seed report with section 2 holding the given (entity, codes, scans) rows.</summary>
    private static SheetBuilder WithQrRows(IEnumerable<(string? Entity, object? Codes, object? Scans)> rows)
    {
        var sheet = SeedReport.Section1(SeedReport.Header(new SheetBuilder()))
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", CodesHeader, ScansHeader, "Ghi chú");
        var ordinal = 0;
        foreach (var (entity, codes, scans) in rows)
        {
            sheet.Line(++ordinal, entity, codes, scans);
        }
        return SeedReport.Narratives(sheet);
    }

    [Fact]
    public void CountAboveTheCeilingIsAnErrorAtItsCellNamingTheColumn()
    {
        var sheet = WithQrRows([("Sở Công Thương", 1, 9.223372036854775807e18), ("Chợ Đầu mối", "9.223.372.036.854.775.807", 12)]);

        var result = Parser.Parse(sheet, Options);

        var implausible = result.Issues.Where(i => i.Code == IssueCodes.NumberImplausible).ToList();
        Assert.Equal(2, implausible.Count);
        Assert.All(implausible, i => Assert.Equal(Severity.Error, i.Severity));
        var scans = implausible.Single(i => i.Message.Contains(ScansHeader));
        var codes = implausible.Single(i => i.Message.Contains(CodesHeader));
        Assert.Equal(ReportRow(sheet, "Sở Công Thương", 4), scans.Cell);
        Assert.Equal(ReportRow(sheet, "Chợ Đầu mối", 3), codes.Cell);
        Assert.Contains($"Ô {codes.Cell}", codes.Message);
        Assert.Contains("1.000.000.000.000", codes.Message);
        // The rejected figures count as nothing, so the report's sums stay exact.
        Assert.Equal(1, result.Report!.QrCodes);
        Assert.Equal(12, result.Report.QrScans);
    }

    [Fact]
    public void RowsAtTheCeilingSumExactlyAndATotalRowBeyondAnyLongIsNoCrash()
    {
        var rows = Enumerable.Range(1, 20).Select(i => ((string?)$"Điểm {i}", (object?)Counts.MaxPlausible, (object?)Counts.MaxPlausible));
        var sheet = WithQrRows(rows);

        var report = Parser.Parse(sheet, Options).Report!;

        Assert.Equal(20 * Counts.MaxPlausible, report.QrCodes);
        Assert.Equal(20 * Counts.MaxPlausible, report.QrScans);
    }

    [Fact]
    public void AMillionMergesOverFortyThousandRowsParseInBoundedTime()
    {
        var sheet = ManyMerges(rows: 40_000, merges: 1_000_000);

        var clock = Stopwatch.StartNew();
        var result = Parser.Parse(sheet, Options);
        clock.Stop();

        Assert.NotNull(result.Report);
        Assert.Equal(40_000, result.Report.QrRows.Count);
        // Merged entity text still spreads down to the rows under it.
        Assert.Equal("Xã Bình Châu", result.Report.QrRows[1].Entity);
        // Scanning every merge for every empty cell took over two minutes; the index makes it linear. The bound is
        // loose because the suite shares two cores with other work.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void CancellationIsObservedWhileIndexingAMillionMerges()
    {
        var sheet = ManyMerges(rows: 40_000, merges: 1_000_000);
        using var cancel = new CancellationTokenSource();
        var cancelledAt = Stopwatch.StartNew();
        // Cancel the moment the merges are asked for, i.e. after every row has been read.
        var reader = new Intercepting(sheet, onMerges: () => { cancel.Cancel(); cancelledAt.Restart(); });

        Assert.ThrowsAny<OperationCanceledException>(() => Parser.Parse(reader, Options, cancel.Token));

        Assert.True(cancelledAt.Elapsed < TimeSpan.FromMilliseconds(500), $"noticed after {cancelledAt.Elapsed}");
    }

    [Fact]
    public void CancellationIsObservedWhileBuildingTheGrid()
    {
        var sheet = ManyMerges(rows: 40_000, merges: 10);
        using var cancel = new CancellationTokenSource();
        var rowsAfterCancel = 0;
        var reader = new Intercepting(sheet, onRow: row =>
        {
            if (row == 20_000)
            {
                cancel.Cancel();
            }
            if (cancel.IsCancellationRequested)
            {
                rowsAfterCancel++;
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => Parser.Parse(reader, Options, cancel.Token));
        // Readers check the token per row; the grid checks it every few thousand cells after that.
        Assert.InRange(rowsAfterCancel, 1, 40_000);
    }

    [Fact]
    public void AFloodOfWarningsIsCappedWithOneSummary()
    {
        var rows = Enumerable.Range(1, 1_000).Select(i => ((string?)"Điểm", (object?)0, (object?)5));
        var result = Parser.Parse(WithQrRows(rows), Options);

        var warnings = result.Issues.Where(i => i.Severity == Severity.Warning).ToList();
        Assert.Equal(ParseContext.MaxPerSeverity + 1, warnings.Count);
        var summary = Assert.Single(warnings, w => w.Code == IssueCodes.IssuesTruncated);
        // 999 repeats of one entity and 1,000 "scans without codes": 1,999 warnings, 200 listed.
        Assert.Contains("1.799 cảnh báo khác", summary.Message);
        Assert.Equal(1_000, result.Report!.QrRows.Count);
    }

    [Fact]
    public void ControlCharactersNeverReachTheGridOrTheReport()
    {
        var sheet = WithQrRows([("Sở\0 Công\u0001 Thương\u007F", 1, 541), ("Chợ\tĐầu\u001Fmối", 2, 3)]);

        var result = Parser.Parse(sheet, Options);

        var report = result.Report!;
        Assert.Equal("Sở Công Thương", report.QrRows[0].Entity);
        Assert.Equal("Chợ Đầumối", report.QrRows[1].Entity);
        Assert.DoesNotContain(report.QrRows, r => r.Entity.Any(char.IsControl));
    }

    [Fact]
    public void GridDropsControlCharactersFromEveryKindOfCellAndFromTheSheetName()
    {
        CellValue[] cells =
        [
            new(1, 1, CellKind.Text, "a\0b\r\nc\u0002"),
            new(1, 2, CellKind.Error, "#N/A\0"),
            new(1, 3, CellKind.Text, "\0\0"),
        ];

        var grid = SheetGrid.Build("Phụ\0lục", [new SheetRow(1, cells)], () => []);

        Assert.Equal("Phụlục", grid.Name);
        Assert.Equal("ab\nc", grid.At(1, 1)!.Text);
        Assert.Equal("#N/A", grid.At(1, 2)!.Text);
        Assert.Null(grid.At(1, 3));
    }

    [Fact]
    public void MergedTextIsFoundThroughTheIndexAndEmptyAnchorsLendNothing()
    {
        var rows = new[]
        {
            new SheetRow(2, [new CellValue(2, 2, CellKind.Text, "Huyện Bình Sơn")]),
            new SheetRow(3, [new CellValue(3, 5, CellKind.Number, "1", 1)]),
            new SheetRow(4, [new CellValue(4, 5, CellKind.Number, "2", 2)]),
            new SheetRow(9, [new CellValue(9, 5, CellKind.Number, "3", 3)]),
        };
        MergedRange[] merges = [new(2, 2, 4, 3), new(9, 1, 9, 4), new(3, 4, 3, 4)];

        var grid = SheetGrid.Build("S", rows, () => merges);

        Assert.Equal("Huyện Bình Sơn", grid.AtOrMerged(4, 3)!.Text);
        Assert.Equal("Huyện Bình Sơn", grid.AtOrMerged(3, 2)!.Text);
        Assert.Null(grid.AtOrMerged(4, 4));
        Assert.Null(grid.AtOrMerged(9, 2));
        Assert.Null(grid.AtOrMerged(5, 2));
    }

    [Fact]
    public void FiguresTakenFromAHiddenSheetAreFlagged()
    {
        var visible = new SheetBuilder().Line("Ghi chú nội bộ").Line("Không có số liệu ở đây");
        var hidden = SeedReport.Full(1, 1);
        using var reader = new TwoSheets(visible, hidden, "Số liệu gốc");

        var result = Parser.Parse(reader, Options);

        Assert.NotNull(result.Report);
        var warning = Assert.Single(result.Issues, i => i.Code == IssueCodes.SheetHiddenUsed);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("“Số liệu gốc”", warning.Message);
        Assert.Contains("Bỏ ẩn", warning.Message);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void AVisibleAppendixRaisesNoHiddenSheetWarning()
    {
        var result = Parser.Parse(SeedReport.Full(1, 1), Options);

        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.SheetHiddenUsed);
    }

    /// <summary>
    /// Section 2 with <paramref name="rows"/> QR rows whose entity is merged over pairs of rows (so most entity cells
    /// are empty and looked up under merges), plus small merges to the right until there are <paramref name="merges"/>.
    /// </summary>
    private static SheetBuilder ManyMerges(int rows, int merges)
    {
        var sheet = SeedReport.Section1(SeedReport.Header(new SheetBuilder()))
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", CodesHeader, ScansHeader, "Ghi chú");
        var first = sheet.CurrentRow + 1;
        for (var i = 0; i < rows; i++)
        {
            sheet.Line(i + 1, i % 2 == 0 ? "Xã Bình Châu" : null, 1, 2);
        }
        var added = 0;
        for (var i = 0; i < rows && added < merges; i += 2, added++)
        {
            sheet.Merge(first + i, 2, first + i + 1, 2);
        }
        for (var column = 10; added < merges; column += 2)
        {
            for (var r = 0; r < rows && added < merges; r++, added++)
            {
                sheet.Merge(first + r, column, first + r, column + 1);
            }
        }
        return SeedReport.Narratives(sheet);
    }

    private static string ReportRow(SheetBuilder sheet, string entity, int column)
    {
        var row = sheet.ReadRows(0).Single(r => r.Cells.Any(c => c.Text == entity)).Index;
        return A1.Format(row, column);
    }

    /// <summary>A real sheet with hooks on its rows and merges, to cancel at a chosen moment.</summary>
    private sealed class Intercepting(SheetBuilder inner, Action<int>? onRow = null, Action? onMerges = null) : IWorkbookReader
    {
        public string Format => inner.Format;

        public IReadOnlyList<SheetInfo> Sheets => inner.Sheets;

        public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default)
        {
            var count = 0;
            foreach (var row in inner.ReadRows(sheetIndex, cancellationToken))
            {
                onRow?.Invoke(++count);
                yield return row;
            }
        }

        public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex)
        {
            var merges = inner.MergedRanges(sheetIndex);
            onMerges?.Invoke();
            return merges;
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class TwoSheets(SheetBuilder visible, SheetBuilder hidden, string hiddenName) : IWorkbookReader
    {
        public string Format => "memory";

        public IReadOnlyList<SheetInfo> Sheets { get; } = [new SheetInfo(0, "Trang 1", false), new SheetInfo(1, hiddenName, true)];

        public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default) =>
            (sheetIndex == 0 ? visible : hidden).ReadRows(0, cancellationToken);

        public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex) => (sheetIndex == 0 ? visible : hidden).MergedRanges(0);

        public void Dispose()
        {
        }
    }
}
