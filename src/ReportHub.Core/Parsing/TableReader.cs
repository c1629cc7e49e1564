using System.Text.RegularExpressions;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>Reads a template table's data rows below its header row, up to the next section.</summary>
public static partial class TableReader
{
    [GeneratedRegex(@"^\(?\s*\d{1,2}\s*\)?$")]
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
        foreach (var column in table.Columns.Where(c => c.Required && layout.ColumnOf(c.Key) is null))
        {
            context.Error(IssueCodes.ColumnMissing, A1Row(grid, layout.HeaderRow), Messages.ColumnMissing(section, column));
        }
        foreach (var unknown in layout.UnknownHeaders)
        {
            context.Warning(IssueCodes.ColumnUnknown, unknown.Address, Messages.ColumnUnknown(section, unknown.Text));
        }

        var totalKeys = table.TotalLabels.Select(MatchKey.Of).ToHashSet();
        var rows = new List<TableRow>();
        TableRow? total = null;
        var firstColumn = layout.Columns.Values.Min();
        var lastColumn = layout.Columns.Values.Max();
        var seen = 0;
        foreach (var rowNumber in grid.RowNumbers.Where(r => r > layout.HeaderRow && r < endRow))
        {
            if ((++seen & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            // A row counts only when it has a value of its own; merged text from above then fills it in.
            if (!layout.Columns.Values.Any(c => grid.At(rowNumber, c) is not null))
            {
                continue;
            }
            var cells = new Dictionary<string, GridCell>();
            foreach (var column in table.Columns)
            {
                if (layout.ColumnOf(column.Key) is not { } c)
                {
                    continue;
                }
                // Text merged down several rows (one issuing unit for three directives) belongs to each row;
                // numbers are never spread, or a merged total would be counted once per row.
                var cell = column.IsNumeric || column.Type == ColumnType.Ordinal ? grid.At(rowNumber, c) : grid.AtOrMerged(rowNumber, c);
                if (cell is not null)
                {
                    cells[column.Key] = cell;
                }
            }
            if (IsColumnNumbering(cells.Values) || IsGroupHeading(cells.Values))
            {
                continue;
            }
            var rowCells = grid.Row(rowNumber).Where(c => c.Column >= firstColumn && c.Column <= lastColumn);
            // Total labels are short words; only short text cells can be one.
            if (rowCells.Any(c => c.Kind == CellKind.Text && c.Text.Length <= 24 && char.IsLetter(c.Text[0]) && totalKeys.Contains(MatchKey.Of(c.Text))))
            {
                total = new TableRow(rowNumber, cells, 0);
                continue;
            }
            // A row with only its ordinal filled is an unused line of a blank template.
            var meaningful = cells.Where(kv => table.Columns.First(c => c.Key == kv.Key).Type != ColumnType.Ordinal);
            if (!meaningful.Any())
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
    private static bool IsGroupHeading(IEnumerable<GridCell> cells)
    {
        GridCell? only = null;
        var count = 0;
        foreach (var cell in cells)
        {
            if (only is not null && (only.Row != cell.Row || only.Column != cell.Column))
            {
                return false;
            }
            only = cell;
            count++;
        }
        return count > 1;
    }

    private static bool IsColumnNumbering(IEnumerable<GridCell> cells)
    {
        var list = cells.ToList();
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
