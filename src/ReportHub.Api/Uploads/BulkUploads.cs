using System.Security.Claims;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake.Archives;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Uploads;

/// <summary>What became of one file of a .zip: the fields of an ingest result, or why it was refused unread.</summary>
public sealed record BulkFile
{
    /// <summary>The file's path inside the archive, as decoded.</summary>
    public required string Name { get; init; }

    /// <summary><c>accepted</c>, <c>rejected</c>, <c>duplicate</c> or <c>refused</c> (not read, nothing stored).</summary>
    public required string Status { get; init; }

    public long? SubmissionId { get; init; }
    public string? Unit { get; init; }
    public string? Round { get; init; }
    public string? Template { get; init; }
    public IReadOnlyDictionary<string, decimal> Figures { get; init; } = new Dictionary<string, decimal>();
    public required IReadOnlyList<IssueDto> Issues { get; init; }
}

public sealed record BulkSummary
{
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required int Duplicate { get; init; }
    public required int Refused { get; init; }
}

/// <summary>The answer of <c>POST /api/submissions/bulk</c> and of the bulk page: one outcome per file, in the archive's order.</summary>
public sealed record BulkAnswer
{
    public required IReadOnlyList<BulkFile> Files { get; init; }
    public required BulkSummary Summary { get; init; }
}

/// <summary>
/// A .zip of reports received by e-mail, sent by an analyst: each file in it takes the path of one uploaded file
/// (<see cref="UploadHandler"/>: read within <c>Ingest:MaxFileBytes</c>, ingested, stored, audited with the sender as
/// actor), its unit found in the file itself and its round chosen or found as for an upload. The archive is measured
/// first (<see cref="ZipReader"/>), so one over a limit is refused whole and nothing of it is stored.
/// </summary>
public sealed class BulkUploads(UploadHandler uploads, IOptions<IngestOptions> ingest, IOptions<ArchiveOptions> archives)
{
    public const string Refused = "refused";

    public ArchiveOptions Limits => archives.Value;

    /// <summary>Also the refusals of an archive as a whole.</summary>
    /// <exception cref="ArchiveRefusedException">Not a usable .zip, or over a limit of the whole archive.</exception>
    public async Task<BulkAnswer> HandleAsync(ClaimsPrincipal user, Stream archive, string? round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var zip = await ZipReader.OpenAsync(archive, archives.Value, ingest.Value.MaxFileBytes, cancellationToken);
        var files = new List<BulkFile>(zip.Items.Count);
        var hints = new SenderHints { Round = string.IsNullOrWhiteSpace(round) ? null : round.Trim() };
        foreach (var item in zip.Items)
        {
            var name = EntryNames.Label(item.Path);
            if (item.Refusal is { } refusal)
            {
                files.Add(new BulkFile
                {
                    Name = name,
                    Status = Refused,
                    Issues = [new IssueDto { Severity = "error", Code = refusal.Code, Message = refusal.Message }],
                });
                continue;
            }
            var bytes = await zip.ReadAsync(item, cancellationToken);
            using var content = new MemoryStream(bytes, writable: false);
            // No unit is required or hinted: each report says whose it is, as an upload without a unit does.
            var outcome = await uploads.HandleAsync(user, content, Path.GetFileName(item.Path), bytes.Length, hints, requiredUnit: null, cancellationToken);
            files.Add(outcome.Result is { } result
                ? new BulkFile
                {
                    Name = name,
                    Status = result.Status,
                    SubmissionId = result.SubmissionId,
                    Unit = result.Unit,
                    Round = result.Round,
                    Template = result.Template,
                    Figures = result.Figures,
                    Issues = result.Issues,
                }
                : new BulkFile
                {
                    Name = name,
                    Status = Refused,
                    Issues = [new IssueDto { Severity = "error", Code = "unit.out-of-scope", Message = outcome.Refusal ?? "" }],
                });
        }
        return new BulkAnswer
        {
            Files = files,
            Summary = new BulkSummary
            {
                Accepted = files.Count(f => f.Status == Outcomes.Accepted),
                Rejected = files.Count(f => f.Status == Outcomes.Rejected),
                Duplicate = files.Count(f => f.Status == Outcomes.Duplicate),
                Refused = files.Count(f => f.Status == Refused),
            },
        };
    }

    /// <summary>The largest request body the bulk routes read: the archive limit plus room for the form around it.</summary>
    public static long RequestBytes(ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxArchiveBytes + UploadLimits.MultipartOverhead;
    }
}
