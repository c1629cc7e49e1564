using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>
/// Editing an open round: the form holds exactly the stored rule, "Xem trước" shows the units the edit leaves
/// expected (and which it takes out), and "Lưu thay đổi" saves only the list that was shown.
/// </summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class EditModel(RoundService rounds, ReferenceStore reference, AuditLog audit) : PageModel
{
    public Round? Round { get; private set; }
    public RoundForm Form { get; private set; } = new();
    public IReadOnlyList<RoundProblem> Problems { get; private set; } = [];
    public RoundPreview? Preview { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Round = await rounds.GetAsync(code, ct);
        if (Round is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Form = RoundForm.Of(Round);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string code, RoundForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await PlanAsync(code, form, ct) is { } planned)
        {
            Preview = await RoundPreview.BuildAsync(reference, planned.ExpectedUnits, Round!.ExpectedUnits, changed: false, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, RoundForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await PlanAsync(code, form, ct) is not { } planned)
        {
            return Page();
        }
        var preview = await RoundPreview.BuildAsync(reference, planned.ExpectedUnits, Round!.ExpectedUnits, changed: false, ct);
        if (form.Previewed != preview.Codes)
        {
            // Saved only as shown: a box changed after the preview (or no preview at all) shows the new list first.
            Preview = preview with { Changed = form.Previewed is not null };
            return Page();
        }
        var edit = await rounds.EditAsync(code, form.ToDraft(), ct);
        if (edit.Round is not { } round)
        {
            Fail(edit);
            return Page();
        }
        await audit.WriteAsync(User.Actor(), AuditActions.RoundEdited, round.Code,
            $"{round.Title}; công văn {round.RequestDocument} ngày {round.RequestDate:yyyy-MM-dd}; hạn {round.Deadline:yyyy-MM-dd}; {round.ExpectedUnits.Count} đơn vị", ct);
        TempData.SetNotice($"Đã lưu thay đổi của đợt {round.Code}: {round.ExpectedUnits.Count} đơn vị phải báo cáo, hạn nộp {round.Deadline:dd/MM/yyyy}.");
        return Redirect($"/rounds/{Uri.EscapeDataString(round.Code)}");
    }

    /// <summary>The round as the form would save it, or null with <see cref="Problems"/> and the status set.</summary>
    private async Task<Round?> PlanAsync(string code, RoundForm form, CancellationToken ct)
    {
        Round = await rounds.GetAsync(code, ct);
        Form = form with { Code = Round?.Code, Template = Round?.Template };
        var planned = await rounds.PreviewEditAsync(code, form.ToDraft(), ct);
        if (Round is not null && !Round.Closed && form.ChoosesNothing)
        {
            Problems = [.. planned.Problems, IndexModel.NothingChosen];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return null;
        }
        if (planned.Round is null)
        {
            Fail(planned);
        }
        return planned.Round;
    }

    private void Fail(RoundEdit edit)
    {
        Problems = edit.Problems;
        Response.StatusCode = edit.NotFound ? StatusCodes.Status404NotFound
            : edit.Closed ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
    }
}
