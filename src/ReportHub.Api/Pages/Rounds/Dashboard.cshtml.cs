using System.Globalization;
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

/// <summary>One round for an analyst: completeness, provincial totals, charts, the per-unit table, and editing an open round.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class DashboardModel(ReferenceStore reference, RollupService rollups, RoundService rounds, AuditLog audit,
    RoundUpgrader upgrader, TemplateStore templates, TimeProvider clock) : PageModel
{
    /// <summary>The edit form's fields, as typed; dates as the browser's date input sends them (yyyy-MM-dd).</summary>
    public sealed record EditForm
    {
        public string? Title { get; init; }
        public string? RequestDocument { get; init; }
        public string? RequestDate { get; init; }
        public string? Deadline { get; init; }
        public IReadOnlyList<string> Types { get; init; } = [];
        public string? Parents { get; init; }
        public string? Units { get; init; }
    }

    public Round? Round { get; private set; }
    public RoundTotals? Totals { get; private set; }
    public TemplateDefinition? Template { get; private set; }
    public IReadOnlyList<UnitStatus> Units { get; private set; } = [];

    /// <summary>Rows a page of the per-unit table: a province's departments and districts fit on one.</summary>
    public const int UnitPageSize = 100;
    public EditForm Form { get; private set; } = new();
    public IReadOnlyList<RoundProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
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

    public bool UnitsFiltered => !string.IsNullOrWhiteSpace(UnitText) || !string.IsNullOrWhiteSpace(UnitStatusFilter);

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

    public async Task<IActionResult> OnGetAsync(string code, string? done, CancellationToken ct)
    {
        Message = done;
        await LoadAsync(code, ct);
        if (Round is { } round)
        {
            Form = FormOf(round);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string code, EditForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var draft = new RoundDraft
        {
            // Every field is posted: an emptied box is a missing value, which the checks name, not "keep as is".
            Title = form.Title ?? "",
            RequestDocument = form.RequestDocument ?? "",
            RequestDate = form.RequestDate ?? "",
            Deadline = form.Deadline ?? "",
            Expected = new RoundExpectation
            {
                Types = form.Types.Count > 0 ? form.Types : null,
                Parents = Split(form.Parents),
                Units = Split(form.Units),
            },
        };
        var edit = await rounds.EditAsync(code, draft, ct);
        if (edit.Round is { } round)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.RoundEdited, round.Code,
                $"{round.Title}; công văn {round.RequestDocument} ngày {round.RequestDate:yyyy-MM-dd}; hạn {round.Deadline:yyyy-MM-dd}; {round.ExpectedUnits.Count} đơn vị", ct);
            return Redirect($"/rounds/{Uri.EscapeDataString(round.Code)}?done=" + Uri.EscapeDataString($"Đã lưu thay đổi của đợt {round.Code}: {round.ExpectedUnits.Count} đơn vị phải báo cáo, hạn nộp {round.Deadline:dd/MM/yyyy}."));
        }
        await LoadAsync(code, ct);
        Form = form;
        Problems = edit.Problems;
        Response.StatusCode = edit.NotFound ? StatusCodes.Status404NotFound
            : edit.Closed ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
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
        if (Round is not null)
        {
            Form = FormOf(Round);
        }
        Upgrade = outcome.Upgrade;
        if (outcome.Refusal == UpgradeRefusal.None)
        {
            Message = $"Đã nâng đợt {code} lên phiên bản {to} của biểu mẫu; số liệu tổng hợp, biểu mẫu trống và bảng tổng hợp dùng phiên bản này.";
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
            return Redirect($"/rounds/{Uri.EscapeDataString(addition.Round.Code)}?done=" + Uri.EscapeDataString(done));
        }
        await LoadAsync(code, ct);
        if (Round is { } round)
        {
            Form = FormOf(round);
        }
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
        ReadAt = clock.GetUtcNow();
        Tiles = Totals is null ? null : RoundProgress.Of(Round, Totals, ReadAt);
        var past = PastDeadline;
        FilteredUnits = [.. Units.Where(u => Matches(u, UnitText, UnitStatusFilter, past))];
        UnitPager = Pager.For(Request, "page", "size", FilteredUnits.Count, UnitPageSize, fragment: "units-heading");
        ShownUnits = UnitPager.Slice(FilteredUnits);
        Figures = Template is null
            ? (Totals?.Figures.Keys ?? []).Select(k => (k, k, false)).ToList()
            : [.. Template.Measures.Select(m => (m.Key, m.Label, false)), .. Template.Indicators.Select(i => (i.Key, i.Label, true))];
    }

    private static EditForm FormOf(Round round) => new()
    {
        Title = round.Title,
        RequestDocument = round.RequestDocument,
        RequestDate = round.RequestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Deadline = round.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Types = round.Expected?.Types ?? [],
        Parents = round.Expected?.Parents is { } parents ? string.Join(", ", parents) : null,
        Units = round.Expected?.Units is { } units ? string.Join(", ", units) : null,
    };

    private static List<string>? Split(string? text) =>
        text?.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? [.. parts] : null;
}
