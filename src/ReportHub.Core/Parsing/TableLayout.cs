using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>Where a table's header row is and which sheet column holds each template column.</summary>
public sealed record TableLayout(int HeaderRow, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<GridCell> UnknownHeaders)
{
    public int? ColumnOf(string key) => Columns.TryGetValue(key, out var c) ? c : null;

    /// <summary>
    /// Looks a few rows below the heading for the row that names the most template columns. Column order is
    /// whatever the department used; only the header text counts.
    /// </summary>
    public static TableLayout? Find(SheetGrid grid, TableDefinition table, int headingRow, int endRow)
    {
        TableLayout? best = null;
        var rowsTried = 0;
        foreach (var rowNumber in grid.RowNumbers)
        {
            if (rowNumber <= headingRow)
            {
                continue;
            }
            if (rowNumber >= endRow || ++rowsTried > 8)
            {
                break;
            }
            var candidate = Match(grid.Row(rowNumber), table, rowNumber);
            if (candidate.Columns.Count >= 2 && (best is null || candidate.Columns.Count > best.Columns.Count))
            {
                best = candidate;
            }
        }
        return best;
    }

    private static TableLayout Match(IReadOnlyList<GridCell> row, TableDefinition table, int rowNumber)
    {
        var scored = new List<(int Score, string Key, GridCell Cell)>();
        foreach (var cell in row)
        {
            var folded = MatchKey.Of(cell.Text);
            foreach (var column in table.Columns)
            {
                var score = Score(folded, column);
                if (score > 0)
                {
                    scored.Add((score, column.Key, cell));
                }
            }
        }
        var columns = new Dictionary<string, int>();
        var used = new HashSet<int>();
        foreach (var (_, key, cell) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Cell.Column))
        {
            if (!columns.ContainsKey(key) && used.Add(cell.Column))
            {
                columns[key] = cell.Column;
            }
        }
        var unknown = row.Where(c => !used.Contains(c.Column)).ToList();
        return new TableLayout(rowNumber, columns, unknown);
    }

    private static int Score(string folded, ColumnDefinition column)
    {
        var best = 0;
        foreach (var variant in column.Variants.Append(column.Header))
        {
            var v = MatchKey.Of(variant);
            if (folded == v)
            {
                best = Math.Max(best, 100 + v.Length);
            }
            else if (v.Length >= 6 && folded.StartsWith(v, StringComparison.Ordinal))
            {
                best = Math.Max(best, 50 + v.Length);
            }
            else if (v.Length >= 10 && folded.Contains(v, StringComparison.Ordinal))
            {
                best = Math.Max(best, 20 + v.Length);
            }
        }
        return best;
    }
}
