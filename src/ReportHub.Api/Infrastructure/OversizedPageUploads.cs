using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using ReportHub.Api.Errors;
using ReportHub.Api.Uploads;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Infrastructure;

/// <summary>
/// A form sent from a page with a file over the limit is read to its end and thrown away, then answered 413, which
/// the error page turns into words naming the limit. Refusing it while the browser is still sending (as the API
/// does for programs) closes the connection under the browser, which then shows its own connection error and never
/// the answer. Only bodies the browser announces, up to <see cref="UploadLimits.DrainBytes"/>, are read this way;
/// a larger one is answered with the same page at once, unread, and the browser may or may not show it.
/// </summary>
public static class OversizedPageUploads
{
    private const string Refused = "ReportHub.OversizedPageUploads.Refused";

    public static IApplicationBuilder UseOversizedPageUploads(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is { } length && !context.Items.ContainsKey(Refused) && ErrorAudience.WantsPage(context))
            {
                var options = context.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
                // A page that takes more than one file (a .zip of reports) says so in its endpoint's own limit.
                var allowed = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? UploadLimits.RequestBytes(options);
                if (length > allowed)
                {
                    context.Items[Refused] = true;
                    var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
                    if (length <= UploadLimits.DrainBytes(options) && size is null or { IsReadOnly: false })
                    {
                        if (size is not null)
                        {
                            size.MaxRequestBodySize = length;
                        }
                        await DrainAsync(context.Request.Body, context.RequestAborted);
                    }
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }
            await next(context);
        });

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
