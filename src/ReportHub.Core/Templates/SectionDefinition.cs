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
    /// <summary>
    /// What one data row is. COVID's "directive" and "qr" also fill the report's typed projections; any other kind
    /// (or none) is read only into the generic tables.
    /// </summary>
    public string RowKind { get; init; } = "";

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
