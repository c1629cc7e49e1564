using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Reference;
using ReportHub.Pipeline.Resilience;
using ReportHub.Pipeline.Rounds;
using ReportHub.Pipeline.Sources;
using ReportHub.Pipeline.Templates;
using ReportHub.Pipeline.Worker;
using ReportHub.Warehouse;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The warehouse and the ingestion path, without any background worker.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWarehouse(configuration);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).PostConfigure(o =>
        {
            o.Inbox = Db.AnchorPath(o.Inbox);
            o.Archive = Db.AnchorPath(o.Archive);
            o.Quarantine = Db.AnchorPath(o.Quarantine);
        });
        services.AddOptions<HttpResilienceOptions>().Bind(configuration.GetSection(HttpResilienceOptions.Section));
        services.AddOptions<Reminders.MailOptions>().Bind(configuration.GetSection(Reminders.MailOptions.Section));
        services.AddOptions<Reminders.SiteOptions>().Bind(configuration.GetSection(Reminders.SiteOptions.Section));
        services.AddOptions<Reminders.ReminderOptions>().Bind(configuration.GetSection(Reminders.ReminderOptions.Section));
        services.AddSingleton<Reminders.MailSender>();
        services.AddSingleton<Reminders.UnitContacts>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IngestService>();
        services.AddSingleton<Reinstatement>();
        services.AddSingleton<Reviews.ReviewService>();
        services.AddSingleton<Reviews.NoticeService>();
        services.AddSingleton<ReferenceLoader>();
        services.AddSingleton<RoundService>();
        services.AddSingleton<RoundUpgrader>();
        services.AddSingleton<TemplateValidator>();
        services.AddSingleton<TemplateRegistry>();
        services.AddSingleton<TemplateChooser>();
        services.AddSingleton<ClaimedIngestor>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<SourceResilience>();
        services.AddSingleton<HttpSourcePoller>();
        services.AddSingleton<FileSource>();
        services.AddSingleton<UploadSource>();
        services.AddSingleton<ReplaySource>();
        services.AddSingleton<IngestWorkerLoop>();
        // Timeouts and retries belong to the source's resilience pipeline, not to HttpClient.
        services.AddHttpClient(HttpSourcePoller.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    public static IServiceCollection AddInboxWorker(this IServiceCollection services)
    {
        services.AddHostedService<InboxWorker>();
        return services;
    }
}
