using System.Globalization;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Pipeline.Rounds;

/// <summary>An analyst's rounds: created once, closed to stop uploads, reopened to take them again.</summary>
public sealed class RoundService(ReferenceStore store, TemplateStore templateStore, ILogger<RoundService> logger)
{
    public async Task<RoundCreation> CreateAsync(RoundDraft draft, CancellationToken cancellationToken)
    {
        var planned = await PreviewCreateAsync(draft, cancellationToken);
        if (planned.Round is not { } round)
        {
            return planned;
        }
        // Pinned to the version registered now: a version registered later changes nothing in this round until an
        // analyst moves it (RoundUpgrader).
        round = round with { CreatedAt = DateTimeOffset.UtcNow, TemplateVersion = await templateStore.VersionForNewRoundAsync(round.Template, cancellationToken) };
        if (!await store.InsertRoundAsync(round, cancellationToken))
        {
            return Duplicate(round.Code);
        }
        logger.LogInformation("Created round {Round} ({Template} v{Version}) with {Units} expected units", round.Code, round.Template, round.TemplateVersion, round.ExpectedUnits.Count);
        return new RoundCreation { Round = await store.RoundAsync(round.Code, cancellationToken) };
    }

    /// <summary>
    /// Checks a new round and chooses its expected units exactly as <see cref="CreateAsync"/> would, and stores
    /// nothing: the round answered is what creating it now would save, for the analyst to look at first.
    /// </summary>
    public async Task<RoundCreation> PreviewCreateAsync(RoundDraft draft, CancellationToken cancellationToken)
    {
        var rounds = await store.RoundsAsync(cancellationToken);
        var code = draft.Code?.Trim();
        if (rounds.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return Duplicate(existing.Code);
        }
        var templates = await KnownTemplatesAsync(cancellationToken);
        var (round, problems) = RoundPlanner.Plan(draft, await store.UnitsAsync(cancellationToken), rounds, templates);
        return round is null ? new RoundCreation { Problems = problems } : new RoundCreation { Round = round };
    }

    /// <summary>
    /// Edits an open round's title, request document and date, deadline and expected units, checked as at creation;
    /// a field the draft leaves out keeps its value. The expected units are chosen again from the registry as of the
    /// (new) request date. The code and template stay: reports already filed in the round were read by that template.
    /// </summary>
    public async Task<RoundEdit> EditAsync(string code, RoundDraft draft, CancellationToken cancellationToken)
    {
        var planned = await PlanEditAsync(code, draft, cancellationToken);
        if (planned.Edit is not null)
        {
            return planned.Edit;
        }
        var (current, round) = (planned.Current!, planned.Round!);
        if (!await store.UpdateOpenRoundAsync(round with { CreatedAt = current.CreatedAt, TemplateVersion = current.TemplateVersion }, cancellationToken))
        {
            // Closed (or removed) between reading and writing.
            return await store.RoundAsync(code, cancellationToken) is null ? new RoundEdit { NotFound = true } : ClosedEdit(code);
        }
        logger.LogInformation("Edited round {Round}: deadline {Deadline}, {Units} expected units", round.Code, round.Deadline, round.ExpectedUnits.Count);
        return new RoundEdit { Round = await store.RoundAsync(code, cancellationToken) };
    }

