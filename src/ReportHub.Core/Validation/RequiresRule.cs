using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>
/// When the "when" column is above 0 the "then" column must be too (scans need codes to scan). A blank operand never
/// lets the row pass: a required one is already an error of its column, an optional one is reported as unchecked.
/// </summary>
internal sealed class RequiresRule(RuleDefinition rule) : RowRule(rule)
{
    public override void Check(TableReading table, ReadRow row, ParseContext context)
    {
        var condition = $"có “{table.Header(Rule.When!)}” thì phải có “{table.Header(Rule.Then!)}”";
        if (row.Number(Rule.When!) is not { } when)
        {
            Unchecked(table, row, context, Rule.When!, condition);
            return;
        }
        if (when <= 0)
        {
            return;
        }
        if (row.Number(Rule.Then!) is not { } then)
        {
            Unchecked(table, row, context, Rule.Then!, condition);
            return;
        }
        if (then > 0)
        {
            return;
        }
        var whenHeader = table.Header(Rule.When!);
        var thenHeader = table.Header(Rule.Then!);
        Report(context, IssueCodes.RuleRequires, table.CellOf(row, Rule.Then!),
            Message(Messages.RequiresFailed(whenHeader, when, thenHeader),
                ("row", Label(table, row)), ("when", Messages.D(when)), ("then", "0"),
                ("whenHeader", whenHeader), ("thenHeader", thenHeader)));
    }
}
