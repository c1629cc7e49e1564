using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Api.Web;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Pages;

/// <summary>
/// Showing the form is free; each post spends the address's and the typed name's budget (<see cref="SignInThrottle"/>).
/// A wrong password, a disabled account and an unknown name get the same page with the same status.
/// </summary>
public sealed class SignInModel(AccountService accounts, AuditLog audit, SignInThrottle throttle) : PageModel
{
    public const string WrongCredentials =
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản không dùng được. Hãy kiểm tra lại (mật khẩu phân biệt chữ hoa, chữ thường và bộ gõ tiếng Việt phải tắt); nếu vẫn không được, hãy liên hệ quản trị viên của Sở.";

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
        var address = AccessRegistration.Address(HttpContext);
        if (throttle.Attempt(address, userName) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = $"Có quá nhiều lần đăng nhập trong một phút. Hãy chờ khoảng {seconds} giây rồi thử lại.";
            return Page();
        }
        var result = await accounts.SignInAsync(userName, password, address, ct);
        if (result is { Outcome: SignInOutcome.Success, User: { } user })
        {
            await AccessRegistration.SignInAsync(HttpContext, user);
            await audit.WriteAsync("user:" + user.UserName, AuditActions.SignIn, user.UserName, "địa chỉ " + address, ct);
            return Redirect(LocalOrHome(returnUrl));
        }
        await audit.WriteAsync(AuditActors.Anonymous, AuditActions.SignInFailed, UserName, result.AuditDetail(address), ct);
        Error = result.Outcome == SignInOutcome.LockedOut
            ? $"Tên đăng nhập này tạm bị chặn trên máy này do nhập sai nhiều lần, đến {Display.Time(result.LockedUntil)} (giờ Việt Nam). Hãy thử lại sau thời điểm đó, hoặc nhờ quản trị viên đặt lại mật khẩu."
            : WrongCredentials;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>
    /// Only a path on this site: an absolute or protocol-relative address would send the person elsewhere. Letters
    /// outside ASCII ("/rounds/đợt") are percent-encoded, since a Location header carries ASCII only.
    /// </summary>
    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.Any(char.IsControl) ? EncodeNonAscii(returnUrl) : "/";

    internal static string EncodeNonAscii(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }
        var builder = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var written = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..written])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
