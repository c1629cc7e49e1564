using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;

namespace ReportHub.Pipeline.Sources;

/// <summary>A file named on the command line (<c>reporthub ingest</c>).</summary>
public sealed class FileSource(IOptions<IngestOptions> options)
{
    public async Task<IngestRequest> ReadAsync(string path, SenderHints hints, CancellationToken cancellationToken)
    {
        // The size is checked before the bytes are read: a file over the limit is hashed, never held.
        var received = await ReceivedFile.ReadFileAsync(path, options.Value.MaxFileBytes, cancellationToken);
        return IngestRequest.From(received, Path.GetFileName(path), "cli") with
        {
            RoundHint = hints.Round,
            UnitHint = hints.Unit,
            DryRun = hints.DryRun,
        };
    }
}
