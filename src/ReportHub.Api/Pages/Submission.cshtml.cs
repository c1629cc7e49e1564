using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Pages;

/// <summary>One stored submission shown back as its grid, with the issues recorded when it was received.</summary>
public sealed class SubmissionModel(SubmissionStore store) : PageModel
{
    public SubmissionRecord? Submission { get; private set; }
    public ReportGridView? Grid { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } s)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (!User.MaySee(s.UnitCode))
        {
            return Redirect("/forbidden");
        }
        Submission = s;
        var bytes = s.FileKept ? await store.FileAsync(id, ct) : null;
        Grid = ReportGrid.Build(bytes, s.FileName, s.Issues.Select(IssueDto.From).ToList(), s.Sheet, ct);
        return Page();
    }
}
