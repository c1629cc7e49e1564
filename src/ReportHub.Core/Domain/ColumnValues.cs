using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ReportHub.Core.Domain;

/// <summary>The column keys of one table, in the template's order, shared by every row of that table.</summary>
public sealed class ColumnKeys
{
    private readonly string[] _keys;

    public ColumnKeys(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        if (_keys.Distinct(StringComparer.Ordinal).Count() != _keys.Length)
        {
            throw new ArgumentException("Column keys must be distinct.", nameof(keys));
        }
    }

    public int Count => _keys.Length;

    public string this[int index] => _keys[index];

    /// <summary>The key's position, or -1. A table has a handful of columns, so a scan beats hashing the key.</summary>
    public int IndexOf(string key)
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (ReferenceEquals(_keys[i], key))
            {
                return i;
            }
        }
        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// One row's values by column key: an array in column order behind the dictionary interface, enumerated in column
/// order like a dictionary filled column by column. On a 100,000-row table a dictionary per row cost more memory and
/// collection time than the values it held.
/// </summary>
public sealed class ColumnValues<T> : IReadOnlyDictionary<string, T>
    where T : class
{
    private readonly ColumnKeys _keys;
    private readonly T?[] _values;

    public ColumnValues(ColumnKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _values = new T?[keys.Count];
    }

    public int Count { get; private set; }

    /// <summary>The number of columns, filled or not; with <see cref="ValueAt"/>, a walk over the row that allocates nothing.</summary>
    public int Width => _values.Length;

    /// <summary>The value of the column at <paramref name="index"/> in template order, or null when it was empty.</summary>
    public T? ValueAt(int index) => _values[index];

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<T> Values => this.Select(p => p.Value);

    /// <exception cref="ArgumentException">The key is not one of the table's columns.</exception>
    public void Set(string key, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var index = _keys.IndexOf(key);
        if (index < 0)
        {
            throw new ArgumentException($"“{key}” is not a column of this table.", nameof(key));
        }
        if (_values[index] is null)
        {
            Count++;
        }
        _values[index] = value;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        var index = _keys.IndexOf(key);
        value = index < 0 ? null : _values[index];
        return value is not null;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } value)
            {
                yield return new KeyValuePair<string, T>(_keys[i], value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
