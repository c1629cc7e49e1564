using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Reviews;
using ReportHub.Pipeline.Rounds;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>One round for an analyst: completeness, provincial totals, charts, the per-unit table, and a link to editing an open round.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class DashboardModel(ReferenceStore reference, RollupService rollups, RoundService rounds, AuditLog audit,
    RoundUpgrader upgrader, TemplateStore templates, TimeProvider clock, ReviewService reviews) : PageModel
{
    // --- Review of each unit's current report: the column, its filter and the approve / return / pending actions.

    /// <summary>The per-unit table's review filter (<c>?review=</c>): pending, approved or returned.</summary>
    [BindProperty(SupportsGet = true, Name = "review")]
    public string? UnitReviewFilter { get; set; }

    /// <summary>Why the review just asked for was refused (shown above the per-unit table).</summary>
    public string? ReviewProblem { get; private set; }

    /// <summary>The review filter's choices, by the value the address carries.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> ReviewChoices =
    [
        (ReviewStates.Pending, "Chờ duyệt"),
        (ReviewStates.Approved, "Đã duyệt"),
        (ReviewStates.Returned, "Trả lại"),
    ];

    public static string ReviewBadge(string? state) => state switch
    {
        ReviewStates.Approved => "badge-ok",
        ReviewStates.Returned => "badge-warn",
        _ => "badge-muted",
    };

    public async Task<IActionResult> OnPostReviewAsync(string code, long submission, string? state, string? comment, CancellationToken ct)
    {
        var outcome = await reviews.SetAsync(submission, state, comment, User.Actor(), ct);
        if (outcome.Failure is null)
        {
            var unit = outcome.Submission!.UnitCode;
            TempData.SetNotice(outcome.Review!.State switch
            {
                ReviewStates.Approved => $"Đã duyệt báo cáo #{submission} của đơn vị {unit}; số liệu của đơn vị trong đợt được chốt.",
                ReviewStates.Returned => $"Đã trả lại báo cáo #{submission} cho đơn vị {unit} kèm nhận xét; đơn vị sẽ thấy nhận xét trên trang của mình.",
                _ => $"Đã chuyển báo cáo #{submission} của đơn vị {unit} về chờ duyệt; đơn vị gửi được bản mới.",
            });
            return Redirect($"/rounds/{Uri.EscapeDataString(code)}#units-heading");
        }
        await LoadAsync(code, ct);
        ReviewProblem = outcome.Problem;
        Response.StatusCode = outcome.Failure switch
        {
            ReviewFailure.NotFound => StatusCodes.Status404NotFound,
            ReviewFailure.NotCurrent => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    // --- End of review.

    public Round? Round { get; private set; }
    public RoundTotals? Totals { get; private set; }
    public TemplateDefinition? Template { get; private set; }
    public IReadOnlyList<UnitStatus> Units { get; private set; } = [];

    /// <summary>Rows a page of the per-unit table: a province's departments and districts fit on one.</summary>
    public const int UnitPageSize = 100;
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

    /// <summary>The completeness tiles as the page was read; the script polls for newer ones.</summary>
    public RoundProgress.Tiles? Tiles { get; private set; }

    /// <summary>When the page's numbers were read.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    public bool PastDeadline => Tiles?.PastDeadline == true;

    /// <summary>Words looked for in the per-unit table's codes and names (<c>?q=</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? UnitText { get; set; }

    /// <summary>The per-unit table's status filter (<c>?status=</c>): onTime, late, missing (not yet reported, overdue or not) or overdue.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? UnitStatusFilter { get; set; }

    /// <summary>The status filter's choices, by the value the address carries.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> StatusChoices =
    [
        (UnitStatuses.OnTime, "Nộp đúng hạn"),
        (UnitStatuses.Late, "Nộp trễ hạn"),
        (UnitStatuses.Missing, "Chưa gửi (kể cả quá hạn)"),
        (Display.Overdue, "Quá hạn, chưa gửi"),
    ];

    /// <summary>The per-unit rows that match the filters, before paging.</summary>
    public IReadOnlyList<UnitStatus> FilteredUnits { get; private set; } = [];

    /// <summary>The rows of the per-unit table's current page.</summary>
    public IReadOnlyList<UnitStatus> ShownUnits { get; private set; } = [];

    public Pager? UnitPager { get; private set; }

    public bool UnitsFiltered => !string.IsNullOrWhiteSpace(UnitText) || !string.IsNullOrWhiteSpace(UnitStatusFilter) || !string.IsNullOrWhiteSpace(UnitReviewFilter);

    /// <summary>The status the page shows for a unit: missing past the deadline reads as overdue.</summary>
    public string StatusOf(UnitStatus unit) => Display.PageStatus(unit.Status, PastDeadline);

    /// <summary>Whether a unit matches the per-unit table's filters: its code or name holds the words, and its status is the one asked for.</summary>
    public static bool Matches(UnitStatus unit, string? text, string? status, bool pastDeadline)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var shown = Display.PageStatus(unit.Status, pastDeadline);
        var statusMatches = string.IsNullOrWhiteSpace(status)
            || status == shown
            || (status == UnitStatuses.Missing && shown == Display.Overdue);
        return statusMatches && (TextSearch.Contains(unit.Unit, text) || TextSearch.Contains(unit.Name, text));
    }

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

    // Reminders (begin): the "Gửi nhắc nhở" button and its answer; the service comes with the handler, not the class.

    /// <summary>What the reminders just sent did: units mailed, units skipped with why.</summary>
    public Pipeline.Reminders.ReminderRun? ReminderResult { get; private set; }

    /// <summary>Why no reminder could be sent at all (mail not configured, the round closed).</summary>
    public string? ReminderProblem { get; private set; }

    public async Task<IActionResult> OnPostRemindAsync(string code, [FromServices] Pipeline.Reminders.ReminderService reminders, CancellationToken ct)
    {
        var round = await reference.RoundAsync(code, ct);
        if (round is not null && reminders.ConfigurationProblem is null && !round.Closed)
        {
            ReminderResult = await reminders.SendNowAsync(round, ct);
            await audit.WriteAsync(User.Actor(), AuditActions.RemindersSent, round.Code,
                Pipeline.Reminders.ReminderService.AuditDetail(Pipeline.Reminders.ReminderKinds.Manual, ReminderResult), ct);
        }
        await LoadAsync(code, ct);
        if (round is null)
        {
            return Page();
        }
        ReminderProblem = reminders.ConfigurationProblem
            ?? (round.Closed ? $"Đợt {round.Code} đã đóng nên không gửi thư nhắc. Hãy mở lại đợt nếu cần." : null);
        if (ReminderProblem is not null)
        {
            Response.StatusCode = round.Closed && reminders.ConfigurationProblem is null ? StatusCodes.Status409Conflict : StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }

    // Reminders (end).

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
        ReadAt = clock.GetUtcNow();
        Tiles = Totals is null ? null : RoundProgress.Of(Round, Totals, ReadAt);
        var past = PastDeadline;
        FilteredUnits = [.. Units.Where(u => Matches(u, UnitText, UnitStatusFilter, past)
            && (string.IsNullOrWhiteSpace(UnitReviewFilter) || u.Review?.State == UnitReviewFilter))];
        UnitPager = Pager.For(Request, "page", "size", FilteredUnits.Count, UnitPageSize, fragment: "units-heading");
        ShownUnits = UnitPager.Slice(FilteredUnits);
        Figures = Template is null
            ? (Totals?.Figures.Keys ?? []).Select(k => (k, k, false)).ToList()
            : [.. Template.Measures.Select(m => (m.Key, m.Label, false)), .. Template.Indicators.Select(i => (i.Key, i.Label, true))];
    }
}
