using ReportHub.Api.Errors;
using Scalar.AspNetCore;

namespace ReportHub.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and its interactive reference at /scalar/, both behind sign-in; the
/// navigation of analysts and admins links the reference.
/// </summary>
public static class ApiReference
{
    public const string Path = ErrorAudience.ApiReferencePath;

    public static IServiceCollection AddReportHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<AnonymousOperationsTransformer>();
            o.AddOperationTransformer<ProblemDescriptionsTransformer>();
        });

    public static WebApplication MapReportHubApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        // Everything the page needs comes from this server: the bundle is the package's embedded scalar.js, the
        // CDN fonts are off, and nothing is sent to Scalar's telemetry, agent or proxy. The inline start-up script
        // carries a fresh nonce that SecurityHeaders puts in this response's CSP. The developer toolbar (generate an SDK,
        // deploy) and the button to open a separate client are Scalar's services, not ReportHub's: hidden.
        app.MapScalarApiReference(Path, o => o
            .WithTitle("ReportHub API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .WithNonce()
            .HideDeveloperTools()
            .HideClientButton()
            .AddPreferredSecuritySchemes([SecuritySchemesTransformer.BearerScheme]));
        return app;
    }
}
