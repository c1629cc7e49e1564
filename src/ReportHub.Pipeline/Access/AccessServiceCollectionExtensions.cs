using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReportHub.Pipeline.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Accounts, sessions, keys and the audit log, for the API and the CLI alike.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section));
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<AuditLog>();
        return services;
    }
}
