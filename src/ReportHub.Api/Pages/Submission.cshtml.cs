using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Api.Pages;

/// <summary>One stored submission shown back as its grid, with the issues recorded when it was received.</summary>
public sealed class SubmissionModel(SubmissionStore store, TemplateStore templates) : PageModel
{
    public SubmissionRecord? Submission { get; private set; }
    public ReportGridView? Grid { get; private set; }

    /// <summary>The figures stored for it, labelled by the template it was read with; null when it was not accepted.</summary>
    public IReadOnlyList<ReadFigure>? Figures { get; private set; }

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
        if (s.Outcome != "rejected")
        {
            var definition = s.TemplateId is null ? null : await templates.DefinitionAsync(s.TemplateId, s.TemplateVersion, ct);
            Figures = ReadFigures.Of(definition, Core.Measures.FigureView.Of(definition, s.Figures).Figures);
        }
        return Page();
    }
}
