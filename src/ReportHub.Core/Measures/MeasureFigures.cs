using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ReportHub.Core.Measures;

/// <summary>
/// Figures by measure key, in key order, equal when they hold the same values: rollup records compare by value
/// (a round's totals before and after a replay are the same totals), which a plain dictionary would not.
/// </summary>
public sealed class MeasureFigures : IReadOnlyDictionary<string, decimal>, IEquatable<MeasureFigures>
{
    private readonly SortedDictionary<string, decimal> _values;

    public MeasureFigures(IEnumerable<KeyValuePair<string, decimal>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            // 1 and 1.000000 are one figure: stored numeric(28,6) values come back with the column's scale.
            _values[key] = value / 1.000000000000000000000000000000000m;
        }
    }

    public static MeasureFigures Empty { get; } = new([]);

    public decimal this[string key] => _values[key];

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<decimal> Values => _values.Values;

    public int Count => _values.Count;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out decimal value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MeasureFigures? other) => other is not null && other._values.Count == _values.Count
        && _values.All(kv => other._values.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public override bool Equals(object? obj) => obj is MeasureFigures other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _values)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}
