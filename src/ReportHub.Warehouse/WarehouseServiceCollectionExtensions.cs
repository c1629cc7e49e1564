using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(WarehouseOptions.Section));
        services.AddSingleton<Db>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<ReferenceStore>();
        services.AddSingleton<SubmissionStore>();
        return services;
    }
}
