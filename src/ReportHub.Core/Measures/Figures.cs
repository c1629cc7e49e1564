using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>A submission's value of each template measure, from its typed tables.</summary>
public static class Figures
{
    /// <summary>
    /// Each measure the report has a value for. A table the file lacks gives no value at all. Over a table that is
    /// there, a row count and a count of values are always known, and a sum over no rows is 0 (the table says there is
    /// nothing); but rows that carry no value in the measure's column say nothing, so the measure is left out rather
    /// than made 0, and a min, max or average over no values is left out too.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Compute(TemplateDefinition template, IReadOnlyDictionary<string, ParsedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(tables);
        var figures = new Dictionary<string, decimal>();
        foreach (var measure in template.Measures)
        {
            if (!tables.TryGetValue(measure.SectionKey, out var table))
            {
                continue;
            }
            var rows = table.Rows;
            if (measure.CountsRows)
            {
                figures[measure.Key] = rows.Count;
                continue;
            }
            // One pass without a list: a table of 100,000 rows is summed here once per measure.
            decimal sum = 0, min = decimal.MaxValue, max = decimal.MinValue;
            var count = 0;
            foreach (var row in rows)
            {
                if (row.Values.TryGetValue(measure.ColumnKey, out var value) && value.Number is { } number)
                {
                    // Counts are bounded when typed, but a sum of many bounded amounts can still pass decimal's range.
                    sum = RoundFigures.Add(sum, number);
                    min = Math.Min(min, number);
                    max = Math.Max(max, number);
                    count++;
                }
            }
            if (measure.Aggregate == Aggregate.Count)
            {
                figures[measure.Key] = count;
                continue;
            }
            if (count == 0)
            {
                if (measure.Aggregate == Aggregate.Sum && rows.Count == 0)
                {
                    figures[measure.Key] = 0;
                }
                continue;
            }
            figures[measure.Key] = measure.Aggregate switch
            {
                Aggregate.Min => min,
                Aggregate.Max => max,
                Aggregate.Average => sum / count,
                _ => sum,
            };
        }
        return figures;
    }
}
