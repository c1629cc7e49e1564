using Microsoft.OpenApi;

namespace ReportHub.Api.Endpoints;

/// <summary>The error answers every API route shares, declared once per group for the OpenAPI document.</summary>
internal static class ApiResponses
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Behind sign-in (the fallback policy) and the per-caller rate limit: 401 and 429 can answer any call.</summary>
    public static RouteGroupBuilder SignedIn(this RouteGroupBuilder group) =>
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// A state-changing call: 400 for a malformed body, or for a browser session without its antiforgery token
    /// (<see cref="Access.CookieCsrfFilter"/>).
    /// </summary>
    public static RouteHandlerBuilder Changes(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>
    /// A JSON body the handler reads itself (bounded) rather than binds, described for the document only: Accepts()
    /// would also make routing refuse other content types with 415 before the handler's own Vietnamese answer.
    /// </summary>
    public static RouteHandlerBuilder JsonBody(this RouteHandlerBuilder route, Type type) =>
        route.AddOpenApiOperationTransformer(async (operation, context, ct) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(type, null, ct) },
                },
            });

    /// <summary>A file answer: the bytes, described as a binary string.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.Produces(StatusCodes.Status200OK, typeof(Stream), contentTypes[0], contentTypes[1..]);
}
