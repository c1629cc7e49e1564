using Microsoft.AspNetCore.Http.HttpResults;

namespace ReportHub.Api.Endpoints;

/// <summary>RFC 9457 problem details with Vietnamese text for the people who read them.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult RoundNotFound(string code) =>
        NotFound("Không tìm thấy đợt báo cáo", $"Không có đợt báo cáo mã “{code}”.");

    public static ProblemHttpResult UnitNotFound(string code) =>
        NotFound("Không tìm thấy đơn vị", $"Không có đơn vị mã “{code}” trong danh mục.");

    public static ProblemHttpResult TemplateNotFound(string id) =>
        NotFound("Không tìm thấy mẫu báo cáo", $"Đợt báo cáo dùng mẫu “{id}”, nhưng mẫu này chưa được đăng ký.");

    public static ProblemHttpResult SubmissionNotFound(long id) =>
        NotFound("Không tìm thấy báo cáo", $"Không có báo cáo mã #{id}.");

    public static ProblemHttpResult FileNotKept(long id, string fileName, long size) => NotFound("Không có tệp gốc",
        $"Tệp “{fileName}” của báo cáo mã #{id} ({(size / (1024.0 * 1024.0)).ToString("#,##0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} MB) "
        + "vượt quá dung lượng cho phép nên không được lưu lại; chỉ có tên, dung lượng và mã SHA-256 của tệp. "
        + "Hãy đề nghị đơn vị gửi lại tệp nhỏ hơn (xóa trang tính, hình ảnh thừa hoặc tách thành nhiều tệp).");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Không có quyền", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult OtherUnit(string? unit) => Forbidden(
        $"Tài khoản này chỉ được xem và gửi báo cáo của đơn vị {unit}; không được truy cập dữ liệu của đơn vị khác.");

    public static ProblemHttpResult AnalystsOnly() => Forbidden(
        "Chỉ chuyên viên Sở và quản trị viên được xem số liệu tổng hợp của các đơn vị. Tài khoản đơn vị chỉ xem được báo cáo của mình.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Yêu cầu không hợp lệ", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
