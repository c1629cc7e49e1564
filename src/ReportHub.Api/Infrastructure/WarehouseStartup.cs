using ReportHub.Core.Domain;
using ReportHub.Readers;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Reference;
using ReportHub.Pipeline.Templates;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Infrastructure;

/// <summary>
/// Migrates the warehouse before the server takes requests. In Development it also loads the samples, so the
/// first run shows a populated round.
/// </summary>
public sealed class WarehouseStartup(
    Migrator migrator,
    ReferenceLoader loader,
    ReferenceStore reference,
    TemplateRegistry templates,
    IngestService ingest,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<WarehouseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await templates.RegisterShippedAsync(cancellationToken);
        var loadSamples = configuration.GetValue("Samples:Load", environment.IsDevelopment());
        if (!loadSamples || SamplesFolder.Find(configuration["Samples:Path"]) is not { } samples)
        {
            return;
        }
        var firstRun = (await reference.RoundsAsync(cancellationToken)).Count == 0;
        await loader.LoadAsync(Path.Combine(samples, "reference"), cancellationToken);
        var reports = Path.Combine(samples, "reports");
        if (!firstRun || !Directory.Exists(reports))
        {
            return;
        }
        var rounds = await reference.RoundsAsync(cancellationToken);
        foreach (var (file, receivedAt) in SampleFiles(reports, rounds))
        {
            var result = await ingest.IngestAsync(new IngestRequest
            {
                FileName = Path.GetFileName(file),
                Content = await File.ReadAllBytesAsync(file, cancellationToken),
                Source = "sample",
                ReceivedAt = receivedAt,
            }, cancellationToken);
            logger.LogInformation("Sample {File}: {Status}", result.File, result.Status);
        }
    }

    /// <summary>
    /// The sample reports of round 2021-10 sit in the folder itself; every later round's sit in a sub-folder named
    /// after it (samples/reports/2025-Q3). Each file finds its round by the request its header cites; the folder only
    /// dates the arrival, on the morning of that round's deadline, so the first run shows on-time units.
    /// </summary>
    private static IEnumerable<(string File, DateTimeOffset ReceivedAt)> SampleFiles(string reports, IReadOnlyList<Round> rounds)
    {
        var vietnam = TimeSpan.FromHours(7);
        var first = new DateTimeOffset(2021, 10, 28, 9, 0, 0, vietnam);
        var folders = new List<(string Folder, DateTimeOffset ReceivedAt)> { (reports, first) };
        foreach (var folder in Directory.EnumerateDirectories(reports).Order(StringComparer.Ordinal))
        {
            var round = rounds.FirstOrDefault(r => r.Code == Path.GetFileName(folder));
            folders.Add((folder, round is null ? first : new DateTimeOffset(round.Deadline.ToDateTime(new TimeOnly(9, 0)), vietnam)));
        }
        return folders.SelectMany(f => Directory.EnumerateFiles(f.Folder).Where(ReportFormats.IsReportFile).Order(StringComparer.Ordinal)
            .Select(file => (file, f.ReceivedAt)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
