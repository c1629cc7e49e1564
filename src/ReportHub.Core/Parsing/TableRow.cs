namespace ReportHub.Core.Parsing;

/// <summary>One data row of a template table, by column key; cells that were empty are absent.</summary>
public sealed record TableRow(int Row, IReadOnlyDictionary<string, GridCell> Cells, int Sequence)
{
    public GridCell? this[string key] => Cells.GetValueOrDefault(key);

    public string? Text(string key) => Cells.TryGetValue(key, out var c) ? c.Text : null;

    public string FirstAddress
    {
        get
        {
            GridCell? first = null;
            foreach (var cell in Cells.Values)
            {
                if (first is null || cell.Column < first.Column)
                {
                    first = cell;
                }
            }
            return first is null ? throw new InvalidOperationException("A table row has no cells.") : first.Address;
        }
    }
}

public sealed record TableData(int HeaderRow, TableLayout Layout, IReadOnlyList<TableRow> Rows, TableRow? TotalRow);
