using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Pages.Admin;

/// <summary>The audit log for admins: filtered by actor, action, days and text, a page at a time, latest first.</summary>
[Authorize(Policy = AccessRegistration.AdminPolicy)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    /// <summary>Every action code the system writes, for the filter's list, in the order they are declared.</summary>
    public static readonly IReadOnlyList<string> Actions = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public Pager? Pager { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var filter = new AuditFilter { Actor = Actor, Action = Action, From = From, To = To, Text = Text };
        var (page, size) = Pager.Requested(Request, "page", "size");
        var (query, problem) = filter.ToQuery((page - 1) * size, size);
        if (query is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Pager = Pager.For(Request, "page", "size", 0);
            return Page();
        }
        var found = await audit.SearchAsync(query, ct);
        Pager = Pager.For(Request, "page", "size", found.Total);
        if (found.Entries.Count == 0 && found.Total > 0 && Pager.Offset != query.Offset)
        {
            // A page past the end (the log shrank to fewer pages, or the address was typed): show the last one.
            found = await audit.SearchAsync(query with { Offset = Pager.Offset }, ct);
        }
        Entries = found.Entries;
        return Page();
    }
}
