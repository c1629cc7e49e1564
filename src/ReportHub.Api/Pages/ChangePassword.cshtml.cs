using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Pages;

/// <summary>
/// Anyone signed in with a password changes it here. The account's other sessions end (a stolen cookie with them);
/// this browser gets a new session at once, so the person stays signed in.
/// </summary>
public sealed class ChangePasswordModel(AccountService accounts, AuditLog audit) : PageModel
{
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet() => IsPerson() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        if (!IsPerson())
        {
            return Forbid();
        }
        var userName = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
        {
            return Refused("Hãy nhập mật khẩu hiện tại và mật khẩu mới.");
        }
        if (!string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            return Refused("Hai lần nhập mật khẩu mới không giống nhau.");
        }
        var result = await accounts.ChangePasswordAsync(userName, currentPassword, newPassword, ct);
        if (!result.Succeeded)
        {
            return Refused(result.Error!);
        }
        await audit.WriteAsync(User.Actor(), AuditActions.PasswordChanged, userName, "các phiên đăng nhập khác đã kết thúc", ct);
        // The change ended every session, this one too: a new one under the new stamp keeps this browser signed in.
        var user = await accounts.FindAsync(userName, ct);
        await AccessRegistration.SignInAsync(HttpContext, user!);
        Done = true;
        return Page();
    }

    /// <summary>Keys have no password: only a cookie session names an account that has one.</summary>
    private bool IsPerson() => User.Identity is { IsAuthenticated: true, AuthenticationType: AccessClaims.CookieScheme };

    private PageResult Refused(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
