namespace ReportHub.Core.Grid;

/// <summary>
/// A spreadsheet opened for reading. Rows stream in order; nothing holds the whole workbook in memory.
/// Merged ranges of a sheet are complete once its rows have been read to the end.
/// </summary>
public interface IWorkbookReader : IDisposable
{
    /// <summary>"xlsx", "xls" or "csv".</summary>
    string Format { get; }

    IReadOnlyList<SheetInfo> Sheets { get; }

    IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default);

    IReadOnlyList<MergedRange> MergedRanges(int sheetIndex);

    /// <summary>
    /// Where a grid cell came from, in words its author can follow, for formats without A1 addresses
    /// (a Word letter: "Bảng 2, dòng 3, cột 4"). Null for sheets, whose A1 reference is the place.
    /// </summary>
    string? DescribeCell(int sheetIndex, int row, int column) => null;

    /// <summary>
    /// What the reader left out of a sheet on purpose and the sender should hear about (hidden text, tracked
    /// deletions in a Word letter), known once its rows have been read to the end. The parser adds them as warnings.
    /// </summary>
    IReadOnlyList<ReaderNote> Notes(int sheetIndex) => [];
}

/// <summary>A warning a reader raises about a sheet as a whole: a stable issue code and the Vietnamese text.</summary>
public sealed record ReaderNote(string Code, string Message);
