namespace ReportHub.Core.Templates;

// New members go at the end: nothing stores the numbers, but keeping the old ones put costs nothing.
public enum ColumnType
{
    Ordinal,
    Text,
    Citation,
    List,
    Count,

    /// <summary>A decimal quantity such as money: "1.234,5" or "1,234.5".</summary>
    Amount,

    /// <summary>A decimal in percent units: "12,5%" is 12.5.</summary>
    Percent,
    Date,

    /// <summary>One of <see cref="ColumnDefinition.Values"/>, matched without regard to tones, case or punctuation.</summary>
    Choice,

    /// <summary>The name of a unit of the registry; Core keeps the text, resolution happens where the registry is.</summary>
    Unit,
}

public sealed record ColumnDefinition
{
    /// <summary>The key "rows" is reserved: "section.rows" in a measure means the row count.</summary>
    public required string Key { get; init; }

    public required string Header { get; init; }
    public IReadOnlyList<string> Variants { get; init; } = [];
    public ColumnType Type { get; init; } = ColumnType.Text;
    public bool Required { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>The allowed values of a choice column, as they are shown to senders.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>
    /// The issue code and message when a required cell is left blank, for templates whose wording predates the
    /// generic one (COVID's "directive.content-missing"); null uses value.required-missing.
    /// </summary>
    public string? MissingCode { get; init; }

    public string? MissingMessage { get; init; }

    public double Width { get; init; } = 20;

    public bool IsNumeric => Type is ColumnType.Count or ColumnType.Amount or ColumnType.Percent;
}
