using Microsoft.Extensions.Hosting;

namespace ReportHub.Pipeline.Worker;

/// <summary>Runs <see cref="IngestWorkerLoop"/> until the host stops; a file in progress is finished first.</summary>
public sealed class InboxWorker(IngestWorkerLoop loop) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken) => await loop.RunAsync(drain: false, stoppingToken);
}
