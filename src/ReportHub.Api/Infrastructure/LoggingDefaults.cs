using Microsoft.Extensions.Configuration.Memory;

namespace ReportHub.Api.Infrastructure;

/// <summary>
/// The framework writes several Information lines per request (request started and finished, endpoint, result), which
/// under load cost more than the request itself. Its categories start at Warning; ReportHub's own stay at Information.
/// These are defaults under every other source, so <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c> (or an
/// appsettings file) still turns the request log back on.
/// </summary>
public static class LoggingDefaults
{
    public static WebApplicationBuilder AddReportHubLoggingDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        return builder;
    }
}
