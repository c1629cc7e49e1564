using System.Security.Claims;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;

namespace ReportHub.Api.Uploads;

/// <summary>What became of one upload: the request as read, and either what ingest made of it or why it was refused.</summary>
public sealed record UploadOutcome
{
    /// <summary>The file as read: its bytes (empty when over <c>Ingest:MaxFileBytes</c>) and its cleaned name.</summary>
    public required IngestRequest Request { get; init; }

    /// <summary>Null when the file was refused for naming a unit the sender may not report for.</summary>
    public IngestResult? Result { get; init; }

    /// <summary>The Vietnamese reason a unit out of the sender's scope was refused; nothing was stored.</summary>
    public string? Refusal { get; init; }
}

/// <summary>
/// The one path a file sent by a person takes, from <c>POST /api/submissions</c> and from the unit page alike: read
/// within <c>Ingest:MaxFileBytes</c>, ingested for the only unit it may be for, audited. Each caller keeps what
/// differs: how the file arrives, and how the outcome is answered (problem details, or the page).
/// </summary>
public sealed class UploadHandler(UploadSource uploads, IngestService ingest, AuditLog audit)
{
    /// <param name="hints">The round and unit the sender means, and whether to store nothing.</param>
    /// <param name="requiredUnit">The only unit the file may be for; null when the sender may report for any unit.</param>
    public async Task<UploadOutcome> HandleAsync(ClaimsPrincipal user, IFormFile file, SenderHints hints, string? requiredUnit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var stream = file.OpenReadStream();
        return await HandleAsync(user, stream, file.FileName, file.Length, hints, requiredUnit, cancellationToken);
    }

    /// <summary>The same path for bytes that arrive otherwise: a file kept after a check and sent with one click.</summary>
    public async Task<UploadOutcome> HandleAsync(ClaimsPrincipal user, Stream content, string fileName, long? length, SenderHints hints,
        string? requiredUnit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var request = await uploads.ReadAsync(content, fileName, length, hints, cancellationToken);
        request = request with { RequiredUnit = requiredUnit };
        IngestResult result;
        try
        {
            result = await ingest.IngestAsync(request, cancellationToken);
        }
        catch (UnitScopeException ex)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.Upload, requiredUnit, $"Từ chối: {ex.Message}", cancellationToken);
            return new UploadOutcome { Request = request, Refusal = ex.Message };
        }
        if (!request.DryRun)
        {
            await audit.WriteIngestAsync(user.Actor(), AuditActions.Upload, result, cancellationToken);
        }
        return new UploadOutcome { Request = request, Result = result };
    }
}
