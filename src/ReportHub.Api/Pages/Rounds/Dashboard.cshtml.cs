using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>One round for an analyst: completeness, provincial totals, charts, the per-unit table, and a link to editing an open round.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class DashboardModel(ReferenceStore reference, RollupService rollups, RoundService rounds, AuditLog audit,
    RoundUpgrader upgrader, TemplateStore templates) : PageModel
{
    public Round? Round { get; private set; }
    public RoundTotals? Totals { get; private set; }
    public TemplateDefinition? Template { get; private set; }
    public IReadOnlyList<UnitStatus> Units { get; private set; } = [];
    public string? AddUnitProblem { get; private set; }
    public string? AddUnitCode { get; private set; }

    /// <summary>Registered versions of the round's template newer than the round's: what it can be moved to.</summary>
    public IReadOnlyList<int> NewerVersions { get; private set; } = [];

    /// <summary>The unit-by-unit answer of the upgrade just asked for, applied or refused.</summary>
    public RoundUpgrade? Upgrade { get; private set; }

    /// <summary>Why the upgrade just asked for was refused.</summary>
    public string? UpgradeProblem { get; private set; }

    public IEnumerable<UnitStatus> Late => Units.Where(u => u.Status == UnitStatuses.Late);
    public IEnumerable<UnitStatus> Missing => Units.Where(u => u.Status == UnitStatuses.Missing);

    /// <summary>The columns of figures: the template's measures, then its indicators, by key and Vietnamese label.</summary>
    public IReadOnlyList<(string Key, string Label, bool Indicator)> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpgradeAsync(string code, int? version, bool force, CancellationToken ct)
    {
        if (version is not { } to)
        {
            await LoadAsync(code, ct);
            UpgradeProblem = "Chưa chọn phiên bản cần nâng lên. Hãy chọn một phiên bản trong danh sách rồi bấm “Nâng phiên bản”.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var outcome = await upgrader.UpgradeAsync(code, to, force, User.Actor(), ct);
        await LoadAsync(code, ct);
        Upgrade = outcome.Upgrade;
        if (outcome.Refusal == UpgradeRefusal.None)
        {
            TempData.SetNotice($"Đã nâng đợt {code} lên phiên bản {to} của biểu mẫu; số liệu tổng hợp, biểu mẫu trống và bảng tổng hợp dùng phiên bản này.");
            return Page();
        }
        UpgradeProblem = outcome.Message;
        Response.StatusCode = outcome.Refusal switch
        {
            UpgradeRefusal.NotFound => StatusCodes.Status404NotFound,
            UpgradeRefusal.UnknownVersion or UpgradeRefusal.NotNewer => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status409Conflict,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAddUnitAsync(string code, string? unit, CancellationToken ct)
    {
        var addition = await rounds.AddUnitAsync(code, unit, ct);
        if (addition.Problem is null)
        {
            var added = addition.Unit!;
            if (addition.Added)
            {
                await audit.WriteAsync(User.Actor(), AuditActions.RoundUnitAdded, addition.Round!.Code,
                    $"bổ sung đơn vị {added.Code} ({added.Name}); {addition.Round.ExpectedUnits.Count} đơn vị", ct);
            }
            var done = addition.Added
                ? $"Đã bổ sung {added.Name} ({added.Code}) vào đợt {addition.Round!.Code}: {addition.Round.ExpectedUnits.Count} đơn vị phải báo cáo."
                : $"{added.Name} ({added.Code}) đã thuộc danh sách đơn vị phải báo cáo của đợt {addition.Round!.Code}; không thay đổi gì.";
            TempData.SetNotice(done);
            return Redirect($"/rounds/{Uri.EscapeDataString(addition.Round.Code)}");
        }
        await LoadAsync(code, ct);
        AddUnitProblem = addition.Problem;
        AddUnitCode = unit;
        Response.StatusCode = addition.RoundNotFound || addition.UnitNotFound ? StatusCodes.Status404NotFound
            : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Round = await reference.RoundAsync(code, ct);
        if (Round is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Template = await rollups.DefinitionAsync(Round, ct);
        var current = Round.TemplateVersion;
        NewerVersions = [.. (await templates.VersionsAsync(Round.Template, ct)).Where(v => v > current)];
        Totals = await rollups.TotalsAsync(code, ct);
        Units = await rollups.UnitsAsync(Round, ct);
        Figures = Template is null
            ? (Totals?.Figures.Keys ?? []).Select(k => (k, k, false)).ToList()
            : [.. Template.Measures.Select(m => (m.Key, m.Label, false)), .. Template.Indicators.Select(i => (i.Key, i.Label, true))];
    }
}
