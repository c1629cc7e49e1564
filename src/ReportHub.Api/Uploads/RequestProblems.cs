using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ReportHub.Api.Errors;

namespace ReportHub.Api.Uploads;

/// <summary>
/// The one place where a request the server cannot read becomes an answer: a body over the limit is 413, a
/// malformed body (multipart without a boundary, an unterminated part, an oversized header or file name, too many
/// fields) is 400, each as RFC 9457 problem details in Vietnamese rather than a 500 in English. Any other status
/// left without a body gets its Vietnamese title here too. A person in a browser gets none of this: the exception
/// passes on to the error page (<see cref="StatusOf"/> gives its status).
/// </summary>
public sealed class RequestProblems(IProblemDetailsService problems, ILogger<RequestProblems> logger) : IExceptionHandler
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, httpContext);
        if (problem is null)
        {
            // The server's own fault: the reference the person or program is given finds this line in the log.
            logger.LogError(exception, "{Method} {Path}: unhandled error, reference {Reference}", httpContext.Request.Method, httpContext.Request.Path,
                Reference(httpContext));
        }
        else
        {
            logger.LogInformation("{Method} {Path}: {Status} ({Error})", httpContext.Request.Method, httpContext.Request.Path, problem.Status, exception.Message);
        }
        if (ErrorAudience.WantsPage(httpContext))
        {
            return false;
        }
        problem ??= new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            await WriteAnywayAsync(httpContext, problem);
        }
        return true;
    }

    /// <summary>
    /// Problem details for a program whatever its Accept header says (the problem details service declines a caller
    /// that asks for text/html only): a script with a key reads JSON, not the page meant for people.
    /// </summary>
    public static async Task WriteAnywayAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        Translate(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }

    /// <summary>A status left without a body, answered to a program.</summary>
    public static async Task WriteStatusAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            await WriteAnywayAsync(http, problem);
        }
    }

    /// <summary>The status an exception is answered with: what <see cref="Map"/> says, else 500.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException or MalformedFormException => StatusCodes.Status400BadRequest,
        Warehouse.Templates.BrokenTemplateException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// What a person quotes when they report a server error: the request's trace id, which the log line of the
    /// error carries, and which problem details carry as <c>traceId</c>.
    /// </summary>
    public static string Reference(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
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

    public static ProblemDetails TooLarge(HttpContext context) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", TooLargeDetail(context));

    private static string TooLargeDetail(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pipeline.Ingestion.IngestOptions>>().Value.MaxFileBytes;
        return $"Tệp gửi lên vượt quá dung lượng cho phép (tối đa {ErrorWording.Megabytes(limit)} MB mỗi tệp) nên không được nhận. "
            + "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp, lưu lại trong Excel rồi gửi lại.";
    }

    /// <summary>Vietnamese titles for answers that carry no text of their own (routing, binding, status pages).</summary>
    public static void Translate(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status || (problem.Title is { } title && !IsDefaultTitle(title)))
        {
            return;
        }
        var http = context.HttpContext;
        (problem.Title, var detail) = status switch
        {
            400 => ("Yêu cầu không hợp lệ", "Tham số hoặc nội dung của yêu cầu không đúng định dạng. Hãy kiểm tra lại đường dẫn, các tham số và nội dung gửi lên."),
            404 when http.Request.Path.StartsWithSegments(ErrorAudience.ApiPath) => ("Không tìm thấy",
                $"Không có đường dẫn API “{http.Request.Method} {http.Request.Path}”. Hãy kiểm tra lại đường dẫn (đều bắt đầu bằng /api/, "
                + "ví dụ /api/rounds); danh sách đầy đủ có trong tài liệu API tại " + ErrorAudience.ApiReferencePath + "/."),
            404 => ("Không tìm thấy", $"Không có trang hay tệp “{http.Request.Path}”. Hãy kiểm tra lại địa chỉ."),
            405 => ("Phương thức không được hỗ trợ", $"Đường dẫn “{http.Request.Path}” không nhận phương thức {http.Request.Method}."),
            413 => ("Tệp quá lớn", TooLargeDetail(http)),
            415 => ("Kiểu nội dung không được hỗ trợ", "Hãy gửi tệp báo cáo dưới dạng multipart/form-data, trường “file”."),
            >= 500 => ("Lỗi máy chủ", $"Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên kèm mã tham chiếu {Reference(http)}."),
            _ => ("Yêu cầu không thành công", "Yêu cầu không thực hiện được."),
        };
        problem.Detail ??= detail;
    }

    // The framework's default titles are the English reason phrases (RFC 9110 section titles).
    private static bool IsDefaultTitle(string title) => title.All(c => c < 128);

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}

/// <summary>The form reader failed on the body itself (an IOException that is not the server's fault).</summary>
public sealed class MalformedFormException(Exception inner) : Exception("The multipart form could not be read: " + inner.Message, inner);
