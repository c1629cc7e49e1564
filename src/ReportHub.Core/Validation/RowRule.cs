using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Validation;

/// <summary>A template rule that looks at one row at a time.</summary>
internal abstract class RowRule(RuleDefinition rule)
{
    public RuleDefinition Rule { get; } = rule;

    public abstract void Check(TableReading table, ReadRow row, ParseContext context);

    public static RowRule For(RuleDefinition rule, DateOnly reportDate, DateOnly earliest) => rule.Type switch
    {
        RuleType.Compare => new CompareRule(rule),
        RuleType.Requires => new RequiresRule(rule),
        RuleType.DateWindow => new DateWindowRule(rule, reportDate, earliest),
        RuleType.Unique => new UniqueRule(rule),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Type, "Not a row rule."),
    };

    protected void Report(ParseContext context, string defaultCode, string cell, string message)
    {
        if (Rule.Severity == RuleSeverity.Error)
        {
            context.Error(Rule.Code ?? defaultCode, cell, message);
        }
        else
        {
            context.Warning(Rule.Code ?? defaultCode, cell, message);
        }
    }

    /// <summary>
    /// An operand of the rule has no value in this row. A blank required cell, or one the reader could not type, is
    /// already an error at that cell; any other blank is reported here with the rule's severity, so that the check is
    /// never counted as passed when it was never made.
    /// </summary>
    protected void Unchecked(TableReading table, ReadRow row, ParseContext context, string column, string condition)
    {
        var definition = table.Table.Column(column);
        if (definition is null || definition.IsRequired || row.Row.Values.ContainsKey(column) || HasFault(row, column))
        {
            return;
        }
        var message = Messages.RuleUnchecked(condition, table.Header(column));
        if (Rule.Severity == RuleSeverity.Error)
        {
            context.Error(IssueCodes.RuleOperandMissing, table.CellOf(row, column), message);
        }
        else
        {
            context.Warning(IssueCodes.RuleOperandMissing, table.CellOf(row, column), message);
        }
    }

    private static bool HasFault(ReadRow row, string column)
    {
        for (var i = 0; i < row.Faults.Count; i++)
        {
            if (row.Faults[i].Column == column)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The rule's own message with its placeholders filled, or the check's wording when it has none.</summary>
    protected string Message(string fallback, params (string Name, string Value)[] values) =>
        Rule.Message is { } template ? RuleText.Fill(template, values) : fallback;

    /// <summary>How the row is named in a message: its first required text (the entity), else where it starts.</summary>
    protected static string Label(TableReading table, ReadRow row)
    {
        var key = table.Table.Columns.FirstOrDefault(c => c.IsRequired && c.Type is ColumnType.Text or ColumnType.Unit)?.Key;
        return key is not null && row[key] is { } value ? value.Text : row.Row.Cell;
    }
}

internal static class RuleText
{
    public static string Fill(string template, IEnumerable<(string Name, string Value)> values)
    {
        var text = template;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }
}
