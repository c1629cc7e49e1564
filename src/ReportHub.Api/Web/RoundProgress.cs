using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Web;

/// <summary>
/// The dashboard's completeness tiles, and <c>GET /rounds/{code}/live</c>, which the dashboard's script polls with
/// <c>If-None-Match</c> so the tiles change in place when a report arrives (a 304 costs one rollup cache check).
/// </summary>
public static class RoundProgress
{
    /// <summary>The tile numbers of one round at one moment; <c>unitsMissing</c> counts every unit not yet reported, as the API does.</summary>
    public sealed record Tiles
    {
        public required string Round { get; init; }
        public required int UnitsExpected { get; init; }
        public required int UnitsReported { get; init; }
        public required int UnitsOnTime { get; init; }
        public required int UnitsLate { get; init; }
        public required int UnitsMissing { get; init; }

        /// <summary>The missing units once the deadline has passed: all of them then, none before.</summary>
        public required int UnitsOverdue { get; init; }

        public required int UnitsRevised { get; init; }
        public required bool PastDeadline { get; init; }

        /// <summary>Missing units whose deadline has not passed yet.</summary>
        [JsonIgnore]
        public int UnitsAwaited => UnitsMissing - UnitsOverdue;
    }

    public static string LiveUrl(string round) => $"/rounds/{Uri.EscapeDataString(round)}/live";

    /// <summary>Whether the round's deadline (the end of its day in Vietnam) has passed at <paramref name="now"/>.</summary>
    public static bool PastDeadline(Round round, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(round);
        return now >= RollupService.Cutoff(round);
    }

    public static Tiles Of(Round round, RoundTotals totals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var past = PastDeadline(round, now);
        return new Tiles
        {
            Round = round.Code,
            UnitsExpected = totals.UnitsExpected,
            UnitsReported = totals.UnitsReported,
            UnitsOnTime = totals.UnitsOnTime,
            UnitsLate = totals.UnitsLate,
            UnitsMissing = totals.UnitsMissing,
            UnitsOverdue = past ? totals.UnitsMissing : 0,
            UnitsRevised = totals.UnitsRevised,
            PastDeadline = past,
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(Tiles tiles) => JsonSerializer.Serialize(tiles, Json);

    /// <summary>A strong tag of the tiles' content: the same numbers give the same tag, whichever process computed them.</summary>
    public static string ETag(Tiles tiles) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson(tiles))).AsSpan(0, 12)) + "\"";

    public static IEndpointRouteBuilder MapRoundLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/rounds/{code}/live", async (string code, HttpContext http, ReferenceStore reference, RollupService rollups,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await reference.RoundAsync(code, ct) is not { } round || await rollups.RollupAsync(code, ct) is not { } rollup)
            {
                return Results.NotFound();
            }
            var tiles = Of(round, rollup.Totals, clock.GetUtcNow());
            var etag = ETag(tiles);
            http.Response.Headers.ETag = etag;
            // Private: only analysts may see it; no-cache: the browser must ask each time, and a 304 is cheap.
            http.Response.Headers.CacheControl = "private, no-cache";
            if (EntityTagHeaderValue.TryParseList(http.Request.Headers.IfNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Text(ToJson(tiles), "application/json", Encoding.UTF8);
        }).RequireAuthorization(AccessRegistration.AnalystPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>"09:15" in Vietnam's time: when the page's numbers were read.</summary>
    public static string Clock(DateTimeOffset at) =>
        at.ToOffset(RollupService.ProvinceOffset).ToString("HH:mm", CultureInfo.InvariantCulture);
}
