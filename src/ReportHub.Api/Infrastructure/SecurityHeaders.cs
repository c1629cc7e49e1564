using ReportHub.Api.Infrastructure.OpenApi;
using Scalar.AspNetCore;

namespace ReportHub.Api.Infrastructure;

/// <summary>
/// Headers on every answer: nothing may be loaded from another origin, the pages may not be framed, and the browser
/// may not guess a content type (an uploaded file served back must never run as a script).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, a Vue application) starts from one inline script and writes its styles into the page
    /// at run time, and its bundle inlines small fonts and icons as data: URLs. So on /scalar only: the inline script
    /// runs by the nonce Scalar draws for each answer (no 'unsafe-inline' for scripts), inline styles are allowed,
    /// and data: fonts are. Every source is still this origin: nothing is loaded from the internet.
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReference.Path)
                    ? ApiReferencePolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
