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
            var values = rows.Select(r => r.Values.GetValueOrDefault(measure.ColumnKey)?.Number).OfType<decimal>().ToList();
            switch (measure.Aggregate)
            {
                case Aggregate.Sum:
                    figures[measure.Key] = values.Sum();
                    break;
                case Aggregate.Min when values.Count > 0:
                    figures[measure.Key] = values.Min();
                    break;
                case Aggregate.Max when values.Count > 0:
                    figures[measure.Key] = values.Max();
                    break;
            }
        }
        return figures;
    }
}
