using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ReportHub.Api.Uploads;

/// <summary>
/// The one place where a request the server cannot read becomes an answer: a body over the limit is 413, a
/// malformed body (multipart without a boundary, an unterminated part, an oversized header or file name, too many
/// fields) is 400, each as RFC 9457 problem details in Vietnamese rather than a 500 in English. Any other status
/// left without a body gets its Vietnamese title here too.
/// </summary>
public sealed class RequestProblems(IProblemDetailsService problems, ILogger<RequestProblems> logger) : IExceptionHandler
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception, httpContext) is not { } problem)
        {
            return false;
        }
        logger.LogInformation("{Method} {Path}: {Status} ({Error})", httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.Message);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem for an exception raised while reading the request; null for the server's own faults.</summary>
    public static ProblemDetails? Map(Exception exception, HttpContext context) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(context),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Yêu cầu không hợp lệ",
            "Máy chủ không đọc được yêu cầu (dữ liệu gửi lên bị cắt ngang hoặc sai định dạng). Hãy gửi lại tệp báo cáo "
            + "dưới dạng multipart/form-data, trường “file”, từ trình duyệt hoặc bằng lệnh curl -F file=@tep.xlsx."),
        InvalidDataException or MalformedFormException => Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ",
            "Nội dung gửi lên không phải biểu mẫu multipart/form-data hợp lệ (thiếu ranh giới “boundary”, phần dữ liệu "
            + $"không kết thúc, tên tệp hoặc tiêu đề quá dài, hoặc quá {UploadLimits.MaxFormFields.ToString("N0", Vietnamese)} trường). "
            + "Hãy gửi lại đúng một trường “file” chứa tệp báo cáo, với tên tệp ngắn gọn (ví dụ bao-cao.xlsx)."),
        // The round's template was stored but no longer loads: a conflict to resolve by registering a fixed version.
        Warehouse.Templates.BrokenTemplateException broken => Problem(StatusCodes.Status409Conflict, "Mẫu báo cáo của đợt bị hỏng", broken.Message),
        _ => null,
    };

    public static ProblemDetails TooLarge(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pipeline.Ingestion.IngestOptions>>().Value.MaxFileBytes;
        return Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
            $"Tệp gửi lên vượt quá dung lượng cho phép ({Megabytes(limit)} MB) nên không được nhận. "
            + "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp, lưu lại trong Excel rồi gửi lại.");
    }

    /// <summary>Vietnamese titles for answers that carry no text of their own (routing, binding, status pages).</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || (problem.Title is { } title && !IsDefaultTitle(title)))
        {
            return;
        }
        (problem.Title, var detail) = status switch
        {
            400 => ("Yêu cầu không hợp lệ", "Tham số hoặc nội dung của yêu cầu không đúng. Hãy kiểm tra lại địa chỉ và các tham số (round, unit, dryRun)."),
            404 => ("Không tìm thấy", "Không có địa chỉ này. Hãy xem danh sách địa chỉ trong /openapi/v1.json."),
            405 => ("Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức HTTP đã dùng."),
            413 => ("Tệp quá lớn", "Yêu cầu vượt quá dung lượng cho phép. Hãy gửi tệp nhỏ hơn."),
            415 => ("Kiểu nội dung không được hỗ trợ", "Hãy gửi tệp báo cáo dưới dạng multipart/form-data, trường “file”."),
            >= 500 => ("Lỗi máy chủ", "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo Sở Thông tin và Truyền thông."),
            _ => ("Yêu cầu không thành công", "Yêu cầu không thực hiện được."),
        };
        problem.Detail ??= detail;
    }

    // The framework's default titles are the English reason phrases (RFC 9110 section titles).
    private static bool IsDefaultTitle(string title) => title.All(c => c < 128);

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,##0.#", Vietnamese);
}

/// <summary>The form reader failed on the body itself (an IOException that is not the server's fault).</summary>
public sealed class MalformedFormException(Exception inner) : Exception("The multipart form could not be read: " + inner.Message, inner);
