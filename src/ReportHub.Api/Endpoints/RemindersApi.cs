using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Reminders;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// Reminders of a round: <c>POST /api/rounds/{code}/reminders</c> mails every unit the round still waits for, and
/// <c>GET /api/rounds/{code}/reminder.docx</c> is the công văn đôn đốc to sign and send.
/// </summary>
public static class RemindersApi
{
    public sealed record ReminderAnswer
    {
        public required IReadOnlyList<string> Sent { get; init; }
        public required IReadOnlyList<SkippedUnit> Skipped { get; init; }
    }

    public static RouteGroupBuilder MapReminders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds").WithTags("Rounds").SignedIn().RequireAuthorization(AccessRegistration.AnalystPolicy);

        group.MapPost("/{code}/reminders", SendAsync)
            .WithName("SendReminders")
            .WithSummary("Gửi thư nhắc các đơn vị chưa gửi báo cáo (chuyên viên, quản trị viên)")
            .WithDescription("Gửi một thư điện tử cho mỗi đơn vị chưa gửi báo cáo có địa chỉ thư; trả về {sent: [unit], skipped: [{unit, reason}]}. "
                + "Đơn vị không có địa chỉ hoặc gửi không được nằm trong `skipped` kèm lý do. 404 khi không có đợt; 409 khi đợt đã đóng; 503 khi chưa cấu hình máy chủ thư hoặc Site__BaseUrl.")
            .Changes()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{code}/reminder.docx", LetterAsync)
            .WithName("GetReminderLetter")
            .WithSummary("Tải công văn đôn đốc (.docx) của đợt (chuyên viên, quản trị viên)")
            .WithDescription("Công văn đôn đốc theo thể thức Nghị định 30/2020, dẫn công văn yêu cầu và hạn nộp của đợt, liệt kê các đơn vị chưa gửi và gửi trễ hạn. 404 khi không có đợt.")
            .ProducesFile(ReminderLetterDocument.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<ReminderAnswer>, ProblemHttpResult>> SendAsync(string code, ClaimsPrincipal user, ReferenceStore reference,
        ReminderService reminders, AuditLog audit, CancellationToken ct)
    {
        if (await reference.RoundAsync(code, ct) is not { } round)
        {
            return Problems.RoundNotFound(code);
        }
        if (reminders.ConfigurationProblem is { } problem)
        {
            return TypedResults.Problem(title: "Chưa cấu hình gửi thư", detail: problem, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (round.Closed)
        {
            return TypedResults.Problem(title: "Đợt báo cáo đã đóng",
                detail: $"Đợt {round.Code} đã đóng nên không nhận báo cáo nữa; không gửi thư nhắc. Hãy mở lại đợt nếu cần.",
                statusCode: StatusCodes.Status409Conflict);
        }
        var run = await reminders.SendNowAsync(round, ct);
        await audit.WriteAsync(user.Actor(), AuditActions.RemindersSent, round.Code, ReminderService.AuditDetail(ReminderKinds.Manual, run), ct);
        return TypedResults.Ok(new ReminderAnswer { Sent = run.Sent, Skipped = run.Skipped });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LetterAsync(string code, ReferenceStore reference,
        RollupService rollups, ReminderService reminders, CancellationToken ct)
    {
        if (await reference.RoundAsync(code, ct) is not { } round)
        {
            return Problems.RoundNotFound(code);
        }
        var statuses = await rollups.UnitsAsync(round, ct);
        var units = await reference.UnitsAsync(ct);
        // The province whose departments and districts the round expects; the letter's place and governing body.
        var parents = units.Where(u => round.ExpectedUnits.Contains(u.Code)).Select(u => u.Parent).ToHashSet();
        var provinces = units.Where(u => u.Type == Core.Domain.UnitTypes.Province).ToList();
        var province = provinces.FirstOrDefault(p => parents.Contains(p.Code)) ?? provinces.FirstOrDefault();
        using var buffer = new MemoryStream();
        ReminderLetterDocument.Write(buffer, round, province, statuses, reminders.Today);
        return TypedResults.File(buffer.ToArray(), ReminderLetterDocument.ContentType, ReminderLetterDocument.FileName(round));
    }
}
