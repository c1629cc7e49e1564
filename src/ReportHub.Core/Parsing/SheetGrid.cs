using ReportHub.Core.Grid;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

public sealed record GridCell(int Row, int Column, string Text, CellKind Kind, double? Number)
{
    public string Address => A1.Format(Row, Column);
}

/// <summary>
/// One sheet held as a sparse grid of cleaned text. Only the sheet being parsed is held, never the workbook.
/// Legacy TCVN3/VNI text is converted here, where the cell's font is still known.
/// </summary>
public sealed class SheetGrid
{
    private readonly Dictionary<(int Row, int Column), GridCell> _cells;
    private readonly SortedDictionary<int, List<GridCell>> _rows = [];
    private const int MaxPresizedCells = 4_000_000;

    private MergeIndex _merges = MergeIndex.Empty;

    // The name is stored with the report; a control character in it would reach the warehouse like one in a cell.
    public SheetGrid(string name)
        : this(name, 0)
    {
    }

    // Sized up front when the cell count is known: growing a dictionary of two million cells briefly holds two.
    private SheetGrid(string name, int capacity)
    {
        Name = VietnameseText.StripControls(name);
        _cells = new Dictionary<(int Row, int Column), GridCell>(capacity);
    }

    public string Name { get; }

    public IReadOnlyCollection<int> RowNumbers => _rows.Keys;

    public int LegacyCellsConverted { get; private set; }

    public LegacyCharset LegacyCharset { get; private set; }

    public IReadOnlyList<GridCell> Row(int row) => _rows.TryGetValue(row, out var cells) ? cells : [];

    public GridCell? At(int row, int column) => _cells.GetValueOrDefault((row, column));

    /// <summary>The cell's text, or for a cell hidden under a merge, the text of the merge's top-left cell.</summary>
    public GridCell? AtOrMerged(int row, int column)
    {
        return _cells.TryGetValue((row, column), out var cell) ? cell : _merges.Find(row, column);
    }

    /// <summary>
    /// Reads the rows into a grid. <paramref name="merges"/> is asked only after the rows, since readers know a sheet's
    /// merges once they have streamed it. Only rows holding a cell are looked up under merges (see <see cref="MergeIndex"/>).
    /// </summary>
    public static SheetGrid Build(string name, IEnumerable<SheetRow> rows, Func<IReadOnlyList<MergedRange>> merges,
        CancellationToken cancellationToken = default)
    {
        var materialized = rows.ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var grid = new SheetGrid(name, (int)Math.Min(MaxPresizedCells, materialized.Sum(r => (long)r.Cells.Count)));
        var fontless = materialized.SelectMany(r => r.Cells)
            .Where(c => c.Kind == CellKind.Text && LegacyText.CharsetOfFont(c.Font) == Text.LegacyCharset.Unicode)
            .Select(c => c.Text);
        var sheetFont = LegacyText.DetectForSheet(fontless) switch
        {
            Text.LegacyCharset.Tcvn3 => ".VnTime",
            Text.LegacyCharset.Vni => "VNI-Times",
            _ => null,
        };
        var added = 0;
        for (var i = 0; i < materialized.Count; i++)
        {
            var row = materialized[i];
            // Let each row go once it is in the grid, so the reader's copy and the grid's never peak together.
            materialized[i] = null!;
            foreach (var value in row.Cells)
            {
                if ((++added & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                grid.Add(value, sheetFont);
            }
        }
        var ranges = merges();
        foreach (var list in grid._rows.Values)
        {
            list.Sort((a, b) => a.Column.CompareTo(b.Column));
        }
        grid._merges = MergeIndex.Build(ranges, [.. grid._rows.Keys], (r, c) => grid.At(r, c), cancellationToken);
        return grid;
    }

    private void Add(CellValue value, string? sheetFont)
    {
        if (value.IsBlank)
        {
            return;
        }
        // Readers hand over what the file holds; control characters (NUL above all) stop here for every format.
        var text = VietnameseText.StripControls(value.Text);
        if (value.Kind == CellKind.Text)
        {
            // Cells with no legacy font of their own take the sheet's charset, where the sheet has one.
            var font = sheetFont is not null && LegacyText.CharsetOfFont(value.Font) == Text.LegacyCharset.Unicode ? sheetFont : value.Font;
            text = LegacyText.Repair(text, font, out var applied);
            if (applied != Text.LegacyCharset.Unicode)
            {
                LegacyCellsConverted++;
                LegacyCharset = applied;
            }
            text = VietnameseText.CleanMultiline(text);
        }
        if (text.Length == 0)
        {
            return;
        }
        var cell = new GridCell(value.Row, value.Column, text, value.Kind, value.Number);
        _cells[(value.Row, value.Column)] = cell;
        if (!_rows.TryGetValue(value.Row, out var list))
        {
            list = [];
            _rows[value.Row] = list;
        }
        list.Add(cell);
    }
}
