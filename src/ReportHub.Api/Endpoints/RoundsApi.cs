using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Endpoints;

public static class RoundsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds").WithTags("Rounds");

        group.MapGet("/", async (RoundService rounds, CancellationToken ct) =>
            TypedResults.Ok((await rounds.ListAsync(ct)).Select(RoundView.From).ToList()));

        // Creating, closing and reopening rounds is for analysts and admins (issue 9's table of roles).
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessRegistration.AnalystPolicy);
        group.MapPost("/{code}/close", (string code, ClaimsPrincipal user, RoundService rounds, AuditLog audit, CancellationToken ct) =>
            SetClosedAsync(code, true, user, rounds, audit, ct)).RequireAuthorization(AccessRegistration.AnalystPolicy);
        group.MapPost("/{code}/reopen", (string code, ClaimsPrincipal user, RoundService rounds, AuditLog audit, CancellationToken ct) =>
            SetClosedAsync(code, false, user, rounds, audit, ct)).RequireAuthorization(AccessRegistration.AnalystPolicy);

        // A department sees its own status in a round, never the per-unit table.
        group.MapGet("/{code}/units/{unit}", async Task<Results<Ok<UnitStatus>, ProblemHttpResult>> (string code, string unit, ClaimsPrincipal user, RollupService rollups, CancellationToken ct) =>
        {
            if (!user.MaySee(unit))
            {
                return Problems.OtherUnit(user.BoundUnit());
            }
            if (await rollups.UnitsAsync(code, ct) is not { } units)
            {
                return Problems.RoundNotFound(code);
            }
            return units.FirstOrDefault(u => u.Unit == unit) is { } status
                ? TypedResults.Ok(status)
                : Problems.NotFound("Đơn vị không thuộc đợt báo cáo", $"Đơn vị “{unit}” không phải báo cáo trong đợt “{code}” và chưa gửi báo cáo nào cho đợt này.");
        });

        var analysts = group.MapGroup("").RequireAuthorization(AccessRegistration.AnalystPolicy);

        // Rollups change only when a submission lands or the round changes: answered from the last computation, with
        // an ETag of that state, and 304 when the caller already holds it.
        analysts.MapGet("/{code}/totals", async Task<Results<Ok<RoundTotals>, StatusCodeHttpResult, ProblemHttpResult>> (string code, HttpContext http, RollupService rollups, CancellationToken ct) =>
            await rollups.RollupAsync(code, ct) is { } rollup
                ? RollupETag.Answer(http, rollup.Stamp, "totals", () => TypedResults.Ok(rollup.Totals))
                : Problems.RoundNotFound(code));

        analysts.MapGet("/{code}/units", async Task<Results<Ok<IReadOnlyList<UnitStatus>>, StatusCodeHttpResult, ProblemHttpResult>> (string code, HttpContext http, RollupService rollups, CancellationToken ct) =>
            await rollups.RollupAsync(code, ct) is { } rollup
                ? RollupETag.Answer(http, rollup.Stamp, "units", () => TypedResults.Ok(rollup.Units))
                : Problems.RoundNotFound(code));

        // Written to a temporary file the response then streams and deletes: a 64,000-row workbook is held neither as
        // a buffer nor as a second copy of it.
        analysts.MapGet("/{code}/consolidated.xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (string code, RollupService rollups, CancellationToken ct) =>
        {
            if (await rollups.ConsolidatedAsync(code, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
            try
            {
                ConsolidatedWorkbook.Write(file, data);
                file.Position = 0;
                return TypedResults.File(file, Xlsx, $"tong-hop-{code}.xlsx");
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        });

        // Vietnamese headings by default, as an official opening the file in Excel expects; ?header=keys for scripts.
        analysts.MapGet("/{code}/consolidated.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, string? header, RollupService rollups, CancellationToken ct) =>
        {
            if (await rollups.ConsolidatedAsync(code, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            using var buffer = new MemoryStream();
            ConsolidatedCsv.Write(buffer, data, keysHeader: string.Equals(header, "keys", StringComparison.OrdinalIgnoreCase));
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"tong-hop-{code}.csv");
        });

        return group;
    }

    private static async Task<Results<Ok<RoundView>, ProblemHttpResult>> SetClosedAsync(string code, bool closed, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        if (await rounds.SetClosedAsync(code, closed, ct) is not { } round)
        {
            return Problems.RoundNotFound(code);
        }
        await audit.WriteAsync(user.Actor(), closed ? AuditActions.RoundClosed : AuditActions.RoundReopened, code, null, ct);
        return TypedResults.Ok(RoundView.From(round));
    }

    private static async Task<Results<Created<RoundView>, ProblemHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user,
        RoundService rounds, AuditLog audit, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
        {
            return Problems.BadRequest("Nội dung gửi lên quá dài cho một đợt báo cáo. Hãy gửi một đối tượng JSON {code, title, template, requestDocument, requestDate, deadline, expected}.");
        }
        RoundDraft? draft;
        try
        {
            // Read here rather than bound by the framework, so a malformed body gets an answer about JSON, not files.
            var buffer = new byte[MaxBody + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
            }
            if (length > MaxBody)
            {
                return Problems.BadRequest("Nội dung gửi lên quá dài cho một đợt báo cáo. Hãy gửi một đối tượng JSON {code, title, template, requestDocument, requestDate, deadline, expected}.");
            }
            draft = length == 0 ? null : JsonSerializer.Deserialize<RoundDraft>(buffer.AsSpan(0, length), Json);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest($"Nội dung gửi lên không phải JSON hợp lệ ({ex.Path}, dòng {ex.LineNumber + 1}). Hãy gửi một đối tượng JSON {{code, title, template, requestDocument, requestDate, deadline, expected: {{types, parents, units}}}}, ngày dạng yyyy-MM-dd.");
        }
        if (draft is null)
        {
            return Problems.BadRequest("Chưa gửi nội dung đợt báo cáo. Hãy gửi một đối tượng JSON {code, title, template, requestDocument, requestDate, deadline, expected}.");
        }
        var created = await rounds.CreateAsync(draft, ct);
        if (created.Round is { } round)
        {
            await audit.WriteAsync(user.Actor(), AuditActions.RoundCreated, round.Code,
                $"{round.Title}; mẫu {round.Template}; hạn {round.Deadline:yyyy-MM-dd}; {round.ExpectedUnits.Count} đơn vị", ct);
            return TypedResults.Created($"/api/rounds/{Uri.EscapeDataString(round.Code)}", RoundView.From(round));
        }
        var errors = created.Problems.Select(p => new { field = p.Field, message = p.Message }).ToList();
        return TypedResults.Problem(
            title: created.Duplicate ? "Đợt báo cáo đã có" : "Đợt báo cáo không hợp lệ",
            detail: string.Join(" ", created.Problems.Select(p => p.Message)),
            statusCode: created.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    // A round is a few hundred bytes; the body limit of uploads is for report files, not for this.
    private const int MaxBody = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
