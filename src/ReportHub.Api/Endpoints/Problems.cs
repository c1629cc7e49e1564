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

    public static ProblemHttpResult SubmissionNotFound(long id) =>
        NotFound("Không tìm thấy báo cáo", $"Không có báo cáo mã #{id}.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Yêu cầu không hợp lệ", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
