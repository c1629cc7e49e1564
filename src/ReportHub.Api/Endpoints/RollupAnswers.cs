using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Caching;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// A round's totals and unit table as the JSON bytes the API sends, with their ETag, serialized once per rollup stamp.
/// While the warehouse has not changed (<see cref="WarehouseChanges"/>) the stamp is not even asked again, so a
/// repeated request costs a lookup and a write. Any commit (a submission from this or another process, a round closed
/// or edited) makes the next request ask <see cref="RollupService.RollupAsync"/>, which answers the new state at once.
/// </summary>
public sealed class RollupAnswers(RollupService rollups, WarehouseChanges changes, IOptions<JsonOptions> json)
{
    // Far above the rounds a province keeps; reaching it only costs one computation per round again.
    private const int MaxRounds = 1024;

    private readonly ConcurrentDictionary<string, RollupAnswer> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RollupAnswer> _units = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, RollupAnswer> _approvedTotals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RollupAnswer> _approvedUnits = new(StringComparer.Ordinal);

    /// <param name="approvedOnly">Only units whose current report is approved count (<c>?approved=true</c>).</param>
    public Task<RollupAnswer?> TotalsAsync(HttpContext context, string code, CancellationToken cancellationToken, bool approvedOnly = false) =>
        AnswerAsync(context, approvedOnly ? _approvedTotals : _totals, approvedOnly ? "totals-approved" : "totals", code, approvedOnly, r => r.Totals, cancellationToken);

    /// <param name="approvedOnly">Only units whose current report is approved count (<c>?approved=true</c>).</param>
    public Task<RollupAnswer?> UnitsAsync(HttpContext context, string code, CancellationToken cancellationToken, bool approvedOnly = false) =>
        AnswerAsync(context, approvedOnly ? _approvedUnits : _units, approvedOnly ? "units-approved" : "units", code, approvedOnly, r => r.Units, cancellationToken);

    private async Task<RollupAnswer?> AnswerAsync<T>(HttpContext context, ConcurrentDictionary<string, RollupAnswer> cache, string kind, string code,
        bool approvedOnly, Func<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units, string Stamp), T> pick, CancellationToken cancellationToken)
    {
        // Read before the rollup (at the latest when the key was checked): a commit landing in between makes the entry
        // stale at once, never the other way round.
        var version = await changes.VersionAsync(context, cancellationToken);
        cache.TryGetValue(code, out var cached);
        if (version is not null && cached is not null && cached.Version == version)
        {
            return cached;
        }
        if (await rollups.RollupAsync(code, approvedOnly, cancellationToken) is not { } rollup)
        {
            cache.TryRemove(code, out _);
            return null;
        }
        var answer = cached is not null && cached.Stamp == rollup.Stamp
            ? cached with { Version = version }
            : new RollupAnswer
            {
                Version = version,
                Stamp = rollup.Stamp,
                ETag = $"\"{kind}-{rollup.Stamp}\"",
                // The type the endpoint declares, with the API's options: the same bytes Ok<T> would write.
                Json = JsonSerializer.SerializeToUtf8Bytes(pick(rollup), json.Value.SerializerOptions.GetTypeInfo(typeof(T))),
            };
        if (cache.Count >= MaxRounds)
        {
            cache.Clear();
        }
        cache[code] = answer;
        return answer;
    }
}

/// <summary>One rollup answer: the warehouse version it is known current at (null: unknown), its stamp, ETag and body.</summary>
public sealed record RollupAnswer
{
    public required long? Version { get; init; }
    public required string Stamp { get; init; }
    public required string ETag { get; init; }
    public required byte[] Json { get; init; }
}
