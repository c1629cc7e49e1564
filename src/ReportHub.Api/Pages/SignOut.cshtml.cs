using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;

namespace ReportHub.Api.Pages;

/// <summary>Sign-out is a POST with the antiforgery token: a link elsewhere cannot sign a person out.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await AccessRegistration.SignOutAsync(HttpContext);
        return Redirect(AccessRegistration.SignInPath);
    }
}
