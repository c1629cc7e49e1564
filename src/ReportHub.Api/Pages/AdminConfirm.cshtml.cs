using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Pages;

/// <summary>
/// The question before an action that cannot be taken back from the page: locking an account, resetting a password,
/// revoking an API access code. A plain page with a form that posts to the admin page's handler, so it works without
/// script; cancelling is a link back.
/// </summary>
[Authorize(Policy = AccessRegistration.AdminPolicy)]
public sealed class AdminConfirmModel(AccountService accounts, ApiKeyService keys) : PageModel
{
    public const string Lock = "lock";
    public const string Reset = "reset";
    public const string Revoke = "revoke";

    public string Action { get; private set; } = "";
    public string Target { get; private set; } = "";
    public string Title { get; private set; } = "Xác nhận";
    public string Question { get; private set; } = "";
    public string Consequence { get; private set; } = "";
    public string Button { get; private set; } = "";
    public string Handler { get; private set; } = "";
    public string? Error { get; private set; }

    public static string Link(string action, string target) =>
        $"/admin/confirm?action={Uri.EscapeDataString(action)}&target={Uri.EscapeDataString(target)}";

    public async Task<IActionResult> OnGetAsync(string? action, string? target, CancellationToken ct)
    {
        Action = action ?? "";
        Target = target?.Trim() ?? "";
        switch (Action)
        {
            case Lock or Reset:
                var user = await accounts.FindAsync(Target, ct);
                if (user is null)
                {
                    return Missing($"Không có tài khoản “{Target}”.");
                }
                if (User.Identity?.AuthenticationType == AccessClaims.CookieScheme && User.FindFirstValue(ClaimTypes.NameIdentifier) == user.UserName)
                {
                    return Refused(Action == Lock ? AdminModel.SelfLock : AdminModel.SelfReset);
                }
                var who = $"“{user.UserName}” ({user.DisplayName})";
                if (Action == Lock)
                {
                    Title = "Khóa tài khoản";
                    Question = $"Khóa tài khoản {who}?";
                    Consequence = "Người dùng bị đăng xuất ngay trên mọi máy và không đăng nhập được cho đến khi được mở khóa. Báo cáo đã gửi vẫn giữ nguyên.";
                    Button = "Khóa tài khoản";
                    Handler = "Disable";
                }
                else
                {
                    Title = "Đặt lại mật khẩu";
                    Question = $"Đặt lại mật khẩu của tài khoản {who}?";
                    Consequence = "Mật khẩu cũ hết hiệu lực và mọi phiên đăng nhập của tài khoản kết thúc. Mật khẩu mới được tạo ngẫu nhiên và chỉ hiện một lần trên trang sau; hãy gửi cho người dùng qua kênh an toàn.";
                    Button = "Đặt lại mật khẩu";
                    Handler = "Reset";
                }
                return Page();
            case Revoke:
                var key = (await keys.ListAsync(ct)).FirstOrDefault(k => k.Prefix == Target && k.RevokedAt is null);
                if (key is null)
                {
                    return Missing($"Không có mã truy cập API “{Target}” đang hiệu lực.");
                }
                Title = "Thu hồi mã truy cập API";
                Question = $"Thu hồi mã truy cập API {key.Prefix}{(key.Label is { } label ? $" ({label})" : "")}?";
                Consequence = "Mọi chương trình đang dùng mã này bị từ chối từ yêu cầu kế tiếp. Không thể khôi phục: nếu cần, hãy tạo mã mới.";
                Button = "Thu hồi mã";
                Handler = "Revoke";
                return Page();
            default:
                return Missing("Thao tác cần xác nhận không rõ.");
        }
    }

    private PageResult Missing(string error)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Refused(error);
    }

    private PageResult Refused(string error)
    {
        Title = "Không thực hiện được";
        Error = error;
        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
