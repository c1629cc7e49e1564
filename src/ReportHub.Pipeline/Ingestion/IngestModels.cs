using ReportHub.Core.Measures;
using System.Text.Json.Serialization;
using ReportHub.Core.Issues;
using ReportHub.Pipeline.Intake;

namespace ReportHub.Pipeline.Ingestion;

public sealed record IngestRequest
{
    /// <summary>As the submitter named it; cleaned on the way in (<see cref="FileNames.Clean"/>), never a path.</summary>
    public required string FileName { get; init => field = FileNames.Clean(value); }

    /// <summary>The bytes; empty for a file over the limit (<see cref="TooLargeSize"/>).</summary>
    public required byte[] Content { get; init; }

    /// <summary>The hash when the caller already computed it while reading.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Set for a file whose bytes were not read because it is over <c>Ingest:MaxFileBytes</c>.</summary>
    public long? TooLargeSize { get; init; }
    /// <summary>"cli", "upload", "inbox", "http" or "replay".</summary>
    public required string Source { get; init; }
    public string? RoundHint { get; init; }
    public string? UnitHint { get; init; }

    /// <summary>
    /// Set for a department's upload: the only unit it may report for. A file that is another unit's report is
    /// refused with <see cref="UnitScopeException"/> before anything is stored.
    /// </summary>
    public string? RequiredUnit { get; init; }
    public bool DryRun { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public long? ReplayOf { get; init; }

    /// <summary>
    /// Reads the file with this version of its round's (<see cref="RoundHint"/>) template instead of the round's own:
    /// the dry run of moving a round to a newer version. Null reads with the round's version.
    /// </summary>
    public int? ReadWithVersion { get; init; }

    /// <summary>A request for a file read with <see cref="ReceivedFile"/>: its bytes, or only its size and hash when too large.</summary>
    public static IngestRequest From(ReceivedFile file, string fileName, string source) => new()
    {
        FileName = fileName,
        Content = file.Content ?? [],
        Sha256 = file.Sha256,
        TooLargeSize = file.TooLarge ? file.Size : null,
        Source = source,
    };
}

/// <summary>The object printed per file by <c>ingest --json</c> and returned by the upload route: one shape for scripts on both.</summary>
public sealed record IngestResult
{
    public required string File { get; init; }
    public required string Status { get; init; }
    public long? SubmissionId { get; init; }
    public string? Unit { get; init; }
    public string? Round { get; init; }

    /// <summary>The id of the template the file was read with; null when it could not be read at all.</summary>
    public string? Template { get; init; }

    /// <summary>The submission's measures and indicators by key; empty unless accepted (or a duplicate of one).</summary>
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The measures the template shows as top-level fields (its <c>field</c> measures), as whole numbers.</summary>
    [JsonExtensionData]
    public FieldValues? Fields { get; init; }

    public required IReadOnlyList<IssueDto> Issues { get; init; }

    // Set only on a duplicate whose original is no longer the unit's current version (issue duplicate.not-current):
    // the version that counts now, and the route that makes the original current again.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? CurrentSubmissionId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CurrentReceivedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reinstate { get; init; }

    [JsonIgnore]
    public bool Rejected => Status == "rejected";
}

public sealed record IssueDto
{
    public required string Severity { get; init; }
    public required string Code { get; init; }
    public string? Sheet { get; init; }
    public string? Cell { get; init; }
    public string? Location { get; init; }
    public required string Message { get; init; }

    public static IssueDto From(Issue issue) => new()
    {
        Severity = issue.Severity == Core.Issues.Severity.Error ? "error" : "warning",
        Code = issue.Code,
        Sheet = issue.Sheet,
        Cell = issue.Cell,
        Location = issue.Location ?? IssueLocator.None.Locate(issue).Location,
        Message = issue.Message,
    };
}
