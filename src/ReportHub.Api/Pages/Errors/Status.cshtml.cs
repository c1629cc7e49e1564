using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReportHub.Api.Errors;
using ReportHub.Api.Infrastructure;
using ReportHub.Api.Uploads;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Pages.Errors;

/// <summary>
/// The page a person sees instead of an error answer: what happened and what to do, in the site's layout. It is
/// re-executed in place of the answer, for any method, so it opens to everyone, checks no form token and spends no
/// request budget (a 429 page must not be refused with 429 itself).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
public sealed class StatusModel(IOptions<IngestOptions> ingest) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string What { get; private set; } = "";
    public string Advice { get; private set; } = "";

    /// <summary>For a server fault: the id the log line of the error carries.</summary>
    public string? Reference { get; private set; }

    /// <summary>The page the person was on, to go back to; null when going back would only repeat the error.</summary>
    public string? Back { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        var status = RouteData.Values["status"] is string text && int.TryParse(text, out var routed) ? routed : Response.StatusCode;
        Code = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var path = reExecuted?.OriginalPath ?? failed?.Path ?? Request.Path.Value ?? "/";
        var mapped = failed?.Error is { } error && RequestProblems.Map(error, HttpContext) is { Detail: { } detail } ? detail : null;
        var back = reExecuted is not null ? path + reExecuted.OriginalQueryString : path;
        Describe(path, mapped);
        if (Code is not StatusCodes.Status404NotFound and not StatusCodes.Status403Forbidden && !back.StartsWith(ReportHubRegistration.ErrorPagePath, StringComparison.OrdinalIgnoreCase))
        {
            Back = back;
        }
    }

    private void Describe(string path, string? mapped)
    {
        switch (Code)
        {
            case StatusCodes.Status400BadRequest:
                Heading = "Yêu cầu không hợp lệ";
                What = mapped ?? "Máy chủ không đọc được yêu cầu trình duyệt vừa gửi. Thường là do trang đã mở quá lâu nên mã bảo mật "
                    + "của biểu mẫu đã hết hạn, hoặc dữ liệu gửi lên bị cắt ngang.";
                Advice = "Hãy quay lại trang trước, tải lại trang rồi thực hiện lại thao tác.";
                break;
            case StatusCodes.Status403Forbidden:
                Heading = "Không có quyền truy cập";
                What = "Tài khoản của bạn không được mở trang này hoặc thực hiện thao tác này.";
                Advice = "Nếu cần quyền, hãy liên hệ quản trị viên hệ thống, hoặc đăng nhập bằng tài khoản có quyền phù hợp.";
                break;
            case StatusCodes.Status404NotFound:
                Heading = "Không tìm thấy trang";
                What = $"Không có trang nào ở địa chỉ “{path}”.";
                Advice = "Có thể địa chỉ bị gõ sai hoặc trang đã được chuyển đi. Hãy kiểm tra lại địa chỉ, hoặc về trang chính rồi chọn "
                    + "trang cần xem.";
                break;
            case StatusCodes.Status413PayloadTooLarge when path.StartsWith("/bulk", StringComparison.OrdinalIgnoreCase):
                var archive = HttpContext.RequestServices.GetRequiredService<IOptions<Pipeline.Intake.Archives.ArchiveOptions>>().Value;
                Heading = "Tệp nén quá lớn";
                What = $"Tệp nén bạn gửi vượt quá dung lượng cho phép: mỗi tệp nén tối đa {ErrorWording.Megabytes(archive.MaxArchiveBytes)} MB. "
                    + "Không tệp nào trong đó được nhận.";
                Advice = "Hãy chia các báo cáo thành nhiều tệp nén nhỏ hơn rồi gửi lần lượt.";
                break;
            case StatusCodes.Status413PayloadTooLarge:
                Heading = "Tệp quá lớn";
                What = $"Tệp bạn gửi vượt quá dung lượng cho phép: mỗi tệp báo cáo tối đa {ErrorWording.Megabytes(ingest.Value.MaxFileBytes)} MB. "
                    + "Tệp chưa được nhận.";
                Advice = "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp, lưu lại trong Excel rồi gửi lại.";
                break;
            case StatusCodes.Status429TooManyRequests:
                Heading = "Quá nhiều yêu cầu";
                What = "Bạn đã gửi quá nhiều yêu cầu trong một phút nên hệ thống tạm dừng nhận yêu cầu của bạn.";
                Advice = $"Hãy đợi {ErrorWording.Wait(ErrorWording.RetryAfterSeconds(Response) ?? 60)} rồi thử lại.";
                break;
            case >= 500:
                Heading = "Hệ thống gặp lỗi";
                What = "Máy chủ gặp lỗi khi xử lý yêu cầu của bạn; thao tác có thể chưa được thực hiện.";
                Advice = "Hãy thử lại sau ít phút. Nếu vẫn lỗi, hãy báo quản trị viên kèm mã tham chiếu dưới đây.";
                Reference = RequestProblems.Reference(HttpContext);
                break;
            default:
                Heading = "Yêu cầu không thực hiện được";
                What = mapped ?? $"Máy chủ không thực hiện được yêu cầu này (mã lỗi {Code}).";
                Advice = "Hãy quay lại trang trước và thử lại; nếu vẫn lỗi, hãy báo quản trị viên.";
                break;
        }
    }
}
