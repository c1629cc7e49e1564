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

    /// <summary>Legacy spelling: <c>"required": false</c> is <c>"optional": true</c>; columns are required by default.</summary>
    public bool? Required { get; init; }

    /// <summary>A blank cell is allowed and has no value (null); it is never taken as 0.</summary>
    public bool Optional { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>The allowed values of a choice column, as they are shown to senders.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Legacy: the issue code when a required cell is left blank; null uses value.missing.</summary>
    public string? MissingCode { get; init; }

    /// <summary>The message when a required cell is left blank, in place of the one naming the column's heading.</summary>

    public string? MissingMessage { get; init; }

    public double Width { get; init; } = 20;

    /// <summary>
    /// Whether a blank cell is an error. An ordinal is the row's numbering, which senders often leave out, so it is
    /// optional unless the definition says otherwise.
    /// </summary>
    public bool IsRequired => Required ?? !(Optional || Type == ColumnType.Ordinal);

    public bool IsNumeric => Type is ColumnType.Count or ColumnType.Amount or ColumnType.Percent;
}
