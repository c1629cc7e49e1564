using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>The template's indicators, each numerator ÷ denominator × factor of aggregated measures.</summary>
public static class Indicators
{
    /// <summary>
    /// <paramref name="aggregated"/> holds measure values already summed over whatever is being reported (one
    /// submission, a district, a province). The ratio is taken of those sums, never as the mean of each unit's ratio:
    /// a commune that received 2 files, 2 online (100%) and a city that received 1000, 100 online (10%) make 102/1002
    /// ≈ 10.2% online, not the 55% a mean of their rates would claim. Null when the denominator is 0 or a measure is
    /// missing: "no files received" has no rate, and 0% would be a false statement.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> Compute(TemplateDefinition template, IReadOnlyDictionary<string, decimal> aggregated)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(aggregated);
        var result = new Dictionary<string, decimal?>();
        foreach (var indicator in template.Indicators)
        {
            result[indicator.Key] =
                aggregated.TryGetValue(indicator.Numerator, out var numerator)
                && aggregated.TryGetValue(indicator.Denominator, out var denominator)
                && denominator != 0
                    ? Ratio(numerator, denominator, indicator.Factor)
                    : null;
        }
        return result;
    }

    /// <summary>
    /// The figures as every JSON object shows them: the measures, then each indicator that has a value, rounded to two
    /// decimals (away from zero, as people round a percentage by hand). An indicator with no value is left out.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> WithIndicators(TemplateDefinition? template, IReadOnlyDictionary<string, decimal> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        if (template is null || template.Indicators.Count == 0)
        {
            return measures;
        }
        var figures = new Dictionary<string, decimal>(measures, StringComparer.Ordinal);
        foreach (var (key, value) in Compute(template, measures))
        {
            if (value is { } known)
            {
                figures[key] = Round(known);
            }
        }
        return figures;
    }

    /// <summary>Two decimals, away from zero, as people round a percentage by hand.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>numerator ÷ denominator × factor; null when the denominator is 0 or the result cannot be held.</summary>
    public static decimal? Ratio(decimal numerator, decimal denominator, decimal factor)
    {
        if (denominator == 0)
        {
            return null;
        }
        try
        {
            return numerator / denominator * factor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
