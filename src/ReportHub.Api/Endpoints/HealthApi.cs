using Dapper;
using ReportHub.Pipeline.Inbox;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Api.Endpoints;

public static class HealthApi
{
    public sealed record HealthReport
    {
        public required string Status { get; init; }
        public required string Warehouse { get; init; }
        public required int Queue { get; init; }
        public string? Error { get; init; }
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (Db db, InboxProcessor inbox, CancellationToken ct) =>
        {
            try
            {
                await using var connection = await db.OpenAsync(ct);
                await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
                return Results.Ok(new HealthReport { Status = "ok", Warehouse = db.Describe(), Queue = inbox.PendingCount() });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Json(new HealthReport { Status = "unavailable", Warehouse = db.Describe(), Queue = inbox.PendingCount(), Error = ex.Message },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
