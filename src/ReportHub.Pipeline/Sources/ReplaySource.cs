using System.Runtime.CompilerServices;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Sources;

public sealed record Replayed
{
    /// <summary>The stored submission that was read again.</summary>
    public required long Id { get; init; }

    /// <summary>What reading it now gave; recorded beside the old outcome.</summary>
    public required IngestResult Result { get; init; }
}

/// <summary>
/// Files already in the warehouse, read again after the reference data or the parser changed (<c>reporthub
/// replay</c>). Each keeps its name, round and receipt time, so a replay judges the same letter on the same day.
/// </summary>
public sealed class ReplaySource(SubmissionStore store, IngestService ingest)
{
    /// <summary>A request for each stored file (all, or only rejected ones); a record without bytes is skipped.</summary>
    public async IAsyncEnumerable<IngestRequest> RequestsAsync(bool onlyRejected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var id in await store.ReplayableAsync(onlyRejected, cancellationToken))
        {
            var original = (await store.GetAsync(id, cancellationToken))!;
            if (await store.FileAsync(id, cancellationToken) is not { } content)
            {
                continue;
            }
            yield return new IngestRequest
            {
                FileName = original.FileName,
                Content = content,
                Source = "replay",
                RoundHint = original.RoundCode,
                ReplayOf = id,
                ReceivedAt = original.ReceivedAt,
            };
        }
    }

    /// <summary>Ingests each request in turn, handing back each outcome as soon as it is known.</summary>
    public async IAsyncEnumerable<Replayed> ReplayAsync(bool onlyRejected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var request in RequestsAsync(onlyRejected, cancellationToken))
        {
            yield return new Replayed { Id = request.ReplayOf!.Value, Result = await ingest.IngestAsync(request, cancellationToken) };
        }
    }
}
