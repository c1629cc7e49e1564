using System.Text.Json.Serialization;
using ReportHub.Core.Issues;

namespace ReportHub.Pipeline.Ingestion;

public sealed record IngestRequest
{
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    /// <summary>"cli", "upload", "inbox", "http" or "replay".</summary>
    public required string Source { get; init; }
    public string? RoundHint { get; init; }
    public string? UnitHint { get; init; }
    public bool DryRun { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    public long? ReplayOf { get; init; }
}

/// <summary>CONTRACT §4: the object printed per file by <c>ingest --json</c> and returned by the upload route.</summary>
public sealed record IngestResult
{
    public required string File { get; init; }
    public required string Status { get; init; }
    public long? SubmissionId { get; init; }
    public string? Unit { get; init; }
    public string? Round { get; init; }
    public long Directives { get; init; }
    public long QrCodes { get; init; }
    public long QrScans { get; init; }
    public required IReadOnlyList<IssueDto> Issues { get; init; }

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
