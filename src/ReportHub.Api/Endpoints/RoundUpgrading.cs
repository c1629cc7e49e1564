using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// <c>POST /api/rounds/{code}/upgrade</c>: an analyst moves an open round to a newer version of its template (see
/// <see cref="RoundUpgrader"/>). Kept apart from <see cref="RoundsApi"/> so that file stays a list of routes.
/// </summary>
public static class RoundUpgrading
{
    private const string Shape = "{\"version\": N, \"force\": false}";

    /// <summary>The body: the version to move to, and whether to go ahead when some units' reports would be rejected.</summary>
    public sealed record UpgradeBody
    {
        public int? Version { get; init; }
        public bool Force { get; init; }
    }

    public static async Task<Results<Ok<RoundUpgrade>, ProblemHttpResult>> UpgradeAsync(string code, HttpRequest request, ClaimsPrincipal user,
        RoundUpgrader upgrader, CancellationToken ct)
    {
        var (body, error) = await RoundDraftBody.ReadAsync<UpgradeBody>(request,
            $"Nội dung gửi lên quá dài. Hãy gửi một đối tượng JSON {Shape}.",
            ex => $"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {Shape}.",
            $"Chưa gửi phiên bản cần nâng lên. Hãy gửi một đối tượng JSON {Shape}.", ct);
        if (body is null)
        {
            return Problems.BadRequest(error!);
        }
        if (body.Version is not { } version)
        {
            return Problems.BadRequest($"Chưa ghi phiên bản cần nâng lên (version). Hãy gửi một đối tượng JSON {Shape}.");
        }
        var outcome = await upgrader.UpgradeAsync(code, version, body.Force, user.Actor(), ct);
        return outcome.Refusal switch
        {
            UpgradeRefusal.None => TypedResults.Ok(outcome.Upgrade!),
            UpgradeRefusal.NotFound => Problems.RoundNotFound(code),
            UpgradeRefusal.Closed => Problem("Đợt báo cáo đã đóng", outcome, StatusCodes.Status409Conflict),
            UpgradeRefusal.UnknownVersion => Problem("Không có phiên bản biểu mẫu này", outcome, StatusCodes.Status422UnprocessableEntity),
            UpgradeRefusal.NotNewer => Problem("Phiên bản không mới hơn phiên bản đợt đang dùng", outcome, StatusCodes.Status422UnprocessableEntity),
            UpgradeRefusal.WouldReject => Problem("Nâng phiên bản sẽ làm mất báo cáo của một số đơn vị", outcome, StatusCodes.Status409Conflict),
            _ => Problem("Đợt báo cáo vừa thay đổi", outcome, StatusCodes.Status409Conflict),
        };
    }

    private static ProblemHttpResult Problem(string title, RoundUpgradeOutcome outcome, int status)
    {
        var extensions = new Dictionary<string, object?>();
        if (outcome.Upgrade is { } trial)
        {
            // What the upgrade would do, unit by unit, so the analyst sees whose reports the new version refuses.
            extensions["rejectedUnits"] = trial.Units.Where(u => u.Status == UnitUpgrade.Rejected).Select(u => u.Unit).ToList();
            extensions["upgrade"] = trial;
        }
        return TypedResults.Problem(title: title, detail: outcome.Message, statusCode: status, extensions: extensions);
    }
}
