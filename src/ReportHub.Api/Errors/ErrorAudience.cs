namespace ReportHub.Api.Errors;

/// <summary>
/// Who reads an error answer: a person in a browser gets a page in the site's layout, a program gets RFC 9457 problem
/// details. A browser asks for text/html; the API, its document and its reference, and any caller presenting a
/// bearer key are programs, whatever they accept.
/// </summary>
public static class ErrorAudience
{
    /// <summary>The API's routes.</summary>
    public const string ApiPath = "/api";

    /// <summary>The interactive API reference (Scalar), for programmers; the OpenAPI document is beside it.</summary>
    public const string ApiReferencePath = "/scalar";

    private static readonly string[] ProgramPaths = [ApiPath, "/openapi", ApiReferencePath, "/health"];

    public static bool WantsPage(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0 || ProgramPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        return request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
