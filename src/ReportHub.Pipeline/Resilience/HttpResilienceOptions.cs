namespace ReportHub.Pipeline.Resilience;

/// <summary>Bound from <c>Resilience:Http</c>: how the worker treats department HTTP sources.</summary>
public sealed class HttpResilienceOptions
{
    public const string Section = "Resilience:Http";

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, timeouts and connection errors.</summary>
    public int MaxRetries { get; set; } = 4;

    public int BaseDelayMs { get; set; } = 1_000;

    public int MaxDelayMs { get; set; } = 30_000;

    /// <summary>Each request (each attempt) is given up after this many seconds.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>The share of failed attempts within the sampling window that opens a source's circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within the window before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    public double BreakerSamplingSeconds { get; set; } = 60;

    /// <summary>How long an open circuit refuses calls to its source before a trial call.</summary>
    public double BreakerBreakSeconds { get; set; } = 30;
}
