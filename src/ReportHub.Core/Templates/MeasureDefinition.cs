namespace ReportHub.Core.Templates;

public enum Aggregate
{
    Sum,
    Min,
    Max,
}

/// <summary>A figure each submission yields, e.g. the sum of a count column or a table's row count.</summary>
public sealed record MeasureDefinition
{
    public required string Key { get; init; }
    public required string Label { get; init; }

    /// <summary>"section.column", or "section.rows" for the number of data rows.</summary>
    public required string From { get; init; }

    public Aggregate Aggregate { get; init; } = Aggregate.Sum;

    /// <summary>True when a later report repeats the running total rather than adding to it.</summary>
    public bool Cumulative { get; init; }

    public string SectionKey => From.Split('.', 2)[0];

    public string ColumnKey => From.Split('.', 2) is [_, var column] ? column : "rows";

    public bool CountsRows => ColumnKey == "rows";
}

/// <summary>A ratio of two aggregated measures; never stored, always computed from the sums it divides.</summary>
public sealed record IndicatorDefinition
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public required string Numerator { get; init; }
    public required string Denominator { get; init; }
    public decimal Factor { get; init; } = 1;
}
