using Microsoft.AspNetCore.Http.HttpResults;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Endpoints;

public static class RoundsApi
{
    public sealed record RoundSummary
    {
        public required string Code { get; init; }
        public required string Title { get; init; }
        public string? RequestDocument { get; init; }
        public DateOnly? RequestDate { get; init; }
        public required DateOnly Deadline { get; init; }
        public required int UnitsExpected { get; init; }
        public bool Closed { get; init; }
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds").WithTags("Rounds");

        group.MapGet("/", async (ReferenceStore reference, CancellationToken ct) =>
            TypedResults.Ok((await reference.RoundsAsync(ct)).Select(r => new RoundSummary
            {
                Code = r.Code,
                Title = r.Title,
                RequestDocument = r.RequestDocument,
                RequestDate = r.RequestDate,
                Deadline = r.Deadline,
                UnitsExpected = r.ExpectedUnits.Count,
                Closed = r.Closed,
            }).ToList()));

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
}
