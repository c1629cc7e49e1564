using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;

namespace ReportHub.Api.Pages;

/// <summary>The home address sends each person to where their work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.IsAnalyst() ? "/rounds" : User.IsDepartment() ? "/unit" : "/templates");
}
