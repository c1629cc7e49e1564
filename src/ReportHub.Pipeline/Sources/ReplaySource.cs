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
    /// <summary>The stored submissions a replay reads again (all, or only rejected ones), in the order it reads them.</summary>
    public Task<IReadOnlyList<long>> ReplayableAsync(bool onlyRejected, CancellationToken cancellationToken) =>
        store.ReplayableAsync(onlyRejected, cancellationToken);

    /// <summary>
    /// Reads the submissions again as a batch (<see cref="IngestService.IngestManyAsync"/>: the next files are parsed
    /// while the current one is stored) and hands back each outcome in their order; a record without bytes is skipped.
    /// </summary>
    public Task ReplayAsync(IReadOnlyList<long> ids, Func<Replayed, Task> completed, CancellationToken cancellationToken) =>
        ReplayAsync(ids, trialVersion: null, completed, cancellationToken);

    /// <param name="trialVersion">
    /// Null to read each file with its round's template version and record the outcome; a version to read it with that
    /// version of the round's template instead and store nothing (what moving the round to it would give).
    /// </param>
    public Task ReplayAsync(IReadOnlyList<long> ids, int? trialVersion, Func<Replayed, Task> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return ingest.IngestManyAsync(ids, async (id, ct) => await RequestAsync(id, ct) is { } request
                ? request with { DryRun = trialVersion is not null, ReadWithVersion = trialVersion }
                : null,
            (id, result) => completed(new Replayed { Id = id, Result = result }), cancellationToken);
    }

    private async Task<IngestRequest?> RequestAsync(long id, CancellationToken cancellationToken)
    {
        var original = (await store.GetAsync(id, cancellationToken))!;
        if (await store.FileAsync(id, cancellationToken) is not { } content)
        {
            return null;
        }
        return new IngestRequest
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
