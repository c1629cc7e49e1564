using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>
/// When the "when" column is above 0 the "then" column must be too (scans need codes to scan). A blank or unreadable
/// "then" counts as 0, as the column check has told the sender.
/// </summary>
internal sealed class RequiresRule(RuleDefinition rule) : RowRule(rule)
{
    public override void Check(TableReading table, ReadRow row, ParseContext context)
    {
        if (row.Number(Rule.When!) is not { } when || when <= 0 || (row.Number(Rule.Then!) ?? 0) > 0)
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
