using ReportHub.Core.Domain;
using ReportHub.Core.Issues;

namespace ReportHub.Warehouse.Submissions;

public static class Outcomes
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
}

/// <summary>A version's place in history, as the API names it: <c>current</c>, <c>superseded</c>, <c>rejected</c>, <c>duplicate</c>.</summary>
public static class VersionStatuses
{
    public const string Current = "current";
    public const string Superseded = "superseded";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
}

/// <summary>What the pipeline hands the warehouse for one received file.</summary>
public sealed record NewSubmission
{
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required ReadOnlyMemory<byte> Content { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Outcome { get; init; }
    public string? UnitCode { get; init; }
    public string? RoundCode { get; init; }
    public required string ParserVersion { get; init; }
    public ParsedReport? Report { get; init; }
    public IReadOnlyList<Issue> Issues { get; init; } = [];
    public long? ReplayOf { get; init; }

    /// <summary>False for a file too large to keep: only its name, size and hash are recorded.</summary>
    public bool KeepContent { get; init; } = true;

    /// <summary>The file's size when its bytes are not in <see cref="Content"/>.</summary>
    public long? DiscardedSize { get; init; }

    public long Size => KeepContent ? Content.Length : DiscardedSize ?? 0;
}

public sealed record SubmissionRecord
{
    public required long Id { get; init; }
    public required string FileSha256 { get; init; }
    public required string FileName { get; init; }
    public required long FileSize { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Outcome { get; init; }
    public required string Status { get; init; }
    public string? UnitCode { get; init; }
    public string? RoundCode { get; init; }
    public required string ParserVersion { get; init; }
    public string? TemplateId { get; init; }
    public int TemplateVersion { get; init; } = 1;
    public string? Sheet { get; init; }

    /// <summary>The measure values written at ingest (table <c>figures</c>), by measure key; empty unless accepted.</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();

    public string? DocNumber { get; init; }
    public string? DocDate { get; init; }
    public string? Signer { get; init; }
    public long? DuplicateOf { get; init; }
    public long? Supersedes { get; init; }
    public long? ReplayOf { get; init; }

    /// <summary>False when the file was too large to keep; GET …/file then has nothing to send.</summary>
    public bool FileKept { get; init; } = true;

    public IReadOnlyList<Issue> Issues { get; init; } = [];
}
