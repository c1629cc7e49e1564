using System.Security.Claims;
using System.Text.Json;
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

    // A round is a few hundred bytes; the body limit of uploads is for report files, not for this.
    private const int MaxBody = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Ok<RoundView>, ProblemHttpResult>> EditAsync(string code, HttpRequest request, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        var (draft, error) = await ReadDraftAsync(request, ct);
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

    /// <summary>Reads the body here rather than by binding, so a malformed body gets an answer about JSON in Vietnamese, read in bounded memory.</summary>
    private static async Task<(RoundDraft? Draft, string? Error)> ReadDraftAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLong = $"Nội dung gửi lên quá dài cho một đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}.";
        if (request.ContentLength > MaxBody)
        {
            return (null, tooLong);
        }
        var buffer = new byte[MaxBody + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }
        if (length > MaxBody)
        {
            return (null, tooLong);
        }
        try
        {
            var draft = length == 0 ? null : JsonSerializer.Deserialize<RoundDraft>(buffer.AsSpan(0, length), Json);
            return draft is null
                ? (null, $"Chưa gửi nội dung cần sửa của đợt báo cáo. Hãy gửi một đối tượng JSON {Shape}; mục nào không gửi thì giữ nguyên.")
                : (draft, null);
        }
        catch (JsonException ex)
        {
            return (null, $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {Shape}, ngày dạng yyyy-MM-dd.");
        }
    }
}
