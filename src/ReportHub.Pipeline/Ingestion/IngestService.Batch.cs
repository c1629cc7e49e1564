using ReportHub.Core.Issues;

namespace ReportHub.Pipeline.Ingestion;

public sealed partial class IngestService
{
    /// <summary>Bytes of files read ahead at once: small reports overlap freely, a very large one is read alone.</summary>
    private const long ReadAheadBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Ingests a batch of files with the same outcome as one <see cref="IngestAsync"/> after another, in their order,
    /// while using every core: the next files are read and parsed on the thread pool while the warehouse takes the
    /// current one. Each file is received, checked for a duplicate, stored and reported strictly in batch order, so
    /// a later file supersedes an earlier one exactly as it would one at a time.
    /// </summary>
    /// <param name="read">Reads an item into a request, or null to skip it; called in batch order.</param>
    /// <param name="completed">Called once per item, in batch order, with its result.</param>
    public async Task IngestManyAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<IngestRequest?>> read,
        Func<TItem, IngestResult, Task> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(completed);
        var ahead = Math.Max(1, Environment.ProcessorCount);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Ahead<TItem>>();
        var next = 0;
        long bytesAhead = 0;
        try
        {
            while (next < items.Count || pending.Count > 0)
            {
                // One file is always in hand; more are started while cores and the memory budget allow.
                while (next < items.Count && (pending.Count == 0 || (pending.Count <= ahead && bytesAhead < ReadAheadBytes)))
                {
                    var item = items[next++];
                    if (await read(item, stop.Token) is not { } request)
                    {
                        continue;
                    }
                    var receivedAt = request.ReceivedAt ?? clock.GetUtcNow();
                    var evaluation = Task.Run(() => EvaluateAsync(request, receivedAt, stop.Token), stop.Token);
                    bytesAhead += request.Content.Length;
                    pending.Enqueue(new Ahead<TItem>(item, request, receivedAt, evaluation));
                }
                if (pending.Count == 0)
                {
                    break; // the last items were all skipped by read
                }
                var current = pending.Dequeue();
                bytesAhead -= current.Request.Content.Length;
                IngestResult result;
                try
                {
                    result = await IngestOnceAsync(current.Request, current.ReceivedAt, current.Evaluation, stop.Token);
                }
                finally
                {
                    await Settle(current.Evaluation);
                    ReleaseMemoryAfter(current.Request);
                }
                await completed(current.Item, result);
            }
        }
        finally
        {
            // A failure stops the batch where it is, as it would one file at a time; work started ahead is abandoned.
            await stop.CancelAsync();
            foreach (var abandoned in pending)
            {
                await Settle(abandoned.Evaluation);
            }
        }
    }

    /// <summary>Waits for work started ahead whose outcome is no longer wanted, so none outlives the batch unobserved.</summary>
    private static async Task Settle(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Already reported through the file it belonged to, or abandoned with the batch.
        }
    }

    private sealed record Ahead<TItem>(TItem Item, IngestRequest Request, DateTimeOffset ReceivedAt,
        Task<(Evaluation Outcome, IReadOnlyList<Issue> Issues)> Evaluation);
}
