using Microsoft.Extensions.DependencyInjection;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate;

public static class AggregateServiceCollectionExtensions
{
    public static IServiceCollection AddRollups(this IServiceCollection services)
    {
        services.AddSingleton<RollupService>();
        return services;
    }
}
