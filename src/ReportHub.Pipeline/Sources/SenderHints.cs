namespace ReportHub.Pipeline.Sources;

/// <summary>
/// What a person sending a file by hand may add: the round and unit they mean, and whether to store nothing. The
/// letter itself still decides; a hint only fills in what the letter leaves open.
/// </summary>
public sealed record SenderHints
{
    public string? Round { get; init; }
    public string? Unit { get; init; }
    public bool DryRun { get; init; }
}
