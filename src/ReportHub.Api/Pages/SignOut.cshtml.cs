using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Pages;

/// <summary>Sign-out is a POST with the antiforgery token: a link elsewhere cannot sign a person out.</summary>
public sealed class SignOutModel(AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        await AccessRegistration.SignOutAsync(HttpContext);
        if (signedIn)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.SignOut, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, null, ct);
        }
        return Redirect(AccessRegistration.SignInPath);
    }
}
