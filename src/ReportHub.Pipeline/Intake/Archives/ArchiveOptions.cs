namespace ReportHub.Pipeline.Intake.Archives;

/// <summary>
/// Bounds on a .zip of reports sent in one go, bound from the <c>Bulk</c> configuration section. Each file inside is
/// further bounded by <c>Ingest:MaxFileBytes</c>, as any single upload.
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Bulk";

    /// <summary>The .zip itself as sent; a larger body is refused before it is read.</summary>
    public long MaxArchiveBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Files in the archive (folders and the litter of Mac and Windows not counted).</summary>
    public int MaxEntries { get; set; } = 200;

    /// <summary>All files together once decompressed, counted as they are read, never taken from the headers.</summary>
    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// How many times larger than its compressed size a file may grow once decompressed; applied only past
    /// <see cref="ZipReader.RatioFloorBytes"/>, because small files of repeated text legitimately shrink a lot.
    /// </summary>
    public double MaxCompressionRatio { get; set; } = 100;
}
