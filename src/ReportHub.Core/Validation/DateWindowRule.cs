using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>
/// A date (of a date or citation column) between the rule's first day and the report's date plus a margin: a
/// document cannot be issued long after the letter that cites it, and one dated before the subject existed is a typo.
/// </summary>
internal sealed class DateWindowRule(RuleDefinition rule, DateOnly reportDate, DateOnly earliest) : RowRule(rule)
{
    private readonly DateOnly _from = rule.From ?? earliest;

    private readonly DateOnly _to = rule.DaysAfterReport is { } days ? reportDate.AddDays(days) : DateOnly.MaxValue;

    public override void Check(TableReading table, ReadRow row, ParseContext context)
    {
        if (row[Rule.Column!]?.Date is not { } date || (date >= _from && date <= _to))
        {
            return;
        }
        Report(context, IssueCodes.RuleDateWindow, table.CellOf(row, Rule.Column!),
            Message(Messages.DateImplausible(date, _from, _to),
                ("row", Label(table, row)), ("date", Messages.Date(date)), ("from", Messages.Date(_from)), ("to", Messages.Date(_to))));
    }
}
