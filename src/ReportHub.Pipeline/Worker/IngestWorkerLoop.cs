using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Work;

namespace ReportHub.Pipeline.Worker;

/// <summary>
/// The worker: sweeps the inbox and polls the HTTP sources every <c>Ingest:PollSeconds</c>. On SQLite it first
/// waits to be the only worker. With drain it returns once the inbox is empty and every source has answered that
/// nothing is new (or has failed <c>Ingest:DrainSourceAttempts</c> polls in a row).
/// </summary>
public sealed class IngestWorkerLoop(
    WorkerLock workerLock,
    InboxProcessor inbox,
    HttpSourcePoller sources,
    IOptions<IngestOptions> options,
    ILogger<IngestWorkerLoop> logger)
{
    /// <returns>The sources a drain gave up on (empty when every source answered).</returns>
    public async Task<IReadOnlyCollection<string>> RunAsync(bool drain, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        IDisposable held;
        try
        {
            held = await workerLock.AcquireAsync(TimeSpan.FromSeconds(Math.Min(poll.TotalSeconds, 2)), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return [];
        }
        using (held)
        {
            logger.LogInformation("Worker running: inbox {Inbox}, {Sources} HTTP source(s), every {Seconds}s{Drain}",
                Path.GetFullPath(options.Value.Inbox), options.Value.HttpSources.Count, poll.TotalSeconds, drain ? ", until drained" : "");
            var run = drain ? new DrainRun() : null;
            while (!stoppingToken.IsCancellationRequested)
            {
                var files = new InboxPass(0, 0);
                var pulled = new SourcePass(0, 0);
                try
                {
                    files = await inbox.RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Inbox sweep failed; retrying on the next poll");
                    files = new InboxPass(0, 1);
                }
                try
                {
                    pulled = await sources.PollAsync(run, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Source poll failed; retrying on the next poll");
                    pulled = new SourcePass(0, 1);
                }
                if (drain && files.Processed == 0 && files.Waiting == 0 && pulled.Pending == 0)
                {
                    logger.LogInformation("Drained: the inbox is empty and no source has anything new");
                    return run!.GivenUp;
                }
                var delay = !drain ? poll
                    : files.Processed + pulled.Ingested > 0 ? TimeSpan.Zero
                    : TimeSpan.FromMilliseconds(Math.Min(poll.TotalMilliseconds, 1000));
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            logger.LogInformation("Worker stopped");
            return run?.GivenUp ?? [];
        }
    }
}
