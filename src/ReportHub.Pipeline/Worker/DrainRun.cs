namespace ReportHub.Pipeline.Worker;

/// <summary>What a <c>watch --drain</c> run knows about its sources: which answered "nothing new", which keep failing.</summary>
public sealed class DrainRun
{
    internal HashSet<string> Empty { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Sources given up for this run after failing every attempt.</summary>
    public IReadOnlyCollection<string> GivenUp => _givenUp;

    private readonly HashSet<string> _givenUp = new(StringComparer.Ordinal);

    internal void GiveUp(string url)
    {
        _givenUp.Add(url);
        Empty.Add(url);
    }
}
