using ReportHub.Core.Grid;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

public sealed record GridCell(int Row, int Column, string Text, CellKind Kind, double? Number)
{
    public string Address => A1.Format(Row, Column);

    /// <summary>The value is a formula's cached result (<see cref="CellValue.IsFormula"/>).</summary>
    public bool IsFormula { get; init; }
}

/// <summary>
/// One sheet held as a sparse grid of cleaned text. Only the sheet being parsed is held, never the workbook.
/// Legacy TCVN3/VNI text is converted here, where the cell's font is still known.
/// </summary>
public sealed class SheetGrid
{
    // Rows are looked up by number many times per row while parsing; a hash finds them in constant time, and the
    // numbers are sorted once when the grid is complete.
    private readonly Dictionary<int, List<GridCell>> _rows = [];

    private int[] _rowNumbers = [];

    private MergeIndex _merges = MergeIndex.Empty;

    // The name is stored with the report; a control character in it would reach the warehouse like one in a cell.
    public SheetGrid(string name)
    {
        Name = VietnameseText.StripControls(name);
    }

    public string Name { get; }

    public IReadOnlyCollection<int> RowNumbers => _rowNumbers;

    public int LegacyCellsConverted { get; private set; }

    /// <summary>How many cells hold a formula's cached value; when none do, nobody need look for them.</summary>
    public int FormulaCells { get; private set; }

    public LegacyCharset LegacyCharset { get; private set; }

    public IReadOnlyList<GridCell> Row(int row) => _rows.TryGetValue(row, out var cells) ? cells : [];

    // Cells are found through their row, kept sorted by column: an index of every cell by address would cost more
    // memory than the cells themselves on a sheet of a million of them.
    public GridCell? At(int row, int column)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            return null;
        }
        int low = 0, high = cells.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var found = cells[mid].Column;
            if (found == column)
            {
                return cells[mid];
            }
            if (found < column)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return null;
    }

    /// <summary>The cell's text, or for a cell hidden under a merge, the text of the merge's top-left cell.</summary>
    public GridCell? AtOrMerged(int row, int column)
    {
        return At(row, column) ?? _merges.Find(row, column);
    }

    /// <summary>
    /// Reads the rows into a grid as they stream. <paramref name="merges"/> is asked only after the rows, since readers
    /// know a sheet's merges once they have streamed it. Only rows holding a cell are looked up under merges (see
    /// <see cref="MergeIndex"/>).
    /// </summary>
    /// <remarks>
    /// Text with no legacy font of its own can only be repaired once the whole sheet has been seen (a CSV typed in TCVN3
    /// is recognised over all its cells), so such cells go in raw and are repaired in a second pass over just them.
    /// Holding the reader's rows until then would keep two copies of a large sheet alive at once.
    /// </remarks>
    public static SheetGrid Build(string name, IEnumerable<SheetRow> rows, Func<IReadOnlyList<MergedRange>> merges,
        CancellationToken cancellationToken = default)
    {
        var grid = new SheetGrid(name);
        var pending = new List<(List<GridCell> Row, int Index)>();
        var added = 0;
        foreach (var row in rows)
        {
            foreach (var value in row.Cells)
            {
                if ((++added & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                grid.Add(value, pending);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        grid.RepairFontless(pending);
        var ranges = merges();
        foreach (var (number, list) in grid._rows.ToList())
        {
            list.RemoveAll(c => c is null);
            if (list.Count == 0)
            {
                grid._rows.Remove(number);
                continue;
            }
            if (!IsSortedByColumn(list))
            {
                list.Sort((a, b) => a.Column.CompareTo(b.Column));
            }
        }
        var numbers = grid._rows.Keys.ToArray();
        Array.Sort(numbers);
        grid._rowNumbers = numbers;
        grid._merges = MergeIndex.Build(ranges, [.. numbers], (r, c) => grid.At(r, c), cancellationToken);
        return grid;
    }

    private static bool IsSortedByColumn(List<GridCell> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i - 1].Column > list[i].Column)
            {
                return false;
            }
        }
        return true;
    }

    private void RepairFontless(List<(List<GridCell> Row, int Index)> pending)
    {
        var sheetFont = LegacyText.DetectForSheet(pending.Select(p => p.Row[p.Index].Text)) switch
        {
            Text.LegacyCharset.Tcvn3 => ".VnTime",
            Text.LegacyCharset.Vni => "VNI-Times",
            _ => null,
        };
        foreach (var (row, index) in pending)
        {
            var raw = row[index];
            var text = Repair(raw.Text, sheetFont);
            if (text.Length == 0)
            {
                row[index] = null!;
            }
            else if (!ReferenceEquals(text, raw.Text))
            {
                var cell = raw with { Text = text };
                row[index] = cell;
            }
        }
    }

    private string Repair(string text, string? font)
    {
        var repaired = LegacyText.Repair(text, font, out var applied);
        if (applied != Text.LegacyCharset.Unicode)
        {
            LegacyCellsConverted++;
            LegacyCharset = applied;
        }
        var cleaned = VietnameseText.CleanMultiline(repaired);
        return cleaned == text ? text : cleaned;
    }

    private void Add(CellValue value, List<(List<GridCell> Row, int Index)> pending)
    {
        if (value.IsBlank)
        {
            return;
        }
        // Readers hand over what the file holds; control characters (NUL above all) stop here for every format.
        var text = VietnameseText.StripControls(value.Text);
        var fontless = false;
        if (value.Kind == CellKind.Text)
        {
            fontless = LegacyText.CharsetOfFont(value.Font) == Text.LegacyCharset.Unicode;
            if (!fontless)
            {
                text = Repair(text, value.Font);
            }
        }
        if (text.Length == 0)
        {
            return;
        }
        GridCell cell;
        if (value.IsFormula)
        {
            cell = new GridCell(value.Row, value.Column, text, value.Kind, value.Number) { IsFormula = true };
            FormulaCells++;
        }
        else
        {
            cell = new GridCell(value.Row, value.Column, text, value.Kind, value.Number);
        }
        if (!_rows.TryGetValue(value.Row, out var list))
        {
            list = [];
            _rows[value.Row] = list;
        }
        int index;
        if (list.Count > 0 && list[^1].Column == value.Column)
        {
            // A reader repeating a cell: the later one wins, as it always has.
            index = list.Count - 1;
            list[index] = cell;
        }
        else
        {
            index = list.Count;
            list.Add(cell);
        }
        if (fontless)
        {
            pending.Add((list, index));
        }
    }
}
