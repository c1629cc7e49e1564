using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>A value the typer could not take as its column's type; the validator reports it.</summary>
internal sealed record ValueFault(string Column, string Code, string Cell, string Message, bool IsError);

/// <summary>
/// A typed row with the grid cell behind each value, so a finding can point at the one to fix. Addresses are
/// formatted only for the few cells a finding names, not for every cell of a 100,000-row table.
/// </summary>
internal sealed record ReadRow(ParsedRow Row, int SheetRow, IReadOnlyDictionary<string, GridCell> Cells, IReadOnlyList<ValueFault> Faults)
{
    public FieldValue? this[string key] => Row.Values.GetValueOrDefault(key);

    public string? AddressOf(string key) => Cells.TryGetValue(key, out var cell) ? cell.Address : null;

    public decimal? Number(string key) => Row.Values.GetValueOrDefault(key)?.Number;
}

/// <summary>One table section as read and typed, before any check.</summary>
internal sealed record TableReading(SectionDefinition Section, TableLayout Layout, IReadOnlyList<ReadRow> Rows, ReadRow? Total)
{
    public TableDefinition Table => Section.Table!;

    public ParsedTable ToParsed() => new() { Section = Section.Key, Rows = Rows.Select(r => r.Row).ToList(), Columns = Layout.Columns };

    /// <summary>The cell of a column in a row: where it was written, or where it should have been.</summary>
    public string CellOf(ReadRow row, string key) =>
        row.AddressOf(key) is { } address ? address
        : Layout.ColumnOf(key) is { } column ? Grid.A1.Format(row.SheetRow, column)
        : row.Row.Cell;

    public string Header(string key) => Table.Column(key)?.Header ?? key;
}
