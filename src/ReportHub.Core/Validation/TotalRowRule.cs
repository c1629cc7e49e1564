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
            var header = table.Header(key);
            var cell = table.CellOf(total, key);
            // Rows without a value cannot be added up: a total that "agrees" with their blanks taken as 0 proves nothing.
            if (table.Rows.Any(r => r.Number(key) is null))
            {
                if (table.Table.Column(key) is { IsRequired: false })
                {
                    Report(rule, context, cell, Messages.RuleUnchecked($"dòng tổng cộng bằng tổng các dòng ở cột “{header}”", header));
                }
                continue;
            }
            var sum = table.Rows.Sum(r => r.Number(key) ?? 0);
            if (written == sum)
            {
                continue;
            }
            var message = rule.Message is { } text
                ? RuleText.Fill(text, [("column", header), ("written", Messages.D(written)), ("sum", Messages.D(sum))])
                : Messages.TotalMismatch(header, written, sum);
            Report(rule, context, cell, message, rule.Code ?? IssueCodes.RuleTotalRow);
        }
    }

    private static void Report(RuleDefinition rule, ParseContext context, string cell, string message, string code = IssueCodes.RuleOperandMissing)
    {
        if (rule.Severity == RuleSeverity.Error)
        {
            context.Error(code, cell, message);
        }
        else
        {
            context.Warning(code, cell, message);
        }
    }
}
