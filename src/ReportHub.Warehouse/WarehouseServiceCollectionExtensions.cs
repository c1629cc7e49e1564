using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Entry;
using ReportHub.Warehouse.Health;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Resilience;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;
using ReportHub.Warehouse.Work;

namespace ReportHub.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(WarehouseOptions.Section));
        services.AddOptions<WarehouseResilienceOptions>().Bind(configuration.GetSection(WarehouseResilienceOptions.Section));
        services.AddSingleton<Db>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<ReferenceStore>();
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<Reviews.ReviewStore>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SignInFailureStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<WarehouseResilience>();
        services.AddSingleton<ClaimStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<WorkerLock>();
        services.AddSingleton<HealthStore>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<Reminders.ReminderStore>();
        return services;
    }
}