    /// <summary>
    /// Checks an edit and chooses the expected units exactly as <see cref="EditAsync"/> would, and stores nothing: the
    /// round answered carries the units saving it now would leave expected, the hand-added ones included.
    /// </summary>
    public async Task<RoundEdit> PreviewEditAsync(string code, RoundDraft draft, CancellationToken cancellationToken)
    {
        var planned = await PlanEditAsync(code, draft, cancellationToken);
        if (planned.Edit is not null)
        {
            return planned.Edit;
        }
        var added = await store.AddedRoundUnitsAsync(code, cancellationToken);
        var round = planned.Round!;
        return new RoundEdit
        {
            Round = round with
            {
                CreatedAt = planned.Current!.CreatedAt,
                TemplateVersion = planned.Current.TemplateVersion,
                ExpectedUnits = [.. round.ExpectedUnits.Union(added, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            },
        };
    }

    private async Task<(RoundEdit? Edit, Round? Current, Round? Round)> PlanEditAsync(string code, RoundDraft draft, CancellationToken cancellationToken)
    {
        var rounds = await store.RoundsAsync(cancellationToken);
        if (rounds.FirstOrDefault(r => r.Code == code) is not { } current)
        {
            return (new RoundEdit { NotFound = true }, null, null);
        }
        if (current.Closed)
        {
            return (ClosedEdit(code), current, null);
        }
        var merged = new RoundDraft
        {
            Code = current.Code,
            Title = draft.Title ?? current.Title,
            Template = current.Template,
            RequestDocument = draft.RequestDocument ?? current.RequestDocument,
            RequestDate = draft.RequestDate ?? current.RequestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Deadline = draft.Deadline ?? current.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Expected = draft.Expected ?? current.Expected,
        };
        // The round's own request document is no clash with itself; any template id is kept as it was.
        var others = rounds.Where(r => r.Code != current.Code).ToList();
        var (round, problems) = RoundPlanner.Plan(merged, await store.UnitsAsync(cancellationToken), others, knownTemplates: null);
        return round is null ? (new RoundEdit { Problems = problems }, current, null) : (null, current, round);
    }

    /// <summary>Closes or reopens a round; null when there is no such round.</summary>
    public async Task<Round?> SetClosedAsync(string code, bool closed, CancellationToken cancellationToken)
    {
        if (!await store.SetClosedAsync(code, closed, cancellationToken))
        {
            return null;
        }
        logger.LogInformation("Round {Round} {Action}", code, closed ? "closed" : "reopened");
        return await store.RoundAsync(code, cancellationToken);
    }

    /// <summary>
    /// Adds one unit to a round's expected units outside its rule, typically an abolished district whose report the
    /// round still takes; the unit need not be active on the request date. Adding a unit already expected changes nothing.
    /// </summary>
    public async Task<RoundUnitAddition> AddUnitAsync(string code, string? unitCode, CancellationToken cancellationToken)
    {
        if (await store.RoundAsync(code, cancellationToken) is not { } round)
        {
            return new RoundUnitAddition { RoundNotFound = true, Problem = $"Không có đợt báo cáo mã “{code}”. Hãy xem các đợt hiện có trong danh sách đợt báo cáo." };
        }
        var wanted = VietnameseText.Clean(unitCode);
        var units = await store.UnitsAsync(cancellationToken);
        if (units.FirstOrDefault(u => string.Equals(u.Code, wanted, StringComparison.OrdinalIgnoreCase)) is not { } unit)
        {
            return new RoundUnitAddition
            {
                Round = round,
                UnitNotFound = true,
                Problem = wanted.Length == 0
                    ? "Chưa nhập mã đơn vị cần bổ sung vào đợt, ví dụ 51.524."
                    : $"Không có đơn vị mã “{wanted}” trong danh mục. Hãy kiểm tra mã đơn vị (ví dụ 51.SCT, 51.524).",
            };
        }
        if (round.Closed)
        {
            return new RoundUnitAddition
            {
                Round = round,
                Unit = unit,
                Closed = true,
                Problem = $"Đợt báo cáo “{code}” đã đóng nên không bổ sung được đơn vị. Hãy bấm “Mở lại” đợt này trên trang Đợt báo cáo rồi bổ sung, sau đó đóng lại nếu cần.",
            };
        }
        var added = await store.AddRoundUnitAsync(round.Code, unit.Code, DateTimeOffset.UtcNow, cancellationToken);
        if (added)
        {
            logger.LogInformation("Added unit {Unit} to round {Round} by hand", unit.Code, round.Code);
        }
        return new RoundUnitAddition { Round = await store.RoundAsync(round.Code, cancellationToken), Unit = unit, Added = added };
    }

    public Task<IReadOnlyList<Round>> ListAsync(CancellationToken cancellationToken) => store.RoundsAsync(cancellationToken);

    /// <summary>One round by its code; null when there is none.</summary>
    public Task<Round?> GetAsync(string code, CancellationToken cancellationToken) => store.RoundAsync(code, cancellationToken);

    /// <summary>The templates registered in the warehouse and those built into the application.</summary>
    public async Task<IReadOnlyList<string>> KnownTemplatesAsync(CancellationToken cancellationToken) =>
        (await store.TemplateIdsAsync(cancellationToken)).Concat(TemplateCatalog.Templates.Select(t => t.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static RoundEdit ClosedEdit(string code) => new()
    {
        Closed = true,
        Problems = [new("closed", $"Đợt báo cáo “{code}” đã đóng nên không sửa được. Hãy bấm “Mở lại” đợt này trên trang Đợt báo cáo rồi sửa, sau đó đóng lại nếu cần.")],
    };

    private static RoundCreation Duplicate(string code) => new()
    {
        Duplicate = true,
        Problems = [new("code", $"Đã có đợt báo cáo mã “{code}”. Hãy chọn mã khác, hoặc dùng đợt đã có trong danh sách đợt báo cáo.")],
    };
}
