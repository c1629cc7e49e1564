using System.Text.Encodings.Web;
using ReportHub.Aggregate;
using ReportHub.Api.Caching;
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
        builder.Services.AddHostedService<WarehouseStartup>();
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

    public static WebApplication UseReportHubErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
