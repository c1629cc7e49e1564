using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>A round's figures: each measure over the units that have it, and how many units each figure covers.</summary>
public sealed record RoundFigures
{
    /// <summary>Measures aggregated as the definition says, then indicators; a figure no unit has is absent.</summary>
    public required MeasureFigures Figures { get; init; }

    /// <summary>How many units each measure and indicator is taken over.</summary>
    public required FigureCoverage Coverage { get; init; }

    /// <summary>
    /// Aggregates the units' measures by the template. Only the units that have a value take part in a measure, so a
    /// unit that did not report it is neither a 0 in a sum nor a 0 in an average. An indicator is the ratio of its two
    /// measures aggregated over the same units: those that report both. Dividing a four-unit numerator by a one-unit
    /// denominator would give a rate nobody could sign.
    /// </summary>
    /// <param name="template">The round's definition; without one every stored measure is summed and no indicator is taken.</param>
    public static RoundFigures Of(TemplateDefinition? template, IReadOnlyList<IReadOnlyDictionary<string, decimal>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var coverage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var measures = template?.Measures.Select(m => (m.Key, m.Aggregate)).ToList()
            ?? units.SelectMany(u => u.Keys).Distinct(StringComparer.Ordinal).Select(k => (Key: k, Aggregate: Aggregate.Sum)).ToList();
        foreach (var (key, aggregate) in measures)
        {
            var (value, count) = Over(units, key, aggregate);
            coverage[key] = count;
            if (value is { } known)
            {
                figures[key] = known;
            }
        }
        foreach (var indicator in template?.Indicators ?? [])
        {
            var both = units.Where(u => u.ContainsKey(indicator.Numerator) && u.ContainsKey(indicator.Denominator)).ToList();
            coverage[indicator.Key] = both.Count;
            var numerator = Over(both, indicator.Numerator, AggregateOf(template!, indicator.Numerator)).Value;
            var denominator = Over(both, indicator.Denominator, AggregateOf(template!, indicator.Denominator)).Value;
            if (numerator is { } n && denominator is { } d && Indicators.Ratio(n, d, indicator.Factor) is { } ratio)
            {
                figures[indicator.Key] = Indicators.Round(ratio);
            }
        }
        return new RoundFigures { Figures = new MeasureFigures(figures), Coverage = new FigureCoverage(coverage) };
    }

    private static Aggregate AggregateOf(TemplateDefinition template, string measure) =>
        template.Measure(measure)?.Aggregate ?? Aggregate.Sum;

    private static (decimal? Value, int Count) Over(IReadOnlyList<IReadOnlyDictionary<string, decimal>> units, string key, Aggregate aggregate)
    {
        decimal sum = 0, min = decimal.MaxValue, max = decimal.MinValue;
        var count = 0;
        foreach (var unit in units)
        {
            if (!unit.TryGetValue(key, out var value))
            {
                continue;
            }
            sum = Add(sum, value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            count++;
        }
        if (aggregate == Aggregate.Count)
        {
            return (count, count);
        }
        if (count == 0)
        {
            return (null, 0);
        }
        return (aggregate switch
        {
            Aggregate.Min => min,
            Aggregate.Max => max,
            Aggregate.Average => sum / count,
            _ => sum,
        }, count);
    }

    /// <summary>Held at ±decimal.MaxValue rather than overflow: a round's totals must answer whatever the warehouse holds.</summary>
    public static decimal Add(decimal a, decimal b)
    {
        if (a > 0 && b > decimal.MaxValue - a)
        {
            return decimal.MaxValue;
        }
        if (a < 0 && b < decimal.MinValue - a)
        {
            return decimal.MinValue;
        }
        return a + b;
    }
}
