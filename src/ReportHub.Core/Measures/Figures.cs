using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Measures;

/// <summary>A submission's value of each template measure, from its typed tables.</summary>
public static class Figures
{
    /// <summary>
    /// Sums and row counts are 0 for a table the file lacks (nothing reported is nothing to add); a min or max over
    /// no values is absent rather than a made-up 0.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> Compute(TemplateDefinition template, IReadOnlyDictionary<string, ParsedTable> tables)
    {
        var figures = new Dictionary<string, decimal>();
        foreach (var measure in template.Measures)
        {
            var rows = tables.TryGetValue(measure.SectionKey, out var table) ? table.Rows : [];
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
                    sum += number;
                    min = Math.Min(min, number);
                    max = Math.Max(max, number);
                    count++;
                }
            }
            switch (measure.Aggregate)
            {
                case Aggregate.Sum:
                    figures[measure.Key] = sum;
                    break;
                case Aggregate.Min when count > 0:
                    figures[measure.Key] = min;
                    break;
                case Aggregate.Max when count > 0:
                    figures[measure.Key] = max;
                    break;
            }
        }
        return figures;
    }
}
