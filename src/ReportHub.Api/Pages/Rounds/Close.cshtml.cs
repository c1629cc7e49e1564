using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>
/// Closing a round, asked first: the page says what closing does and closes only when its button is pressed, so a
/// slip on the list closes nothing. Works without script.
/// </summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class CloseModel(RoundService rounds, AuditLog audit) : PageModel
{
    public Round? Round { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Round = await rounds.GetAsync(code, ct);
        if (Round is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await rounds.GetAsync(code, ct) is not { } round)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!round.Closed)
        {
            await rounds.SetClosedAsync(round.Code, true, ct);
            await audit.WriteAsync(User.Actor(), AuditActions.RoundClosed, round.Code, null, ct);
        }
        TempData.SetNotice($"Đã đóng đợt {round.Code}: đơn vị không gửi báo cáo cho đợt này được nữa.");
        return Redirect("/rounds");
    }
}
