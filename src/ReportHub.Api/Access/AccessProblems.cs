using Microsoft.AspNetCore.Mvc;
using ReportHub.Api.Errors;

namespace ReportHub.Api.Access;

/// <summary>
/// RFC 9457 answers for 401, 403 and 429, in Vietnamese, for API callers; pages redirect instead of 401 and 403, and
/// a person refused with 429 gets the error page, which says the same wait in words.
/// </summary>
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
        if (status == StatusCodes.Status429TooManyRequests && ErrorAudience.WantsPage(context))
        {
            // No body: the status code pages answer with the error page, which reads the wait from Retry-After.
            return;
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
                _ => $"Đã gửi quá nhiều yêu cầu trong một phút. Hãy đợi {ErrorWording.Wait(ErrorWording.RetryAfterSeconds(context.Response) ?? 60)} "
                    + "rồi thử lại (số giây cũng có trong tiêu đề Retry-After).",
            },
        };
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
