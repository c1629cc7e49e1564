namespace ReportHub.Pipeline.Ingestion;

/// <summary>Bound from the <c>Ingest</c> configuration section (CONTRACT §3).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public string Inbox { get; set; } = "data/inbox";

    /// <summary>Where ingested files go, named by content hash.</summary>
    public string Archive { get; set; } = "data/archive";

    /// <summary>Where rejected files go, with their issues beside them as JSON.</summary>
    public string Quarantine { get; set; } = "data/quarantine";

    public int PollSeconds { get; set; } = 5;

    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxRows { get; set; } = 200_000;

    /// <summary>Run the inbox worker inside the API process.</summary>
    public bool RunWorker { get; set; } = true;

    public List<HttpSourceOptions> HttpSources { get; set; } = [];
}

public sealed class HttpSourceOptions
{
    public string Url { get; set; } = "";
    public string? Unit { get; set; }
    public string? Round { get; set; }
}
