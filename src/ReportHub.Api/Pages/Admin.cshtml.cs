using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages;

/// <summary>
/// Accounts and API access codes; the audit log has its own page (/admin/audit). A generated password or a new code is
/// shown once, on the answer to its POST. Locking an account, resetting a password and revoking a code are asked about
/// first (<see cref="AdminConfirmModel"/>).
/// </summary>
[Authorize(Policy = AccessRegistration.AdminPolicy)]
public sealed class AdminModel(AccountService accounts, ApiKeyService keys, AuditLog audit, ReferenceStore reference) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];
    public IReadOnlyList<Core.Domain.Unit> Units { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The admin's own account name (a cookie session), whose row offers no lock or reset.</summary>
    public string? Self => User.Identity?.AuthenticationType == AccessClaims.CookieScheme
        ? User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
        : null;
    public string? Error { get; private set; }

    /// <summary>A password or key to copy now: it is not kept in a form anyone can read back.</summary>
    public string? Secret { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateUserAsync(string userName, string? displayName, string role, string? unit, CancellationToken ct)
    {
        var password = AccountService.GeneratePassword();
        var result = await accounts.CreateAsync(userName ?? "", displayName ?? "", role ?? "", string.IsNullOrWhiteSpace(unit) ? null : unit, password, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.UserCreated, userName, AuditDetails.Role(role, unit), ct);
            Message = $"Đã tạo tài khoản “{userName}”. Mật khẩu ban đầu (chỉ hiện một lần, hãy gửi cho người dùng):";
            Secret = password;
        }
        return await DoneAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string userName, bool disabled, CancellationToken ct)
    {
        if (disabled && IsSelf(userName))
        {
            return await DoneAsync(SelfLock, ct);
        }
        var result = await accounts.SetDisabledAsync(userName ?? "", disabled, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(User.Actor(), disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, userName, null, ct);
            Message = disabled ? $"Đã khóa tài khoản “{userName}”." : $"Đã mở lại tài khoản “{userName}”.";
        }
        return await DoneAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(string userName, CancellationToken ct)
    {
        if (IsSelf(userName))
        {
            return await DoneAsync(SelfReset, ct);
        }
        var password = AccountService.GeneratePassword();
        var result = await accounts.ResetPasswordAsync(userName ?? "", password, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.PasswordReset, userName, null, ct);
            Message = $"Đã đặt lại mật khẩu của “{userName}”. Mật khẩu mới (chỉ hiện một lần):";
            Secret = password;
        }
        return await DoneAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(string role, string? unit, string? label, CancellationToken ct)
    {
        var created = await keys.CreateAsync(role ?? "", string.IsNullOrWhiteSpace(unit) ? null : unit, string.IsNullOrWhiteSpace(label) ? null : label.Trim(), ct);
        if (created.Succeeded)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.KeyCreated, created.Prefix, AuditDetails.Role(created.Role, created.UnitCode), ct);
            Message = $"Đã tạo mã truy cập API {created.Prefix}. Mã đầy đủ (chỉ hiện một lần, hãy lưu ngay vào nơi an toàn):";
            Secret = created.Key;
        }
        return await DoneAsync(created.Error, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string prefix, CancellationToken ct)
    {
        var revoked = await keys.RevokeAsync(prefix ?? "", ct);
        if (revoked)
        {
            await audit.WriteAsync(User.Actor(), AuditActions.KeyRevoked, prefix, null, ct);
            Message = $"Đã thu hồi mã truy cập API {prefix}; mọi yêu cầu dùng mã này từ nay bị từ chối.";
        }
        return await DoneAsync(revoked ? null : $"Không có mã truy cập API “{prefix}”, hoặc mã đã bị thu hồi.", ct);
    }

    // Contacts (begin): a unit's contact address, where its reminders go.

    /// <summary>The unit and address of the contact form just refused, shown again beside the error.</summary>
    public string? ContactUnit { get; private set; }
    public string? ContactEmail { get; private set; }

    public async Task<IActionResult> OnPostContactAsync(string? unit, string? email, [FromServices] Pipeline.Reminders.UnitContacts contacts, CancellationToken ct)
    {
        var change = await contacts.SetEmailAsync(unit ?? "", email, User.Actor(), ct);
        if (change.Problem is null)
        {
            var u = change.Unit!;
            Message = !change.Changed
                ? $"{u.Name} ({u.Code}) đã có địa chỉ thư này; không thay đổi gì."
                : change.Email is null
                    ? $"Đã xóa địa chỉ thư của {u.Name} ({u.Code}); đơn vị sẽ không nhận thư nhắc."
                    : $"Đã lưu địa chỉ thư của {u.Name} ({u.Code}): {change.Email}.";
        }
        else
        {
            ContactUnit = unit;
            ContactEmail = email;
        }
        return await DoneAsync(change.Problem, ct);
    }

    // Contacts (end).

    public const string SelfLock =
        "Bạn không thể tự khóa tài khoản của chính mình: hệ thống có thể không còn ai quản trị. Hãy nhờ một quản trị viên khác nếu cần.";

    public const string SelfReset =
        "Đây là tài khoản của chính bạn: hãy đổi mật khẩu ở trang Đổi mật khẩu (cần mật khẩu hiện tại), không đặt lại tại đây.";

    /// <summary>The account this admin is signed in with; a key acting on the page has none.</summary>
    private bool IsSelf(string? userName) =>
        Self is { } self && string.Equals(userName?.Trim(), self, StringComparison.Ordinal);

    private async Task<IActionResult> DoneAsync(string? error, CancellationToken ct)
    {
        Error = error;
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        Keys = await keys.ListAsync(ct);
        Units = await reference.UnitsAsync(ct);
    }
}
