using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// <c>POST /api/rounds/{code}/units</c>: an analyst adds a unit the round's rule left out (an abolished district whose
/// report the round still takes), so that its report is no longer refused as <c>unit.not-expected</c>.
/// </summary>
public static class RoundUnitAdding
{
    public sealed record Body
    {
        public string? Unit { get; init; }
    }

    private const string Shape = "{\"unit\": \"51.524\"}";

    public static async Task<Results<Ok<RoundUnitView>, ProblemHttpResult>> AddAsync(string code, HttpRequest request, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        var (body, error) = await RoundDraftBody.ReadAsync<Body>(request,
            $"Nội dung gửi lên quá dài. Hãy gửi một đối tượng JSON {Shape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {Shape}.",
            $"Chưa gửi mã đơn vị cần bổ sung vào đợt. Hãy gửi một đối tượng JSON {Shape}.", ct);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        var addition = await rounds.AddUnitAsync(code, body.Unit, ct);
        if (addition.RoundNotFound)
        {
            return Problems.NotFound("Không tìm thấy đợt báo cáo", addition.Problem!);
        }
        if (addition.UnitNotFound)
        {
            return string.IsNullOrWhiteSpace(body.Unit)
                ? Problems.BadRequest(addition.Problem!)
                : Problems.NotFound("Không tìm thấy đơn vị", addition.Problem!);
        }
        if (addition.Closed)
        {
            return TypedResults.Problem(title: "Đợt báo cáo đã đóng", detail: addition.Problem, statusCode: StatusCodes.Status409Conflict);
        }
        if (addition.Added)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.RoundUnitAdded, addition.Round!.Code,
                $"bổ sung đơn vị {addition.Unit!.Code} ({addition.Unit.Name}); {addition.Round.ExpectedUnits.Count} đơn vị", ct);
        }
        return TypedResults.Ok(RoundUnitView.From(addition));
    }
}
