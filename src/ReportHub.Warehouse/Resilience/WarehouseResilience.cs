using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace ReportHub.Warehouse.Resilience;

/// <summary>
/// The one resilience pipeline for the warehouse: exponential backoff with jitter on transient errors (connection
/// refused or lost, deadlocks, serialization failures, SQL Server's transient numbers, SQLite busy). The unit that is
/// retried is always a whole transaction or a whole file, so a retry never half-writes anything.
/// </summary>
public sealed class WarehouseResilience
{
    public WarehouseResilience(IOptions<WarehouseResilienceOptions> options, ILogger<WarehouseResilience> logger)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder();
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientErrors.IsTransient),
                MaxRetryAttempts = o.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, o.BaseDelayMs)),
                MaxDelay = TimeSpan.FromMilliseconds(Math.Max(o.BaseDelayMs, o.MaxDelayMs)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var ex = args.Outcome.Exception;
                    if (TransientErrors.IsConnectionLoss(ex))
                    {
                        // Pooled connections to a restarted server are dead; do not hand them out again.
                        NpgsqlConnection.ClearAllPools();
                        SqlConnection.ClearAllPools();
                    }
                    logger.LogWarning("Warehouse error ({Error}); retry {Attempt}/{Max} in {Delay:0.0}s",
                        ex?.GetType().Name + ": " + ex?.Message, args.AttemptNumber + 1, o.MaxRetries, args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }
        Pipeline = builder.Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(action, cancellationToken);

    public ValueTask ExecuteAsync(Func<CancellationToken, ValueTask> action, CancellationToken cancellationToken) =>
        Pipeline.ExecuteAsync(action, cancellationToken);
}
