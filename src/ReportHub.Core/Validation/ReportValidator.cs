using ReportHub.Core.Domain;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>
/// Every check of a report's tables, driven by the template: the columns' types, required cells and bounds, then
/// the template's rules. Findings come row by row (a row's cells, then its rules) so that a sender fixing the file
/// top-down meets them in order; checks of the table as a whole (its total row) follow its rows.
/// </summary>
internal static class ReportValidator
{
    public static void Validate(TemplateDefinition template, IReadOnlyList<TableReading> tables, ReportHeader header,
        ParseOptions options, ParseContext context, CancellationToken cancellationToken = default)
    {
        var reportDate = header.PlaceDate?.Date ?? options.Today;
        foreach (var table in tables)
        {
            var rules = template.Rules.Where(r => r.Section == table.Section.Key).ToList();
            var rowRules = rules.Where(r => r.Type != RuleType.TotalRow).Select(r => RowRule.For(r, reportDate, options.EarliestDate)).ToList();
            var seen = 0;
            foreach (var row in table.Rows)
            {
                if ((++seen & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                ColumnCheck.Check(table, row, context);
                foreach (var rule in rowRules)
                {
                    rule.Check(table, row, context);
                }
            }
            foreach (var rule in rules.Where(r => r.Type == RuleType.TotalRow))
            {
                TotalRowRule.Check(rule, template, table, context);
            }
        }
    }
}
