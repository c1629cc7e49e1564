using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Inbox;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Health;
using ReportHub.Warehouse.Work;

namespace ReportHub.Api.Endpoints;

public static class HealthApi
{
    public sealed record HealthReport
    {
        public required string Status { get; init; }
        public required string Warehouse { get; init; }

        /// <summary>Files waiting in the inbox.</summary>
        public required int Queue { get; init; }

        /// <summary>Files being ingested right now by live workers (claims with a running lease).</summary>
        public int? InProgress { get; init; }

        public IReadOnlyList<SourceHealth> Sources { get; init; } = [];
        public string? Error { get; init; }
    }

    /// <summary>One configured HTTP source and what its last poll ended with.</summary>
    public sealed record SourceHealth
    {
        public required string Url { get; init; }
        public string? Unit { get; init; }
        public string? Round { get; init; }
        public string? LastOutcome { get; init; }
        public string? LastCheckedAt { get; init; }
        public string? LastSuccessAt { get; init; }
        public string? LastError { get; init; }
        public int Failures { get; init; }
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthStore warehouse, InboxProcessor inbox, ClaimStore claims, SourceStateStore sources,
            IOptions<IngestOptions> ingest, TimeProvider clock, CancellationToken ct) =>
        {
            var configured = ingest.Value.HttpSources.Where(s => !string.IsNullOrWhiteSpace(s.Url)).ToList();
            try
            {
                await warehouse.PingAsync(ct);
                int? inProgress = null;
                IReadOnlyList<SourceState> states = [];
                try
                {
                    inProgress = await claims.ActiveCountAsync(clock.GetUtcNow(), ct);
                    states = await sources.AllAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The warehouse answers but is not migrated yet: still healthy, nothing to report on work.
                }
                var byUrl = states.ToDictionary(s => s.Url, StringComparer.Ordinal);
                return Results.Ok(new HealthReport
                {
                    Status = "ok",
                    Warehouse = warehouse.Describe(),
                    Queue = inbox.PendingCount(),
                    InProgress = inProgress,
                    Sources = configured.Select(s => byUrl.TryGetValue(s.Url, out var state)
                        ? new SourceHealth
                        {
                            Url = s.Url,
                            Unit = s.Unit,
                            Round = s.Round,
                            LastOutcome = state.LastOutcome,
                            LastCheckedAt = state.LastCheckedAt,
                            LastSuccessAt = state.LastSuccessAt,
                            LastError = state.LastError,
                            Failures = state.Failures,
                        }
                        : new SourceHealth { Url = s.Url, Unit = s.Unit, Round = s.Round }).ToList(),
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Results.Json(new HealthReport
                {
                    Status = "unavailable",
                    Warehouse = warehouse.Describe(),
                    Queue = inbox.PendingCount(),
                    Sources = configured.Select(s => new SourceHealth { Url = s.Url, Unit = s.Unit, Round = s.Round }).ToList(),
                    Error = ex.Message,
                }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous()
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Tình trạng dịch vụ (công khai, không cần đăng nhập)")
            .WithDescription("Kho dữ liệu có trả lời không, số tệp chờ trong hộp thư đến, số tệp đang xử lý và kết quả lần kiểm tra "
                + "gần nhất của từng nguồn HTTP. 503 khi kho dữ liệu không trả lời.")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
