namespace ReportHub.Core.Domain;

/// <summary>
/// One value of a template table row as read and typed by its column: what was written, and what it means. Only the
/// members that fit the column's type are set (a count or amount has <see cref="Number"/>, a date or a citation
/// <see cref="Date"/>, a choice or unit column <see cref="Code"/>, a list <see cref="Items"/>).
/// </summary>
public sealed record FieldValue
{
    public required string Text { get; init; }
    public decimal? Number { get; init; }
    public DateOnly? Date { get; init; }
    public string? Code { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
}

/// <summary>One data row of a template table, its values by column key. Empty cells are absent.</summary>
public sealed record ParsedRow
{
    public required int Ordinal { get; init; }

    /// <summary>Where the row starts (A1), so that a finding or a stored row can point back at it.</summary>
    public required string Cell { get; init; }

    public required IReadOnlyDictionary<string, FieldValue> Values { get; init; }
}

/// <summary>The data rows of one table section, in the order written, total row excluded.</summary>
public sealed record ParsedTable
{
    public required string Section { get; init; }
    public required IReadOnlyList<ParsedRow> Rows { get; init; }

    /// <summary>
    /// The sheet column (1-based) each template column was found in, so that a check made after parsing (a unit
    /// name resolved against the registry) can point at the cell: that column in the row of <see cref="ParsedRow.Cell"/>.
    /// </summary>
    public IReadOnlyDictionary<string, int> Columns { get; init; } = new Dictionary<string, int>();
}
