using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ReportHub.Core.Measures;

/// <summary>
/// How many units each figure of a round is taken over, in key order, equal when it holds the same counts: totals
/// compare by value (a round's totals before and after a replay are the same totals).
/// </summary>
public sealed class FigureCoverage : IReadOnlyDictionary<string, int>, IEquatable<FigureCoverage>
{
    private readonly SortedDictionary<string, int> _counts;

    public FigureCoverage(IEnumerable<KeyValuePair<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in counts)
        {
            _counts[key] = count;
        }
    }

    public static FigureCoverage Empty { get; } = new([]);

    public int this[string key] => _counts[key];

    public IEnumerable<string> Keys => _counts.Keys;

    public IEnumerable<int> Values => _counts.Values;

    public int Count => _counts.Count;

    public bool ContainsKey(string key) => _counts.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value) => _counts.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _counts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(FigureCoverage? other) => other is not null && other._counts.Count == _counts.Count
        && _counts.All(kv => other._counts.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override bool Equals(object? obj) => obj is FigureCoverage other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _counts)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}
