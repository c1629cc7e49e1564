using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>
/// left op right between two numeric columns of a row. A row missing either value cannot pass: a required blank is
/// already an error of its column, and an optional one is reported as a check that could not be made.
/// </summary>
internal sealed class CompareRule(RuleDefinition rule) : RowRule(rule)
{
    public override void Check(TableReading table, ReadRow row, ParseContext context)
    {
        if (row.Number(Rule.Left!) is not { } left)
        {
            Unchecked(table, row, context, Rule.Left!, Condition(table));
            return;
        }
        if (row.Number(Rule.Right!) is not { } right)
        {
            Unchecked(table, row, context, Rule.Right!, Condition(table));
            return;
        }
        if (Holds(left, right))
        {
            return;
        }
        var leftHeader = table.Header(Rule.Left!);
        var rightHeader = table.Header(Rule.Right!);
        Report(context, IssueCodes.RuleCompare, table.CellOf(row, Rule.Left!),
            Message(Messages.CompareFailed(leftHeader, Wording(Rule.Op), rightHeader, left, right),
                ("row", Label(table, row)), ("left", Messages.D(left)), ("right", Messages.D(right)),
                ("leftHeader", leftHeader), ("rightHeader", rightHeader)));
    }

    private string Condition(TableReading table) =>
        $"“{table.Header(Rule.Left!)}” {Wording(Rule.Op)} “{table.Header(Rule.Right!)}”";

    private bool Holds(decimal left, decimal right) => Rule.Op switch
    {
        CompareOp.Less => left < right,
        CompareOp.LessOrEqual => left <= right,
        CompareOp.Equal => left == right,
        CompareOp.GreaterOrEqual => left >= right,
        _ => left > right,
    };

    private static string Wording(CompareOp op) => op switch
    {
        CompareOp.Less => "nhỏ hơn",
        CompareOp.LessOrEqual => "nhỏ hơn hoặc bằng",
        CompareOp.Equal => "bằng",
        CompareOp.GreaterOrEqual => "lớn hơn hoặc bằng",
        _ => "lớn hơn",
    };
}
