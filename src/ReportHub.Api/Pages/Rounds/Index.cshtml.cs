using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>
/// The analyst's list of rounds and the form that opens a new one: "Xem trước" shows the units it would expect,
/// "Mở đợt báo cáo" saves exactly those. Closing goes through its own confirmation page; reopening takes nothing away.
/// </summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class IndexModel(RoundService rounds, RollupService rollups, ReferenceStore reference, AuditLog audit) : PageModel
{
    /// <summary>A round and how many of its units reported; null when its stored template no longer loads.</summary>
    public sealed record RoundLine(Round Round, int? Reported);

    public IReadOnlyList<RoundLine> Rounds { get; private set; } = [];
    public IReadOnlyList<string> Templates { get; private set; } = [];
    public IReadOnlyList<RoundProblem> Problems { get; private set; } = [];
    public RoundForm Form { get; private set; } = new() { Types = [UnitTypes.Department, UnitTypes.District] };

    /// <summary>The units the form would make expected, once previewed without problems.</summary>
    public RoundPreview? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(RoundForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        Form = form;
        if (await PlanAsync(form, ct) is { } planned)
        {
            Preview = await RoundPreview.BuildAsync(reference, planned.ExpectedUnits, before: null, changed: false, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(RoundForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        Form = form;
        if (await PlanAsync(form, ct) is not { } planned)
        {
            await LoadAsync(ct);
            return Page();
        }
        var preview = await RoundPreview.BuildAsync(reference, planned.ExpectedUnits, before: null, changed: false, ct);
        if (form.Previewed != preview.Codes)
        {
            // Saved only as shown: a box changed after the preview (or no preview at all) shows the new list first.
            Preview = preview with { Changed = form.Previewed is not null };
            await LoadAsync(ct);
            return Page();
        }
        var created = await rounds.CreateAsync(form.ToDraft(), ct);
        if (created.Round is not { } round)
        {
            Problems = created.Problems;
            Response.StatusCode = created.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        await audit.WriteAsync(User.Actor(), AuditActions.RoundCreated, round.Code, AuditDetails.RoundCreated(round), ct);
        TempData.SetNotice($"Đã mở đợt {round.Code} với {round.ExpectedUnits.Count} đơn vị phải báo cáo.");
        return Redirect("/rounds");
    }

    public async Task<IActionResult> OnPostReopenAsync(string code, CancellationToken ct)
    {
        if (await rounds.SetClosedAsync(code, false, ct) is null)
        {
            Problems = [new RoundProblem("code", $"Không có đợt báo cáo mã “{code}”. Hãy tải lại trang.")];
            Response.StatusCode = StatusCodes.Status404NotFound;
            await LoadAsync(ct);
            return Page();
        }
        await audit.WriteAsync(User.Actor(), AuditActions.RoundReopened, code, null, ct);
        TempData.SetNotice($"Đã mở lại đợt {code}: đơn vị gửi báo cáo cho đợt này được trở lại.");
        return Redirect("/rounds");
    }

    /// <summary>The round the form would open, or null with <see cref="Problems"/> and the status set.</summary>
    private async Task<Round?> PlanAsync(RoundForm form, CancellationToken ct)
    {
        var planned = await rounds.PreviewCreateAsync(form.ToDraft(), ct);
        if (form.ChoosesNothing)
        {
            // The API and CLI fall back to departments and districts; a form with every box cleared means no choice yet.
            Problems = [.. planned.Problems, NothingChosen];
            Response.StatusCode = planned.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return null;
        }
        if (planned.Round is null)
        {
            Problems = planned.Problems;
            Response.StatusCode = planned.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }
        return planned.Round;
    }

    internal static readonly RoundProblem NothingChosen = new("expected",
        "Chưa chọn đơn vị phải báo cáo. Hãy đánh dấu ít nhất một loại đơn vị, hoặc ghi mã đơn vị cấp trên, hoặc liệt kê mã từng đơn vị.");

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<RoundLine>();
        foreach (var round in (await rounds.ListAsync(ct)).OrderByDescending(r => r.Deadline))
        {
            try
            {
                var units = await rollups.UnitsAsync(round, ct);
                list.Add(new RoundLine(round, units.Count(u => u.Status != UnitStatuses.Missing)));
            }
            catch (Warehouse.Templates.BrokenTemplateException)
            {
                // One round on a broken template must not hide the others; its own pages say why.
                list.Add(new RoundLine(round, null));
            }
        }
        Rounds = list;
        Templates = await rounds.KnownTemplatesAsync(ct);
    }
}
