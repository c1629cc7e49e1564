namespace ReportHub.Pipeline.Ingestion;

/// <summary>Bound from the <c>Ingest</c> configuration section (appsettings.json, or <c>Ingest__…</c> environment variables).</summary>
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

    /// <summary>
    /// The time one file may take to read and check. A file that takes longer is stored and rejected
    /// (<c>file.timeout</c>) so that it can be replayed, rather than holding the worker for ever.
    /// </summary>
    public double FileTimeoutSeconds { get; set; } = 60;

    /// <summary>Run the inbox worker inside the API process.</summary>
    public bool RunWorker { get; set; } = true;

    public List<HttpSourceOptions> HttpSources { get; set; } = [];

    /// <summary>
    /// How long a worker's claim on a file lasts without renewal. A live worker renews it every third of this; a
    /// claim whose lease ran out belongs to a dead worker and another worker takes the file over.
    /// </summary>
    public int ClaimLeaseSeconds { get; set; } = 120;

    /// <summary>This worker's name in claims; defaults to host:pid:random.</summary>
    public string? WorkerId { get; set; }

    /// <summary>With <c>watch --drain</c>, a source that fails this many polls in a row is given up for the run.</summary>
    public int DrainSourceAttempts { get; set; } = 3;
}

public sealed class HttpSourceOptions
{
    public string Url { get; set; } = "";
    public string? Unit { get; set; }
    public string? Round { get; set; }
}
