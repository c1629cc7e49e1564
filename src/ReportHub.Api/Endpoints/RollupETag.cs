using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ReportHub.Api.Endpoints;

/// <summary>Conditional GET for rollups: the ETag is the warehouse state the rollup was computed from.</summary>
internal static class RollupETag
{
    public static Results<Ok<T>, StatusCodeHttpResult, ProblemHttpResult> Answer<T>(HttpContext http, string stamp, string kind, Func<Ok<T>> body)
    {
        var etag = new EntityTagHeaderValue($"\"{kind}-{stamp}\"");
        http.Response.Headers.ETag = etag.ToString();
        // Private: the answer depends on who asks (a department may not see it at all).
        http.Response.Headers.CacheControl = "private, no-cache";
        var presented = http.Request.Headers.IfNoneMatch;
        if (presented.Count > 0 && EntityTagHeaderValue.TryParseList(presented, out var tags)
            && tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return body();
    }
}
