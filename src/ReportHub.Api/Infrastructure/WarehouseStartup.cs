using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Reference;
using ReportHub.Pipeline.Sources;
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
    AccountService accounts,
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
        if (configuration.GetValue("Access:DemoAccounts", environment.IsDevelopment()))
        {
            await DemoAccounts.EnsureAsync(accounts, logger, cancellationToken);
        }
        var reports = Path.Combine(samples, "reports");
        if (!firstRun || !Directory.Exists(reports))
        {
            return;
        }
        await foreach (var sample in SampleSource.RequestsAsync(reports, await reference.RoundsAsync(cancellationToken), cancellationToken))
        {
            var result = await ingest.IngestAsync(sample, cancellationToken);
            logger.LogInformation("Sample {File}: {Status}", result.File, result.Status);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
