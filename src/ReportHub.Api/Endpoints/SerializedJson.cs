using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// 200 with JSON serialized beforehand (<see cref="RollupAnswers"/>), written as it is. Declared for OpenAPI exactly as
/// <c>Ok&lt;T&gt;</c> declares itself, so the document does not change.
/// </summary>
public sealed class SerializedJson<T>(byte[] json) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
