using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;

namespace ReportHub.Pipeline.Sources;

/// <summary>A file a person uploads, to <c>POST /api/submissions</c> or on the unit page; the caller hands over its stream and name.</summary>
public sealed class UploadSource(IOptions<IngestOptions> options)
{
    public async Task<IngestRequest> ReadAsync(Stream content, string fileName, long? length, SenderHints hints, CancellationToken cancellationToken)
    {
        // Bounded: a file over the limit is hashed and recorded, never held in memory.
        var received = await ReceivedFile.ReadAsync(content, options.Value.MaxFileBytes, length, cancellationToken);
        // The client's name is only a label: cleaned of control characters and capped, never used as a path.
        return IngestRequest.From(received, fileName, "upload") with
        {
            RoundHint = hints.Round,
            UnitHint = hints.Unit,
            DryRun = hints.DryRun,
        };
    }
}
