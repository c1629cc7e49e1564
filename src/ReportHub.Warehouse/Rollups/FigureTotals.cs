namespace ReportHub.Warehouse.Rollups;

/// <summary>Aggregates unit figures into a round's figures; never throws, however large the stored values.</summary>
public static class FigureTotals
{
    /// <summary>
    /// Each measure any unit has, aggregated by <paramref name="aggregates"/> (a measure not named there is summed).
    /// Sums hold at ±decimal.MaxValue rather than overflow: a figure is at most 10^22 (numeric(28,6)), so that
    /// takes millions of units, but a round's totals must answer whatever the warehouse holds.
    /// </summary>
    public static MeasureFigures Aggregate(IEnumerable<IReadOnlyDictionary<string, decimal>> units,
        IReadOnlyDictionary<string, MeasureAggregate> aggregates)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(aggregates);
        var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var figures in units)
        {
            foreach (var (measure, value) in figures)
            {
                if (!result.TryGetValue(measure, out var sofar))
                {
                    result[measure] = value;
                    continue;
                }
                result[measure] = aggregates.GetValueOrDefault(measure, MeasureAggregate.Sum) switch
                {
                    MeasureAggregate.Min => Math.Min(sofar, value),
                    MeasureAggregate.Max => Math.Max(sofar, value),
                    _ => Add(sofar, value),
                };
            }
        }
        return new MeasureFigures(result);
    }

    public static decimal Add(decimal a, decimal b)
    {
        // Overflow needs both operands of one sign beyond half the range; test before adding rather than catch.
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

    /// <summary>A figure as a whole count for the COVID fields (directives, qrCodes, qrScans), held at the long bounds.</summary>
    public static long Count(IReadOnlyDictionary<string, decimal> figures, string measure)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!figures.TryGetValue(measure, out var value))
        {
            return 0;
        }
        var whole = decimal.Truncate(value);
        return whole >= long.MaxValue ? long.MaxValue : whole <= long.MinValue ? long.MinValue : (long)whole;
    }
}
