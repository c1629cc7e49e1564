using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportHub.Aggregate;
using ReportHub.Pipeline;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Templates;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Ingest.Cli;

/// <summary>Builds the service container the commands run in: appsettings.json, environment, then config flags.</summary>
internal static class CliHost
{
    public static IHost Build(string[] configArgs, bool worker = false, LogLevel level = LogLevel.Warning)
    {
        // A command reads its settings once: watching appsettings.json would spend one of the user's inotify
        // instances per run, and scripts that start many runs at once exhaust them.
        var initial = new ConfigurationManager();
        initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = initial,
        });
        builder.Logging.ClearProviders();
        // Logs go to stderr so that stdout stays clean for --json.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(level);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddRollups();
        builder.Services.AddAccess(builder.Configuration);
        if (worker)
        {
            builder.Services.AddInboxWorker();
        }
        return builder.Build();
    }

    /// <summary>Migrates the warehouse and registers the shipped templates that are not in it yet.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<TemplateRegistry>().RegisterShippedAsync(cancellationToken);
    }

    /// <summary>Splits "--Warehouse:Provider=Postgres" style configuration flags from the command's own arguments.</summary>
    public static (string[] Command, string[] Config) SplitArgs(string[] args)
    {
        var command = new List<string>();
        var config = new List<string>();
        foreach (var arg in args)
        {
            var isConfig = arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal)
                && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains("__", StringComparison.Ordinal));
            (isConfig ? config : command).Add(isConfig ? arg.Replace("__", ":", StringComparison.Ordinal) : arg);
        }
        return (command.ToArray(), config.ToArray());
    }
}
