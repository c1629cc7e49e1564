using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>The table's total row against the sum of the rows above it, for every summed numeric measure of the section.</summary>
internal static class TotalRowRule
{
    public static void Check(RuleDefinition rule, TemplateDefinition template, TableReading table, ParseContext context)
    {
        if (table.Total is not { } total)
        {
            return;
        }
        var columns = template.Measures
            .Where(m => m.SectionKey == table.Section.Key && !m.CountsRows && m.Aggregate == Aggregate.Sum && table.Table.Column(m.ColumnKey) is { IsNumeric: true })
            .Select(m => m.ColumnKey)
            .Distinct();
        foreach (var key in columns)
        {
            if (total.Number(key) is not { } written)
            {
                continue;
            }
            var sum = table.Rows.Sum(r => r.Number(key) ?? 0);
            if (written == sum)
            {
                continue;
            }
            var header = table.Header(key);
            var cell = table.CellOf(total, key);
            var message = rule.Message is { } text
                ? RuleText.Fill(text, [("column", header), ("written", Messages.D(written)), ("sum", Messages.D(sum))])
                : Messages.TotalMismatch(header, written, sum);
            if (rule.Severity == RuleSeverity.Error)
            {
                context.Error(rule.Code ?? IssueCodes.RuleTotalRow, cell, message);
            }
            else
            {
                context.Warning(rule.Code ?? IssueCodes.RuleTotalRow, cell, message);
            }
        }
    }
}
