using Microsoft.AspNetCore.Mvc;

namespace ReportHub.Api.Access;

/// <summary>RFC 9457 answers for 401, 403 and 429, in Vietnamese, for API callers; pages redirect instead.</summary>
public static class AccessProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Chưa đăng nhập",
                StatusCodes.Status403Forbidden => "Không có quyền",
                _ => "Quá nhiều yêu cầu",
            },
            Detail = detail ?? status switch
            {
                StatusCodes.Status401Unauthorized =>
                    "Yêu cầu cần đăng nhập hoặc mã truy cập API hợp lệ (Authorization: Bearer <mã>). Mã có thể đã bị thu hồi hoặc hết hạn.",
                StatusCodes.Status403Forbidden =>
                    "Tài khoản hoặc mã truy cập API này không có quyền với tài nguyên được yêu cầu.",
                _ => "Đã vượt giới hạn số yêu cầu mỗi phút. Hãy thử lại sau số giây ghi trong Retry-After.",
            },
        };
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
