using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>
/// The figures a template shows as top-level JSON fields, each a whole number (written as JSON extension data). Equal
/// when they hold the same values, so that records carrying them compare by value as the figures do.
/// </summary>
public sealed class FieldValues : Dictionary<string, object>, IEquatable<FieldValues>
{
    private FieldValues()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>
    /// Each measure marked <c>field</c> that has a value; a measure without one has no field, never a 0. Null when there
    /// is none, so an object without fields writes nothing extra.
    /// </summary>
    public static FieldValues? Of(TemplateDefinition? template, IReadOnlyDictionary<string, decimal> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (template is null)
        {
            return null;
        }
        FieldValues? fields = null;
        foreach (var measure in template.Measures)
        {
            if (measure.Field && figures.TryGetValue(measure.Key, out var value))
            {
                fields ??= new FieldValues();
                fields[measure.Key] = Whole(value);
            }
        }
        return fields;
    }

    /// <summary>The value of a field as a whole number, or null when there is no such field.</summary>
    public long? Get(string key) => TryGetValue(key, out var value) ? (long)value : null;

    // Held at the long bounds: a warehouse may hold figures stored before counts were bounded, and the answer must stand.
    private static long Whole(decimal value)
    {
        var whole = decimal.Truncate(value);
        return whole >= long.MaxValue ? long.MaxValue : whole <= long.MinValue ? long.MinValue : (long)whole;
    }

    public bool Equals(FieldValues? other) =>
        other is not null && other.Count == Count && this.All(kv => other.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));

    public override bool Equals(object? obj) => obj is FieldValues other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in this.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}
