namespace ReportHub.Readers;

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

    /// <summary>Characters in one cell: Excel's own limit, so no genuine workbook exceeds it.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>Non-empty cells per sheet, so a sheet's grid stays small enough to hold while it is parsed.</summary>
    public int MaxCellsPerSheet { get; init; } = 2_000_000;

    public static ReaderLimits Default { get; } = new();
}
