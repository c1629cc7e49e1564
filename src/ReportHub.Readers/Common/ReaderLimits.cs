namespace ReportHub.Readers.Common;

/// <summary>Bounds on what a reader accepts, so that a hostile or broken upload cannot exhaust memory or time.</summary>
public sealed record ReaderLimits
{
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Total inflated bytes across all zip parts read from one workbook.</summary>
    public long MaxDecompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Per zip entry, applied only to entries larger than 1 MB once inflated.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Per sheet.</summary>
    public int MaxRows { get; init; } = 200_000;

    public int MaxColumns { get; init; } = 16_384;

    /// <summary>
    /// Cells per sheet (every cell element a reader walks, empty or not). Objects, not bytes, are what exhaust memory:
    /// a 4 MB package can declare twelve million one-character cells. A real report has a few thousand.
    /// </summary>
    public int MaxCellsPerSheet { get; init; } = 2_000_000;

    /// <summary>Characters in one cell; Excel itself cannot hold more, so a longer cell was not written by Excel.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>Merged ranges per sheet. A real template merges a few dozen.</summary>
    public int MaxMergedRanges { get; init; } = 100_000;

    /// <summary>
    /// Characters in the whole shared-string table of a .xlsx, held in memory as UTF-16: 50 million is 100 MB, far
    /// above any real report and well inside the memory a worker can spare.
    /// </summary>
    public long MaxSharedStringCharacters { get; init; } = 50_000_000;

    /// <summary>
    /// Longest run of inflated XML bytes without a '&lt;' or '&gt;'. XmlReader materialises a start tag with all its
    /// attributes, or a whole text node, before we can look at it; bounding the run bounds that. A cell of
    /// <see cref="MaxCellCharacters"/> escaped as entities stays under 200 KB, so 1 MB never refuses a real file.
    /// </summary>
    public int MaxXmlRunBytes { get; init; } = 1024 * 1024;

    public static ReaderLimits Default { get; } = new();
}
