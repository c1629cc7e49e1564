namespace ReportHub.Core.Templates;

public sealed record SectionDefinition
{
    public required string Key { get; init; }
    public required string Number { get; init; }
    public required string Heading { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public bool Required { get; init; }
    public TableDefinition? Table { get; init; }

    public bool IsNarrative => Table is null;
}

public sealed record TableDefinition
{
    /// <summary>What one data row is, in the words of the blank form's guide ("văn bản chỉ đạo"); null says "nội dung".</summary>
    public string? RowNoun { get; init; }

    /// <summary>How the consolidated workbook lays out this table's sheet; null shows every non-ordinal column.</summary>
    public SheetDefinition? Sheet { get; init; }

    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }
    public IReadOnlyList<string> TotalLabels { get; init; } = [];

    // Asked per row by the checks: an indexed loop, since a lambda capturing the key or an enumerator over the interface costs an object per call.
    public ColumnDefinition? Column(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Key == key)
            {
                return Columns[i];
            }
        }
        return null;
    }
}

/// <summary>A detail sheet of the consolidated workbook.</summary>
public sealed record SheetDefinition
{
    /// <summary>The tab's name (at most 31 characters, as Excel allows); null uses the section's heading.</summary>
    public string? Name { get; init; }

    /// <summary>The banner above the table; null uses the heading in capitals.</summary>
    public string? Title { get; init; }

    /// <summary>The columns after STT and the unit's name, in order; empty shows the defaults.</summary>
    public IReadOnlyList<SheetColumnDefinition> Columns { get; init; } = [];
}

public enum CitationPart
{
    Text,
    Number,
    Symbol,
    Date,
}

public sealed record SheetColumnDefinition
{
    /// <summary>The table column shown, or on the narratives sheet the narrative section.</summary>
    public required string From { get; init; }

    public required string Header { get; init; }

    /// <summary>For a citation: the text as written, or the number, symbol or date read from it.</summary>
    public CitationPart Part { get; init; } = CitationPart.Text;

    public double? Width { get; init; }
}
