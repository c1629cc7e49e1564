using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Pages;

[EnableRateLimiting(AccessRegistration.SignInLimit)]
public sealed class SignInModel(AccountService accounts, AuditLog audit) : PageModel
{
    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect(LocalOrHome(returnUrl));
        }
        ReturnUrl = returnUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        UserName = userName?.Trim();
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Error = "Hãy nhập cả tên đăng nhập và mật khẩu.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await accounts.SignInAsync(userName, password, ct);
        if (result is { Outcome: SignInOutcome.Success, User: { } user })
        {
            await AccessRegistration.SignInAsync(HttpContext, user);
            await audit.WriteAsync("user:" + user.UserName, AuditActions.SignIn, user.UserName, null, ct);
            return Redirect(LocalOrHome(returnUrl));
        }
        await audit.WriteAsync("anonymous", AuditActions.SignInFailed, UserName, result.Outcome.ToString(), ct);
        Error = result.Outcome switch
        {
            SignInOutcome.Disabled => "Tài khoản này đã bị khóa bởi quản trị viên. Hãy liên hệ quản trị viên của Sở để mở lại.",
            SignInOutcome.LockedOut =>
                $"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, đến {Display.Time(result.LockedUntil)} (giờ Việt Nam). Hãy thử lại sau thời điểm đó, hoặc nhờ quản trị viên đặt lại mật khẩu.",
            _ => "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại (mật khẩu phân biệt chữ hoa, chữ thường và bộ gõ tiếng Việt phải tắt).",
        };
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative address would send the person elsewhere.</summary>
    private string LocalOrHome(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
