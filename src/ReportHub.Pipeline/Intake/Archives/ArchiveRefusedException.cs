namespace ReportHub.Pipeline.Intake.Archives;

/// <summary>Why an archive as a whole was not read; nothing in it was ingested.</summary>
public enum ArchiveRefusal
{
    /// <summary>The content is not a .zip at all.</summary>
    NotZip,

    /// <summary>A .zip whose directory cannot be read (cut short, damaged).</summary>
    Corrupt,

    /// <summary>One report file (.xlsx, .docx) sent instead of a .zip of reports.</summary>
    SingleReport,

    /// <summary>No file to ingest in it.</summary>
    Empty,

    /// <summary>More files than <see cref="ArchiveOptions.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>More than <see cref="ArchiveOptions.MaxTotalBytes"/> once decompressed.</summary>
    TooLarge,
}

/// <summary>The archive was refused as a whole before any file in it was ingested; the message is Vietnamese.</summary>
public sealed class ArchiveRefusedException(ArchiveRefusal refusal, string message) : Exception(message)
{
    public ArchiveRefusal Refusal { get; } = refusal;

    /// <summary>A limit was exceeded (as opposed to content that is not a usable .zip).</summary>
    public bool OverLimit => Refusal is ArchiveRefusal.TooManyEntries or ArchiveRefusal.TooLarge;
}
