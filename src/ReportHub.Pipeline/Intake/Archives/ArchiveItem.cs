namespace ReportHub.Pipeline.Intake.Archives;

/// <summary>Why one file of an archive was not ingested; nothing of it was stored.</summary>
public sealed record ItemRefusal
{
    /// <summary><c>archive.unsafe-path</c>, <c>archive.nested</c>, <c>archive.entry-too-large</c>, <c>archive.ratio</c> or <c>archive.entry-unreadable</c>.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }
}

/// <summary>One file of an archive, found in its directory and measured by reading it.</summary>
public sealed record ArchiveItem
{
    /// <summary>The entry's position in the archive's directory: what it is read by, never its name.</summary>
    public required int Index { get; init; }

    /// <summary>The path inside the archive as decoded, with forward slashes; a label only.</summary>
    public required string Path { get; init; }

    /// <summary>Its decompressed size as counted while reading (up to where reading stopped, for a refused file).</summary>
    public required long Size { get; init; }

    /// <summary>Null for a file to ingest.</summary>
    public ItemRefusal? Refusal { get; init; }
}
