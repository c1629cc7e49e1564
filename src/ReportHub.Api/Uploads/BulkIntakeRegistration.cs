using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Intake.Archives;

namespace ReportHub.Api.Uploads;

/// <summary>
/// The bulk intake's services, and the larger body its two doors (the API route and the page) may read: every other
/// route stays bounded by one file (<see cref="UploadLimits"/>).
/// </summary>
public static class BulkIntakeRegistration
{
    public const string PagePath = "/Bulk";

    public static WebApplicationBuilder AddBulkIntake(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ArchiveOptions>().Bind(builder.Configuration.GetSection(ArchiveOptions.Section)).Validate(
            o => o.MaxArchiveBytes > 0 && o.MaxEntries > 0 && o.MaxTotalBytes > 0 && o.MaxCompressionRatio >= 1,
            "Bulk:MaxArchiveBytes, MaxEntries and MaxTotalBytes must be positive and MaxCompressionRatio at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<BulkUploads>();
        builder.Services.AddOptions<RazorPagesOptions>().Configure<IOptions<ArchiveOptions>>((pages, archives) =>
            pages.Conventions.AddPageApplicationModelConvention(PagePath, model =>
            {
                var bytes = BulkUploads.RequestBytes(archives.Value);
                model.EndpointMetadata.Add(new RequestSizeLimitAttribute(bytes));
                model.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes, ValueCountLimit = UploadLimits.MaxFormFields });
            }));
        return builder;
    }

    /// <summary>The body limit of an endpoint: its form may be as large as the request.</summary>
    public static RouteHandlerBuilder WithRequestSizeLimits(this RouteHandlerBuilder route, long bytes) => route
        .WithMetadata(new RequestSizeLimitAttribute(bytes))
        .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = bytes, ValueCountLimit = UploadLimits.MaxFormFields });

    public static long RequestBytes(IServiceProvider services) =>
        BulkUploads.RequestBytes(services.GetRequiredService<IOptions<ArchiveOptions>>().Value);
}
