using System.Text.Encodings.Web;
using ReportHub.Aggregate;
using ReportHub.Api.Caching;
using ReportHub.Api.Errors;
using ReportHub.Api.Infrastructure.OpenApi;
using ReportHub.Api.Uploads;
using ReportHub.Pipeline;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Infrastructure;

public static class ReportHubRegistration
{
    public static WebApplicationBuilder AddReportHub(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestProblems.Translate);
        builder.Services.AddExceptionHandler<RequestProblems>();
        builder.Services.AddReportHubOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddRollups();
        builder.Services.AddSingleton<WarehouseChanges>();
        builder.Services.AddSingleton<Endpoints.RollupAnswers>();
        builder.Services.AddSingleton<UploadHandler>();
        builder.Services.AddSingleton<CheckedUploads>();
        builder.Services.AddSingleton<Entry.EntryService>();
        builder.Services.AddHostedService<WarehouseStartup>();
        builder.Services.AddSingleton<Pipeline.Reminders.IReminderRecipients, Reminders.RollupReminderRecipients>();
        builder.Services.AddSingleton<Pipeline.Reminders.ReminderService>();
        if (builder.Configuration.GetValue($"{Pipeline.Reminders.ReminderOptions.Section}:{nameof(Pipeline.Reminders.ReminderOptions.Automatic)}", false))
        {
            builder.Services.AddHostedService<Pipeline.Reminders.ReminderScheduler>();
        }
        if (builder.Configuration.GetValue($"{IngestOptions.Section}:{nameof(IngestOptions.RunWorker)}", true))
        {
            builder.Services.AddInboxWorker();
        }
        var maxBytes = builder.Configuration.GetValue($"{IngestOptions.Section}:{nameof(IngestOptions.MaxFileBytes)}", 20L * 1024 * 1024);
        // The upload is the only route with a body: nothing larger than one file and its envelope is ever read.
        var requestBytes = UploadLimits.RequestBytes(maxBytes);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = requestBytes;
            o.ValueCountLimit = UploadLimits.MaxFormFields;
        });
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = requestBytes);
        return builder;
    }

    /// <summary>
    /// Errors answered for who reads them (<see cref="ErrorAudience"/>): a person gets the error page at
    /// <see cref="ErrorPagePath"/> in the site's layout, re-executed in place so the address stays the one asked for;
    /// a program gets problem details. An exception is answered by <see cref="RequestProblems"/> for programs and
    /// passed on to the page for people. A status without a body gets its problem details from the inner status
    /// code pages, for programs only; the outer ones re-execute the page for whatever is still without a body.
    /// Both re-executions are registered on the application itself, not in a branch: only there do they route again.
    /// </summary>
    public static WebApplication UseReportHubErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPagePath,
            StatusCodeSelector = RequestProblems.StatusOf,
        });
        app.UseStatusCodePagesWithReExecute(ErrorPagePath + "/{0}");
        app.UseWhen(context => !ErrorAudience.WantsPage(context), program => program.UseStatusCodePages(RequestProblems.WriteStatusAsync));
        return app;
    }

    public const string ErrorPagePath = "/errors";
}
