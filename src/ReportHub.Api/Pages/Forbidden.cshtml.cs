using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReportHub.Api.Pages;

/// <summary>Where a person is sent for a page their role does not open; answered with 403, not 200.</summary>
public sealed class ForbiddenModel : PageModel
{
    public const string DefaultMessage =
        "Tài khoản của bạn không được xem trang này. Trang dành cho vai trò khác (chuyên viên tổng hợp hoặc quản trị viên), "
        + "hoặc là dữ liệu của đơn vị khác. Nếu cần quyền, hãy liên hệ quản trị viên hệ thống.";

    public string Message { get; private set; } = DefaultMessage;

    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
