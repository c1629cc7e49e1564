namespace ReportHub.Warehouse.Resilience;

/// <summary>Bound from <c>Resilience:Warehouse</c>: retries of warehouse work on transient errors.</summary>
public sealed class WarehouseResilienceOptions
{
    public const string Section = "Resilience:Warehouse";

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>The first retry's delay; each further one doubles it, with jitter.</summary>
    public int BaseDelayMs { get; set; } = 500;

    /// <summary>No retry waits longer than this.</summary>
    public int MaxDelayMs { get; set; } = 15_000;
}
