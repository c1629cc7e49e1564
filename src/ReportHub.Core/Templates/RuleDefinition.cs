using System.Text.Json.Serialization;

namespace ReportHub.Core.Templates;

public enum RuleType
{
    /// <summary>Left op right between two columns of one row.</summary>
    Compare,

    /// <summary>When the "when" column is above 0, the "then" column must be too.</summary>
    Requires,

    /// <summary>The total row agrees with the sum of every numeric measure column of the section.</summary>
    TotalRow,

    /// <summary>A date column lies between From and the report's date plus DaysAfterReport.</summary>
    DateWindow,

    /// <summary>No two rows share the values of Columns.</summary>
    Unique,
}

public enum CompareOp
{
    [JsonStringEnumMemberName("<")] Less,
    [JsonStringEnumMemberName("<=")] LessOrEqual,
    [JsonStringEnumMemberName("=")] Equal,
    [JsonStringEnumMemberName(">=")] GreaterOrEqual,
    [JsonStringEnumMemberName(">")] Greater,
}

public enum RuleSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One check of a template's rows. Messages may name values with placeholders: {row} (the row's label), {left},
/// {right}, {leftHeader}, {rightHeader}, {when}, {then}, {whenHeader}, {thenHeader}, {date}, {from}, {to},
/// {value}, {first}; without a message the check words its own.
/// </summary>
public sealed record RuleDefinition
{
    public required RuleType Type { get; init; }
    public required string Section { get; init; }
    public string? Left { get; init; }
    public CompareOp Op { get; init; } = CompareOp.LessOrEqual;
    public string? Right { get; init; }
    public string? When { get; init; }
    public string? Then { get; init; }
    public string? Column { get; init; }
    public IReadOnlyList<string> Columns { get; init; } = [];
    public DateOnly? From { get; init; }
    public int? DaysAfterReport { get; init; }
    public RuleSeverity Severity { get; init; } = RuleSeverity.Error;

    /// <summary>The stable issue code; null uses rule.&lt;type&gt;.</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }
}
