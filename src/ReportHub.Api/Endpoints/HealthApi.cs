using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ReportHub.Api.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Worker;
using ReportHub.Warehouse.Health;
using ReportHub.Warehouse.Work;

namespace ReportHub.Api.Endpoints;

/// <summary>
/// <c>/health</c>. Anyone may ask whether the service and its warehouse are up (a load balancer, a monitor); only
/// an admin (session or admin key) sees the details: where the warehouse is, the inbox queue and each HTTP source with
/// its URL (which may carry a token) and its last error.
/// </summary>
public static class HealthApi
{
    public const string Up = "up";
    public const string Down = "down";

    public sealed record HealthReport
    {
        /// <summary>"ok" or "unavailable".</summary>
        public required string Status { get; init; }

        /// <summary>"up" when the warehouse answers, else "down".</summary>
        public required string Warehouse { get; init; }

        /// <summary>Admins only: the provider and where it is (host and database, or the SQLite file; never a password).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Database { get; init; }

        /// <summary>Admins only: files waiting in the inbox.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Queue { get; init; }

        /// <summary>Admins only: files being ingested right now by live workers (claims with a running lease).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? InProgress { get; init; }

        /// <summary>Admins only: each configured HTTP source.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<SourceHealth>? Sources { get; init; }

        /// <summary>Admins only: why the warehouse did not answer.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
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
        app.MapGet("/health", async (ClaimsPrincipal user, HealthStore warehouse, InboxProcessor inbox, ClaimStore claims, SourceStateStore sources,
            IOptions<IngestOptions> ingest, TimeProvider clock, CancellationToken ct) =>
        {
            var detailed = user.IsAdmin();
            var configured = ingest.Value.HttpSources.Where(s => !string.IsNullOrWhiteSpace(s.Url)).ToList();
            try
            {
                await warehouse.PingAsync(ct);
                if (!detailed)
                {
                    return Results.Ok(new HealthReport { Status = "ok", Warehouse = Up });
                }
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
                    Warehouse = Up,
                    Database = warehouse.Describe(),
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
                // The error names files and hosts: an anonymous caller learns only that the warehouse is down.
                return Results.Json(detailed
                    ? new HealthReport
                    {
                        Status = "unavailable",
                        Warehouse = Down,
                        Database = warehouse.Describe(),
                        Queue = inbox.PendingCount(),
                        Sources = configured.Select(s => new SourceHealth { Url = s.Url, Unit = s.Unit, Round = s.Round }).ToList(),
                        Error = ex.Message,
                    }
                    : new HealthReport { Status = "unavailable", Warehouse = Down }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous()
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Tình trạng dịch vụ (công khai, không cần đăng nhập)")
            .WithDescription("Dịch vụ và kho dữ liệu có hoạt động không ({status, warehouse}: \"up\" hoặc \"down\"); 503 khi kho dữ liệu không trả lời. "
                + "Chỉ quản trị viên (phiên đăng nhập hoặc mã truy cập API vai trò admin) thấy thêm chi tiết: vị trí kho dữ liệu, số tệp chờ trong hộp thư đến, "
                + "số tệp đang xử lý và kết quả lần kiểm tra gần nhất của từng nguồn HTTP.")
            .Produces<HealthReport>(StatusCodes.Status200OK)
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
