using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Warehouse.Reviews;

namespace ReportHub.Api.Pages;

/// <summary>
/// Closes one notice of the signed-in person's pages (a POST with the antiforgery token, so it works without script)
/// and goes back to the page it was closed on.
/// </summary>
[Authorize]
public sealed class NoticesModel(ReviewStore reviews, TimeProvider clock) : PageModel
{
    /// <summary>Longer than any key the notices make; anything longer is not one of ours.</summary>
    private const int MaxKey = 200;

    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? key, string? returnUrl, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(key) && key.Length <= MaxKey)
        {
            await reviews.DismissAsync(User.Actor(), key, clock.GetUtcNow(), ct);
        }
        // Only a path of this site: a link elsewhere must not use the form to send a person away.
        return Redirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
