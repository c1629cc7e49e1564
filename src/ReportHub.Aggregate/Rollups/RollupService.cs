using ReportHub.Aggregate.Export;
using ReportHub.Core.Measures;
using ReportHub.Core.Templates;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Rollups;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Aggregate.Rollups;

/// <summary>
/// Round figures by CONTRACT §2: only each unit's current accepted submission counts, and timeliness comes from
/// the unit's first accepted receipt. Figures are the ones stored at ingest (<see cref="RollupStore"/>).
/// </summary>
public sealed class RollupService(Db db, ReferenceStore reference, TemplateStore templates, TimeProvider clock)
{
    /// <summary>Deadlines are Vietnamese calendar days (UTC+7).</summary>
    public static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    /// <summary>The template of a round none of whose units has reported: before templates, every round was COVID's.</summary>
    public const string DefaultTemplate = ReportTables.CovidTemplate;

    /// <summary>The COVID measures, all summed.</summary>
    public static readonly IReadOnlyDictionary<string, MeasureAggregate> CovidAggregates = new Dictionary<string, MeasureAggregate>
    {
        [ReportTables.DirectivesMeasure] = MeasureAggregate.Sum,
        [ReportTables.QrCodesMeasure] = MeasureAggregate.Sum,
        [ReportTables.QrScansMeasure] = MeasureAggregate.Sum,
    };

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
    public async Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units, string Stamp)?> RollupAsync(string roundCode, CancellationToken cancellationToken)
    {
        if (await _store.StampAsync(roundCode, cancellationToken) is not { } stamp)
        {
            return null;
        }
        if (_cache.TryGetValue(roundCode, out var cached) && cached.Stamp == stamp)
        {
            return (cached.Totals, cached.Units, stamp);
        }
        if (await ComputeAsync(roundCode, cancellationToken) is not { } computed)
        {
            return null;
        }
        // Stamped with what was read before the computation: a submission landing in between changes the next
        // stamp, so the entry is recomputed rather than served stale.
        _cache[roundCode] = (stamp, computed.Totals, computed.Units);
        return (computed.Totals, computed.Units, stamp);
    }

    /// <summary>The round's totals and unit rows computed from the warehouse now, bypassing the cache; null for an unknown round.</summary>
    public async Task<(RoundTotals Totals, IReadOnlyList<UnitStatus> Units)?> ComputeAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var definition = await DefinitionAsync(round, cancellationToken);
        var (units, template) = await LoadAsync(round, definition, cancellationToken);
        return (Totals(round, units, definition, template), units);
    }

    public static DateTimeOffset Cutoff(Round round) =>
        new DateTimeOffset(round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ProvinceOffset);

    public async Task<IReadOnlyList<UnitStatus>?> UnitsAsync(string roundCode, CancellationToken cancellationToken) =>
        (await RollupAsync(roundCode, cancellationToken))?.Units;

    public async Task<IReadOnlyList<UnitStatus>> UnitsAsync(Round round, CancellationToken cancellationToken) =>
        (await LoadAsync(round, await DefinitionAsync(round, cancellationToken), cancellationToken)).Units;

    /// <summary>
    /// The round's totals by its template: each measure aggregated as the definition says, and each indicator computed
    /// from those aggregates (a ratio of sums, never a mean of the units' own ratios). An indicator whose denominator
    /// is zero is left out rather than shown as a number.
    /// </summary>
    public async Task<RoundTotals?> TotalsAsync(string roundCode, CancellationToken cancellationToken) =>
        (await RollupAsync(roundCode, cancellationToken))?.Totals;

    /// <summary>The round's totals, each measure aggregated as <paramref name="aggregates"/> says (unnamed ones are summed).</summary>
    public async Task<RoundTotals?> TotalsAsync(string roundCode, IReadOnlyDictionary<string, MeasureAggregate> aggregates,
        CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var (units, template) = await LoadAsync(round, null, cancellationToken);
        return Totals(round, units, aggregates, null, template);
    }

    /// <summary>The aggregation of each of the template's measures; the COVID ones when it names none.</summary>
    public static IReadOnlyDictionary<string, MeasureAggregate> AggregatesOf(TemplateDefinition? definition) =>
        definition is null || definition.Measures.Count == 0
            ? CovidAggregates
            : definition.Measures.ToDictionary(m => m.Key, m => m.Aggregate switch
            {
                Core.Templates.Aggregate.Min => MeasureAggregate.Min,
                Core.Templates.Aggregate.Max => MeasureAggregate.Max,
                _ => MeasureAggregate.Sum,
            });

    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units) => Totals(round, units, CovidAggregates, null, DefaultTemplate);

    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units, TemplateDefinition? definition, string template) =>
        Totals(round, units, AggregatesOf(definition), definition, template);

    private static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units, IReadOnlyDictionary<string, MeasureAggregate> aggregates,
        TemplateDefinition? definition, string template)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(units);
        // Unit figures carry their own indicators; only measures are aggregated, and the indicators taken again.
        var measures = definition is null
            ? (IReadOnlySet<string>?)null
            : definition.Measures.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var aggregated = FigureTotals.Aggregate(units
            .Where(u => u.SubmissionId is not null)
            .Select(u => measures is null ? u.Figures : u.Figures.Where(f => measures.Contains(f.Key)).ToDictionary()), aggregates);
        // Held at the long bounds: a warehouse may hold figures stored before counts were bounded, and totals
        // must still answer.
        var view = FigureView.Of(template, definition, aggregated);
        return new RoundTotals
        {
            Round = round.Code,
            Template = template,
            UnitsExpected = round.ExpectedUnits.Count,
            UnitsReported = units.Count(u => u.Status != UnitStatuses.Missing),
            UnitsOnTime = units.Count(u => u.Status == UnitStatuses.OnTime),
            UnitsLate = units.Count(u => u.Status == UnitStatuses.Late),
            UnitsMissing = units.Count(u => u.Status == UnitStatuses.Missing),
            Figures = view.Figures,
            Directives = view.Directives,
            QrCodes = view.QrCodes,
            QrScans = view.QrScans,
        };
    }

    /// <summary>
    /// The definition a round's reports are read with, in the round's version: registered, else shipped, else none
    /// (summed as COVID's).
    /// </summary>
    public async Task<TemplateDefinition?> DefinitionAsync(Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return await templates.DefinitionAsync(round.Template, round.TemplateVersion, cancellationToken);
    }

    public async Task<ConsolidatedData?> ConsolidatedAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var definition = await DefinitionAsync(round, cancellationToken) ?? TemplateCatalog.Default;
        var (units, template) = await LoadAsync(round, definition, cancellationToken);
        var directives = await _store.DirectivesAsync(round.Code, cancellationToken);
        var qr = await _store.QrRowsAsync(round.Code, cancellationToken);
        var narratives = await _store.NarrativesAsync(round.Code, cancellationToken);
        // COVID's exports read its typed tables (directives, QR rows); its generic copy of the same rows would only
        // double the memory a 64,000-row round needs.
        var rows = Export.CovidLayout.Applies(definition) ? [] : await _store.TableRowsAsync(round.Code, cancellationToken);
        var requester = RequestingBody.Of(round);
        return new ConsolidatedData
        {
            Round = round,
            Template = definition,
            Totals = Totals(round, units, definition, template),
            Units = units,
            Directives = directives.Select(ToModel).ToList(),
            QrRows = qr.Select(q => new UnitQrRow
            {
                Unit = q.Unit,
                UnitName = q.UnitName,
                Ordinal = (int)q.Ordinal,
                Entity = q.Entity,
                QrCodes = q.QrCodes,
                QrScans = q.QrScans,
                Note = q.Note,
            }).ToList(),
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

    private async Task<(IReadOnlyList<UnitStatus> Units, string Template)> LoadAsync(Round round, TemplateDefinition? definition,
        CancellationToken cancellationToken)
    {
        var rows = await _store.UnitsAsync(round.Code, cancellationToken);
        var cutoff = Cutoff(round);
        var units = rows.Select(r =>
        {
            var received = r.FirstReceived is null ? (DateTimeOffset?)null : SubmissionStore.ParseInstant(r.FirstReceived).ToOffset(ProvinceOffset);
            var reported = r.SubmissionId is not null;
            var view = FigureView.Of(r.TemplateId ?? round.Template, definition, r.Figures);
            return new UnitStatus
            {
                Unit = r.Code,
                Name = r.Name,
                Type = r.Type,
                Status = !reported || received is null ? UnitStatuses.Missing : received < cutoff ? UnitStatuses.OnTime : UnitStatuses.Late,
                ReceivedAt = reported ? received : null,
                SubmissionId = r.SubmissionId,
                Figures = view.Figures,
                Directives = view.Directives,
                QrCodes = view.QrCodes,
                QrScans = view.QrScans,
            };
        }).ToList();
        // A round's reports are all read with its template; the round records which.
        var template = round.Template;
        return (units, template);
    }

    private static UnitTableRow ToModel(CurrentTableRow row) => new()
    {
        Unit = row.Unit,
        UnitName = row.UnitName,
        Section = row.Section,
        Seq = (int)row.Seq,
        Values = RowValuesJson.Read(row.RowValues),
    };

    private static UnitDirective ToModel(CurrentDirectiveRow d) => new()
    {
        Unit = d.Unit,
        UnitName = d.UnitName,
        Ordinal = (int)d.Ordinal,
        Content = d.Content,
        DocumentNumber = d.DocumentNumber,
        DocumentSymbol = d.DocumentSymbol,
        DocumentDate = ReferenceStore.ParseDate(d.DocumentDate),
        CitationText = d.CitationText,
        IssuingUnit = d.IssuingUnit,
        Recipients = (d.Recipients ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
    };
}
