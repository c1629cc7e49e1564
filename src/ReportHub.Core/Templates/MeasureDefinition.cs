namespace ReportHub.Core.Templates;

/// <summary>
/// How values make one value: a report's rows its measure, and the units' measures the round's figure. Only the
/// values that exist take part; none at all gives no value, never 0.
/// </summary>
public enum Aggregate
{
    Sum,
    Min,
    Max,

    /// <summary>The mean of the values.</summary>
    Average,

    /// <summary>How many values there are: a report's rows with a value, a round's units with a value.</summary>
    Count,
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

    /// <summary>The column heading of the measure in the consolidated workbook; null uses the label.</summary>
    public string? Heading { get; init; }

    /// <summary>That column's width in characters; null uses the workbook's default.</summary>
    public double? Width { get; init; }

    /// <summary>
    /// Also shown as a top-level JSON field named by the key, as a whole number, in every object that carries figures:
    /// the fields of the first contract, which scripts still read.
    /// </summary>
    public bool Field { get; init; }

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
