using ReportHub.Core.Measures;
using ReportHub.Core.Templates;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Aggregate.Rollups;

/// <summary>
/// A round's figures: only the units the round expects count, each with its current accepted submission, and a
/// unit's timeliness comes from its first accepted receipt. Figures are the ones stored at ingest
/// (<see cref="RollupStore"/>), aggregated by the round's definition (<see cref="RoundFigures"/>).
/// </summary>
public sealed class RollupService(Db db, ReferenceStore reference, TemplateStore templates, TimeProvider clock)
{
    /// <summary>Deadlines are Vietnamese calendar days (UTC+7).</summary>
    public static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    private readonly RollupStore _store = new(db);

    // The last rollup computed per round, with the stamp of the state it was computed from. A stale entry is simply
    // replaced: the stamp changes whenever anything the rollup reads changes, in this process or another.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stamp, RoundTotals Totals, IReadOnlyList<UnitStatus> Units)> _cache = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of what the round's rollups read (see <see cref="RollupStore.StampAsync"/>); null for an unknown round.</summary>
    public Task<string?> StampAsync(string roundCode, CancellationToken cancellationToken) => _store.StampAsync(roundCode, cancellationToken);

    /// <summary>
    /// The round's totals and unit rows, computed once per state of the warehouse: repeated requests between two
    /// submissions cost one fingerprint query instead of the whole rollup.
    /// </summary>
    public Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units, string Stamp)?> RollupAsync(string roundCode, CancellationToken cancellationToken) =>
        RollupAsync(roundCode, approvedOnly: false, cancellationToken);

    /// <param name="approvedOnly">Count only units whose current report an analyst approved (see <see cref="ApprovedOnly"/>).</param>
    public async Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units, string Stamp)?> RollupAsync(string roundCode, bool approvedOnly,
        CancellationToken cancellationToken)
    {
        if (await _store.StampAsync(roundCode, cancellationToken) is not { } stamp)
        {
            return null;
        }
        var key = approvedOnly ? roundCode + ApprovedKey : roundCode;
        if (_cache.TryGetValue(key, out var cached) && cached.Stamp == stamp)
        {
            return (cached.Totals, cached.Units, stamp);
        }
        if (await ComputeAsync(roundCode, approvedOnly, cancellationToken) is not { } computed)
        {
            return null;
        }
        // Stamped with what was read before the computation: a submission landing in between changes the next
        // stamp, so the entry is recomputed rather than served stale.
        _cache[key] = (stamp, computed.Totals, computed.Units);
        return (computed.Totals, computed.Units, stamp);
    }

    // A round code never holds a control character, so the approved-only entry cannot collide with a round's own.
    private const string ApprovedKey = "\u001fapproved";

    /// <summary>The round's totals and unit rows computed from the warehouse now, bypassing the cache; null for an unknown round.</summary>
    public Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units)?> ComputeAsync(string roundCode, CancellationToken cancellationToken) =>
        ComputeAsync(roundCode, approvedOnly: false, cancellationToken);

    public async Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units)?> ComputeAsync(string roundCode, bool approvedOnly, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var definition = await DefinitionAsync(round, cancellationToken);
        var units = await LoadAsync(round, definition, cancellationToken);
        if (approvedOnly)
        {
            units = ApprovedOnly(units);
        }
        return (Totals(round, units, definition) with { ApprovedOnly = approvedOnly }, units);
    }

    /// <summary>
    /// The unit rows as if only approved reports had arrived: a unit whose current report is pending or returned reads
    /// as not reported (status missing, no submission, receipt or figures), its review kept so the reader sees why.
    /// </summary>
    public static IReadOnlyList<UnitStatus> ApprovedOnly(IReadOnlyList<UnitStatus> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return [.. units.Select(u => u.Review?.State == Warehouse.Reviews.ReviewStates.Approved || u.SubmissionId is null
            ? u
            : u with
            {
                Status = UnitStatuses.Missing,
                ReceivedAt = null,
                RevisedAt = null,
                SubmissionId = null,
                Figures = MeasureFigures.Empty,
                Fields = null,
            })];
    }

    public static DateTimeOffset Cutoff(Round round) =>
        // A deadline at the calendar's end (stored before rounds' dates were bounded) has no next day: nothing is late.
        round.Deadline >= DateOnly.MaxValue.AddDays(-1)
            ? DateTimeOffset.MaxValue
            : new DateTimeOffset(round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ProvinceOffset);

    public async Task<IReadOnlyList<UnitStatus>?> UnitsAsync(string roundCode, CancellationToken cancellationToken) =>
        (await RollupAsync(roundCode, cancellationToken))?.Units;

    public async Task<IReadOnlyList<UnitStatus>> UnitsAsync(Round round, CancellationToken cancellationToken) =>
        await LoadAsync(round, await DefinitionAsync(round, cancellationToken), cancellationToken);

    /// <summary>
    /// The round's totals by its template: each measure aggregated as the definition says over the units that report
    /// it, and each indicator as a ratio of its measures over the units that report both (a ratio of sums, never a mean
    /// of the units' own ratios). An indicator with nothing to divide by is left out rather than shown as a number.
    /// </summary>
    public async Task<RoundTotals?> TotalsAsync(string roundCode, CancellationToken cancellationToken) =>
        (await RollupAsync(roundCode, cancellationToken))?.Totals;

    /// <summary>The round's totals from its units' rows, aggregated by its definition.</summary>
    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units, TemplateDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(units);
        var reported = units.Where(u => u.SubmissionId is not null).ToList();
        var measures = definition?.Measures.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        // Unit figures carry their own indicators; only measures are aggregated, and the indicators taken again.
        var aggregated = RoundFigures.Of(definition, [.. reported.Select(u => measures is null
            ? u.Figures
            : (IReadOnlyDictionary<string, decimal>)u.Figures.Where(f => measures.Contains(f.Key)).ToDictionary(StringComparer.Ordinal))]);
        var view = FigureView.OfComputed(definition, aggregated.Figures);
        return new RoundTotals
        {
            Round = round.Code,
            Template = round.Template,
            UnitsExpected = units.Count,
            UnitsReported = reported.Count,
            UnitsOnTime = units.Count(u => u.Status == UnitStatuses.OnTime),
            UnitsLate = units.Count(u => u.Status == UnitStatuses.Late),
            UnitsMissing = units.Count(u => u.Status == UnitStatuses.Missing),
            UnitsRevised = units.Count(u => u.RevisedAt is not null),
            Figures = view.Figures,
            Coverage = aggregated.Coverage,
            Fields = view.Fields,
        };
    }

    /// <summary>The definition a round's reports are read with, in the round's version: registered, else shipped; null when neither exists.</summary>
    public async Task<TemplateDefinition?> DefinitionAsync(Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return await templates.DefinitionAsync(round.Template, round.TemplateVersion, cancellationToken);
    }

    public Task<ConsolidatedData?> ConsolidatedAsync(string roundCode, CancellationToken cancellationToken) =>
        ConsolidatedAsync(roundCode, approvedOnly: false, cancellationToken);

    /// <param name="approvedOnly">Only the units whose current report is approved: their rows, narratives and figures.</param>
    public async Task<ConsolidatedData?> ConsolidatedAsync(string roundCode, bool approvedOnly, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var definition = await DefinitionAsync(round, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Code} names template {round.Template}, which is not in the warehouse.");
        var units = await LoadAsync(round, definition, cancellationToken);
        IReadOnlyList<CurrentNarrativeRow> narratives = await _store.NarrativesAsync(round.Code, cancellationToken);
        IReadOnlyList<CurrentTableRow> rows = await _store.TableRowsAsync(round.Code, cancellationToken);
        if (approvedOnly)
        {
            units = ApprovedOnly(units);
            var counted = units.Where(u => u.SubmissionId is not null).Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
            narratives = [.. narratives.Where(n => counted.Contains(n.Unit))];
            rows = [.. rows.Where(r => counted.Contains(r.Unit))];
        }
        var requester = RequestingBody.Of(round);
        return new ConsolidatedData
        {
            Round = round,
            Template = definition,
            Totals = Totals(round, units, definition) with { ApprovedOnly = approvedOnly },
            Units = units,
            Narratives = narratives.Select(n => new UnitNarrative
            {
                Unit = n.Unit,
                UnitName = n.UnitName,
                Section = n.Section,
                Heading = n.Heading,
                Text = n.Text,
            }).ToList(),
            Rows = rows.Select(ToModel).ToList(),
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = requester.Heading,
            GeneratedAt = clock.GetUtcNow().ToOffset(ProvinceOffset),
        };
    }

    private async Task<IReadOnlyList<UnitStatus>> LoadAsync(Round round, TemplateDefinition? definition, CancellationToken cancellationToken)
    {
        var rows = await _store.UnitsAsync(round.Code, cancellationToken);
        var cutoff = Cutoff(round);
        return rows.Select(r =>
        {
            var first = r.FirstReceived is null ? (DateTimeOffset?)null : SubmissionStore.ParseInstant(r.FirstReceived).ToOffset(ProvinceOffset);
            var current = r.CurrentReceived is null ? (DateTimeOffset?)null : SubmissionStore.ParseInstant(r.CurrentReceived).ToOffset(ProvinceOffset);
            var reported = r.SubmissionId is not null && first is not null;
            var view = FigureView.Of(definition, r.Figures);
            return new UnitStatus
            {
                Unit = r.Code,
                Name = r.Name,
                Type = r.Type,
                // The first accepted report decides: a revision after the deadline does not make an on-time unit late.
                Status = !reported ? UnitStatuses.Missing : first < cutoff ? UnitStatuses.OnTime : UnitStatuses.Late,
                ReceivedAt = reported ? first : null,
                RevisedAt = reported && current > first ? current : null,
                SubmissionId = r.SubmissionId,
                Review = r.Review,
                Figures = view.Figures,
                Fields = view.Fields,
            };
        }).ToList();
    }

    private static UnitTableRow ToModel(CurrentTableRow row) => new()
    {
        Unit = row.Unit,
        UnitName = row.UnitName,
        Section = row.Section,
        Seq = (int)row.Seq,
        StoredValues = row.RowValues,
    };
}
