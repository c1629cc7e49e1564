using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
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

        // Access control: creating, closing and reopening rounds is for analysts (and admins) only; the check goes
        // on these three routes once keys and sign-in exist (CONTRACT §5, "Added with access control").
        group.MapPost("/", CreateAsync);
        group.MapPost("/{code}/close", async Task<Results<Ok<RoundView>, ProblemHttpResult>> (string code, RoundService rounds, CancellationToken ct) =>
            await rounds.SetClosedAsync(code, closed: true, ct) is { } round ? TypedResults.Ok(RoundView.From(round)) : Problems.RoundNotFound(code));
        group.MapPost("/{code}/reopen", async Task<Results<Ok<RoundView>, ProblemHttpResult>> (string code, RoundService rounds, CancellationToken ct) =>
            await rounds.SetClosedAsync(code, closed: false, ct) is { } round ? TypedResults.Ok(RoundView.From(round)) : Problems.RoundNotFound(code));

        group.MapGet("/{code}/totals", async Task<Results<Ok<RoundTotals>, ProblemHttpResult>> (string code, RollupService rollups, CancellationToken ct) =>
            await rollups.TotalsAsync(code, ct) is { } totals ? TypedResults.Ok(totals) : Problems.RoundNotFound(code));

        group.MapGet("/{code}/units", async Task<Results<Ok<IReadOnlyList<UnitStatus>>, ProblemHttpResult>> (string code, RollupService rollups, CancellationToken ct) =>
            await rollups.UnitsAsync(code, ct) is { } units ? TypedResults.Ok(units) : Problems.RoundNotFound(code));

        group.MapGet("/{code}/consolidated.xlsx", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, RollupService rollups, CancellationToken ct) =>
        {
            if (await rollups.ConsolidatedAsync(code, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            using var buffer = new MemoryStream();
            ConsolidatedWorkbook.Write(buffer, data);
            return TypedResults.File(buffer.ToArray(), Xlsx, $"tong-hop-{code}.xlsx");
        });

        group.MapGet("/{code}/consolidated.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string code, RollupService rollups, CancellationToken ct) =>
        {
            if (await rollups.ConsolidatedAsync(code, ct) is not { } data)
            {
                return Problems.RoundNotFound(code);
            }
            using var buffer = new MemoryStream();
            ConsolidatedCsv.Write(buffer, data);
            return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"tong-hop-{code}.csv");
        });

        return group;
    }

    private static async Task<Results<Created<RoundView>, ProblemHttpResult>> CreateAsync(HttpRequest request, RoundService rounds, CancellationToken ct)
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
