using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ReportHub.Pipeline.Resilience;

/// <summary>
/// One pipeline per HTTP source: retries with exponential backoff and jitter (outermost), a circuit breaker of
/// that source's own, and a timeout per attempt (innermost). Every retry, timeout and break is logged.
/// </summary>
public sealed class SourceResilience(IOptions<HttpResilienceOptions> options, ILogger<SourceResilience> logger)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> For(string source) => _pipelines.GetOrAdd(source, Build);

    public static bool IsFailure(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private ResiliencePipeline<HttpResponseMessage> Build(string source)
    {
        var o = options.Value;
        var handle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<IOException>()
            .HandleResult(IsFailure);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = handle,
                MaxRetryAttempts = o.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, o.BaseDelayMs)),
                MaxDelay = TimeSpan.FromMilliseconds(Math.Max(o.BaseDelayMs, o.MaxDelayMs)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("Source {Source}: {Failure}; retry {Attempt}/{Max} in {Delay:0.0}s", source,
                        Describe(args.Outcome), args.AttemptNumber + 1, o.MaxRetries, args.RetryDelay.TotalSeconds);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = handle,
            FailureRatio = Math.Clamp(o.BreakerFailureRatio, 0.01, 1.0),
            MinimumThroughput = Math.Max(2, o.BreakerMinimumThroughput),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(0.5, o.BreakerSamplingSeconds)),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, o.BreakerBreakSeconds)),
            OnOpened = args =>
            {
                logger.LogError("Source {Source}: circuit opened for {Seconds:0}s after {Failure}", source, args.BreakDuration.TotalSeconds, Describe(args.Outcome));
                return default;
            },
            OnHalfOpened = _ =>
            {
                logger.LogInformation("Source {Source}: circuit half-open, trying once", source);
                return default;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Source {Source}: circuit closed", source);
                return default;
            },
        });
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(0.01, o.TimeoutSeconds)),
            OnTimeout = args =>
            {
                logger.LogWarning("Source {Source}: no answer within {Seconds:0.0}s", source, args.Timeout.TotalSeconds);
                return default;
            },
        });
        return builder.Build();
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}" : $"HTTP {(int)outcome.Result!.StatusCode}";
}
