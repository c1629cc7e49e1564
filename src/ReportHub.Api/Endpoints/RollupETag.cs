using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ReportHub.Api.Endpoints;

/// <summary>Conditional GET for rollups: the ETag is the warehouse state the rollup was computed from.</summary>
internal static class RollupETag
{
    public static Results<SerializedJson<T>, StatusCodeHttpResult, ProblemHttpResult> Answer<T>(HttpContext http, RollupAnswer answer)
    {
        http.Response.Headers.ETag = answer.ETag;
        // Private: the answer depends on who asks (a department may not see it at all).
        http.Response.Headers.CacheControl = "private, no-cache";
        var presented = http.Request.Headers.IfNoneMatch;
        if (presented.Count > 0 && EntityTagHeaderValue.TryParseList(presented, out var tags))
        {
            var etag = new EntityTagHeaderValue(answer.ETag);
            if (tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
            {
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
        }
        return new SerializedJson<T>(answer.Json);
    }
}
