using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// <c>PUT /api/rounds/{code}</c>: an analyst corrects an open round (title, request, dates, expected units). Kept
/// apart from <see cref="RoundsApi"/> so that file stays a list of routes.
/// </summary>
public static class RoundEditing
{
    private const string Shape = "{title, requestDocument, requestDate, deadline, expected: {types, parents, units}}";

    public static async Task<Results<Ok<RoundView>, ProblemHttpResult>> EditAsync(string code, HttpRequest request, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        var (draft, error) = await RoundDraftBody.ReadAsync(request,
            $"Nội dung gửi lên quá dài cho một đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {Shape}, ngày dạng yyyy-MM-dd.",
            $"Chưa gửi nội dung cần sửa của đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}; mục nào không gửi thì giữ nguyên.", ct);
        if (draft is null)
        {
            return Problems.BadRequest(error!);
        }
        var edit = await rounds.EditAsync(code, draft, ct);
        if (edit.NotFound)
        {
            return Problems.RoundNotFound(code);
        }
        if (edit.Round is { } round)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.RoundEdited, round.Code,
                $"{round.Title}; công văn {round.RequestDocument} ngày {round.RequestDate:yyyy-MM-dd}; hạn {round.Deadline:yyyy-MM-dd}; {round.ExpectedUnits.Count} đơn vị", ct);
            return TypedResults.Ok(RoundView.From(round));
        }
        return TypedResults.Problem(
            title: edit.Closed ? "Đợt báo cáo đã đóng" : "Đợt báo cáo không hợp lệ",
            detail: string.Join(" ", edit.Problems.Select(p => p.Message)),
            statusCode: edit.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = edit.Problems.Select(p => new { field = p.Field, message = p.Message }).ToList() });
    }
}
