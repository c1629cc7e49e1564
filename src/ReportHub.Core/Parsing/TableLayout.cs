using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>Where a table's header row is and which sheet column holds each template column.</summary>
public sealed record TableLayout(int HeaderRow, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<GridCell> UnknownHeaders)
{
    public int? ColumnOf(string key) => Columns.TryGetValue(key, out var c) ? c : null;

    /// <summary>
    /// Looks a few rows below the heading for the row that names the most template columns. Column order is
    /// whatever the department used; only the header text counts. A header of two rows, where a group heading
    /// ("Số lượng") is merged over the columns whose own headers are in the row below, is read as one row: the lower
    /// row's cell where it has one, else the upper row's; the data then starts under the lower row.
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
            var below = rowNumber + 1 < endRow ? grid.Row(rowNumber + 1) : [];
            if (below.Count > 0)
            {
                var lower = Match(below, table, rowNumber + 1);
                var grouped = Match(Stack(grid.Row(rowNumber), below), table, rowNumber + 1);
                if (grouped.Columns.Count > Math.Max(candidate.Columns.Count, lower.Columns.Count)
                    && (best is null || grouped.Columns.Count > best.Columns.Count))
                {
                    best = grouped;
                }
            }
        }
        return best;
    }

    /// <summary>Two header rows as one: each column's lower cell, or its upper one where the lower row has none.</summary>
    private static List<GridCell> Stack(IReadOnlyList<GridCell> upper, IReadOnlyList<GridCell> lower)
    {
        var byColumn = new SortedDictionary<int, GridCell>();
        foreach (var cell in upper)
        {
            byColumn[cell.Column] = cell;
        }
        foreach (var cell in lower)
        {
            byColumn[cell.Column] = cell;
        }
        return [.. byColumn.Values];
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
