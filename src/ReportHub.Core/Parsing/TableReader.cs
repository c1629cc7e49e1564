using ReportHub.Core.Domain;
using System.Text.RegularExpressions;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>Reads a template table's data rows below its header row, up to the next section.</summary>
public static partial class TableReader
{
    [GeneratedRegex(@"^\(?\s*[0-9]{1,2}\s*\)?$")]
    private static partial Regex ColumnNumber();

    public static TableData? Read(SheetGrid grid, SectionDefinition section, int headingRow, int endRow, ParseContext context,
        CancellationToken cancellationToken = default)
    {
        var table = section.Table!;
        var layout = TableLayout.Find(grid, table, headingRow, endRow);
        var headingCell = grid.Row(headingRow).FirstOrDefault()?.Address;
        if (layout is null)
        {
            context.Error(IssueCodes.ColumnMissing, headingCell, Messages.TableHeaderMissing(section));
            return null;
        }
        foreach (var column in table.Columns.Where(c => c.IsRequired && layout.ColumnOf(c.Key) is null))
        {
            context.Error(IssueCodes.ColumnMissing, A1Row(grid, layout.HeaderRow), Messages.ColumnMissing(section, column));
        }
        foreach (var unknown in layout.UnknownHeaders)
        {
            context.Warning(IssueCodes.ColumnUnknown, unknown.Address, Messages.ColumnUnknown(section, unknown.Text));
        }

        var totalKeys = table.TotalLabels.Select(MatchKey.Of).ToHashSet();
        // Bound once per table rather than looked up per cell: which sheet column each template column reads, and
        // whether merged text from above may fill it in. Text merged down several rows (one issuing unit for three
        // directives) belongs to each row; numbers are never spread, or a merged total would be counted once per row.
        var bound = table.Columns
            .Select(c => (Column: c, Sheet: layout.ColumnOf(c.Key)))
            .Where(b => b.Sheet is not null)
            .Select(b => (b.Column, Sheet: b.Sheet!.Value, Spread: !(b.Column.IsNumeric || b.Column.Type == ColumnType.Ordinal), IsOrdinal: b.Column.Type == ColumnType.Ordinal))
            .ToArray();
        var layoutColumns = layout.Columns.Values.ToArray();
        var keys = new ColumnKeys(table.Columns.Select(c => c.Key));
        // Short texts repeat down a table ("Tạm dừng hoạt động"); each is folded once to ask whether it is a total label.
        var totalLabelOf = new Dictionary<string, bool>(StringComparer.Ordinal);
        var rows = new List<TableRow>();
        TableRow? total = null;
        var firstColumn = layoutColumns.Min();
        var lastColumn = layoutColumns.Max();
        var seen = 0;
        foreach (var rowNumber in grid.RowNumbers)
        {
            if (rowNumber <= layout.HeaderRow || rowNumber >= endRow)
            {
                continue;
            }
            if ((++seen & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            // A row counts only when it has a value of its own; merged text from above then fills it in.
            if (!HasOwnValue(grid, rowNumber, layoutColumns))
            {
                continue;
            }
            var cells = new ColumnValues<GridCell>(keys);
            var meaningful = false;
            foreach (var (column, sheetColumn, spread, isOrdinal) in bound)
            {
                var cell = spread ? grid.AtOrMerged(rowNumber, sheetColumn) : grid.At(rowNumber, sheetColumn);
                if (cell is not null)
                {
                    cells.Set(column.Key, cell);
                    // A row with only its ordinal filled is an unused line of a blank template.
                    meaningful |= !isOrdinal;
                }
            }
            if (IsColumnNumbering(cells) || IsGroupHeading(cells))
            {
                continue;
            }
            // Total labels are short words; only short text cells can be one.
            if (HasTotalLabel(grid.Row(rowNumber), firstColumn, lastColumn, totalKeys, totalLabelOf))
            {
                total = new TableRow(rowNumber, cells, 0);
                continue;
            }
            if (!meaningful)
            {
                continue;
            }
            rows.Add(new TableRow(rowNumber, cells, rows.Count + 1));
        }
        return new TableData(layout.HeaderRow, layout, rows, total);
    }

    /// <summary>
    /// "I. Các cơ sở y tế tuyến tỉnh" typed once and merged across the table: every column got its text from that one
    /// cell, so the row groups the rows below it and is not an entity of its own.
    /// </summary>
    private static bool IsGroupHeading(ColumnValues<GridCell> cells)
    {
        GridCell? only = null;
        var count = 0;
        for (var i = 0; i < cells.Width; i++)
        {
            if (cells.ValueAt(i) is not { } cell)
            {
                continue;
            }
            if (only is not null && (only.Row != cell.Row || only.Column != cell.Column))
            {
                return false;
            }
            only = cell;
            count++;
        }
        return count > 1;
    }

    private static bool HasOwnValue(SheetGrid grid, int rowNumber, int[] columns)
    {
        foreach (var column in columns)
        {
            if (grid.At(rowNumber, column) is not null)
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasTotalLabel(IReadOnlyList<GridCell> row, int firstColumn, int lastColumn, HashSet<string> totalKeys,
        Dictionary<string, bool> known)
    {
        for (var i = 0; i < row.Count; i++)
        {
            var c = row[i];
            if (c.Column < firstColumn || c.Column > lastColumn || c.Kind != CellKind.Text || c.Text.Length > 24 || !char.IsLetter(c.Text[0]))
            {
                continue;
            }
            if (!known.TryGetValue(c.Text, out var isTotal))
            {
                isTotal = totalKeys.Contains(MatchKey.Of(c.Text));
                if (known.Count < 4096)
                {
                    known[c.Text] = isTotal;
                }
            }
            if (isTotal)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsColumnNumbering(ColumnValues<GridCell> cells)
    {
        if (cells.Count < 3)
        {
            return false;
        }
        // Every data row passes through here: a cell longer than "(  12  )" rules the row out before any list or regex.
        for (var i = 0; i < cells.Width; i++)
        {
            if (cells.ValueAt(i) is { Text.Length: > 8 })
            {
                return false;
            }
        }
        var list = cells.Values.ToList();
        if (list.Count < 3 || !list.All(c => ColumnNumber().IsMatch(c.Text)))
        {
            return false;
        }
        // "(1) (2) (3)" or 1 2 3 4 5 straight across: the numbering row under a printed header.
        var numbers = list.OrderBy(c => c.Column).Select(c => int.Parse(c.Text.Trim('(', ')', ' '), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return list.Any(c => c.Text.StartsWith('(')) || numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
    }

    private static string? A1Row(SheetGrid grid, int row) => grid.Row(row).FirstOrDefault()?.Address;
}
