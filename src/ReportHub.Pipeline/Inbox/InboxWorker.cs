using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Pipeline.Inbox;

/// <summary>Sweeps the inbox every <c>Ingest:PollSeconds</c> until the host stops.</summary>
public sealed class InboxWorker(InboxProcessor processor, IOptions<IngestOptions> options, ILogger<InboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Watching {Inbox} every {Seconds}s", Path.GetFullPath(options.Value.Inbox), options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await processor.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inbox sweep failed; retrying on the next poll");
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        logger.LogInformation("Inbox worker stopped");
    }
}
