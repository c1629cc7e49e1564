using ReportHub.Core.Measures;
using ReportHub.Core.Templates;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Rollups;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Aggregate.Rollups;

/// <summary>
/// Round figures by CONTRACT §2: only each unit's current accepted submission counts, and timeliness comes from
/// the unit's first accepted receipt. Figures are the ones stored at ingest (<see cref="RollupStore"/>).
/// </summary>
public sealed class RollupService(Db db, ReferenceStore reference, TimeProvider clock)
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

    public static DateTimeOffset Cutoff(Round round) =>
        new DateTimeOffset(round.Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue), ProvinceOffset);

    public async Task<IReadOnlyList<UnitStatus>?> UnitsAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        return round is null ? null : await UnitsAsync(round, cancellationToken);
    }

    public async Task<IReadOnlyList<UnitStatus>> UnitsAsync(Round round, CancellationToken cancellationToken) =>
        (await LoadAsync(round, cancellationToken)).Units;

    /// <summary>
    /// The round's totals by its template: each measure aggregated as the definition says, and each indicator computed
    /// from those aggregates (a ratio of sums, never a mean of the units' own ratios). An indicator whose denominator
    /// is zero is left out rather than shown as a number.
    /// </summary>
    public async Task<RoundTotals?> TotalsAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        // Shipped definitions only, for now: a template registered at run time is read by the pipeline, and its
        // measures are summed here until the rollups can ask the registry.
        var definition = TemplateCatalog.Find(round.Template);
        var aggregates = definition is null || definition.Measures.Count == 0
            ? CovidAggregates
            : definition.Measures.ToDictionary(m => m.Key, m => m.Aggregate switch
            {
                Core.Templates.Aggregate.Min => MeasureAggregate.Min,
                Core.Templates.Aggregate.Max => MeasureAggregate.Max,
                _ => MeasureAggregate.Sum,
            });
        var (units, _) = await LoadAsync(round, cancellationToken);
        var totals = Totals(round, units, aggregates) with { Template = round.Template };
        if (definition is null || definition.Indicators.Count == 0)
        {
            return totals;
        }
        var figures = new Dictionary<string, decimal>(totals.Figures);
        foreach (var (key, value) in Indicators.Compute(definition, totals.Figures))
        {
            if (value is { } known)
            {
                figures[key] = Math.Round(known, 2, MidpointRounding.AwayFromZero);
            }
        }
        return totals with { Figures = new MeasureFigures(figures) };
    }

    /// <summary>The round's totals, each measure aggregated as <paramref name="aggregates"/> says (unnamed ones are summed).</summary>
    public async Task<RoundTotals?> TotalsAsync(string roundCode, IReadOnlyDictionary<string, MeasureAggregate> aggregates,
        CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var (units, template) = await LoadAsync(round, cancellationToken);
        return Totals(round, units, aggregates) with { Template = template };
    }

    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units) => Totals(round, units, CovidAggregates);

    public static RoundTotals Totals(Round round, IReadOnlyList<UnitStatus> units, IReadOnlyDictionary<string, MeasureAggregate> aggregates)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(units);
        var figures = FigureTotals.Aggregate(units.Where(u => u.SubmissionId is not null).Select(u => u.Figures), aggregates);
        return new RoundTotals
        {
            Round = round.Code,
            UnitsExpected = round.ExpectedUnits.Count,
            UnitsReported = units.Count(u => u.Status != UnitStatuses.Missing),
            UnitsOnTime = units.Count(u => u.Status == UnitStatuses.OnTime),
            UnitsLate = units.Count(u => u.Status == UnitStatuses.Late),
            UnitsMissing = units.Count(u => u.Status == UnitStatuses.Missing),
            Figures = figures,
            // Held at the long bounds: a warehouse may hold figures stored before counts were bounded, and totals
            // must still answer.
            Directives = FigureTotals.Count(figures, ReportTables.DirectivesMeasure),
            QrCodes = FigureTotals.Count(figures, ReportTables.QrCodesMeasure),
            QrScans = FigureTotals.Count(figures, ReportTables.QrScansMeasure),
        };
    }

    public async Task<ConsolidatedData?> ConsolidatedAsync(string roundCode, CancellationToken cancellationToken)
    {
        var round = await reference.RoundAsync(roundCode, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var (units, template) = await LoadAsync(round, cancellationToken);
        var directives = await _store.DirectivesAsync(round.Code, cancellationToken);
        var qr = await _store.QrRowsAsync(round.Code, cancellationToken);
        var narratives = await _store.NarrativesAsync(round.Code, cancellationToken);
        return new ConsolidatedData
        {
            Round = round,
            Totals = Totals(round, units) with { Template = template },
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
            ProvinceHeading = "UBND TỈNH QUẢNG NGÃI",
            AuthorityHeading = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            GeneratedAt = clock.GetUtcNow().ToOffset(ProvinceOffset),
        };
    }

    private async Task<(IReadOnlyList<UnitStatus> Units, string Template)> LoadAsync(Round round, CancellationToken cancellationToken)
    {
        var rows = await _store.UnitsAsync(round.Code, cancellationToken);
        var cutoff = Cutoff(round);
        var units = rows.Select(r =>
        {
            var received = r.FirstReceived is null ? (DateTimeOffset?)null : SubmissionStore.ParseInstant(r.FirstReceived).ToOffset(ProvinceOffset);
            var reported = r.SubmissionId is not null;
            return new UnitStatus
            {
                Unit = r.Code,
                Name = r.Name,
                Type = r.Type,
                Status = !reported || received is null ? UnitStatuses.Missing : received < cutoff ? UnitStatuses.OnTime : UnitStatuses.Late,
                ReceivedAt = reported ? received : null,
                SubmissionId = r.SubmissionId,
                Figures = r.Figures,
                Directives = FigureTotals.Count(r.Figures, ReportTables.DirectivesMeasure),
                QrCodes = FigureTotals.Count(r.Figures, ReportTables.QrCodesMeasure),
                QrScans = FigureTotals.Count(r.Figures, ReportTables.QrScansMeasure),
            };
        }).ToList();
        // A round's reports are all read with its template; the submissions say which until rounds record it.
        var template = rows.Select(r => r.TemplateId).FirstOrDefault(t => t is not null) ?? DefaultTemplate;
        return (units, template);
    }

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
