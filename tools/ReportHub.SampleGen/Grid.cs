namespace ReportHub.SampleGen;

[Flags]
public enum CellLook
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Center = 4,
    Wrap = 8,
    Border = 16,
}

public sealed record GridCell(CellValue Value, CellLook Look);

/// <summary>A sparse 1-based sheet: values, merges and column widths. Both writers render from it.</summary>
public sealed class Grid
{
    private readonly Dictionary<(int Row, int Col), GridCell> _cells = [];
    private readonly List<(int R1, int C1, int R2, int C2)> _merges = [];
    private readonly Dictionary<int, double> _widths = [];

    public IReadOnlyDictionary<(int Row, int Col), GridCell> Cells => _cells;
    public IReadOnlyList<(int R1, int C1, int R2, int C2)> Merges => _merges;
    public IReadOnlyDictionary<int, double> Widths => _widths;

    public int MaxRow => _cells.Count == 0 ? 0 : _cells.Keys.Max(k => k.Row);
    public int MaxCol => _cells.Count == 0 ? 0 : _cells.Keys.Max(k => k.Col);

    public void Put(int row, int col, CellValue value, CellLook look = CellLook.None) =>
        _cells[(row, col)] = new GridCell(value, look);

    public void Put(int row, int col, string text, CellLook look = CellLook.None)
    {
        // Empty strings are blank cells; Excel would not write them either.
        if (text.Length > 0)
        {
            Put(row, col, new TextValue(text.Normalize()), look);
        }
    }

    public void Merge(int r1, int c1, int r2, int c2) => _merges.Add((r1, c1, r2, c2));

    /// <summary>Widths are set by hand: AdjustToContents needs libgdiplus, which the build hosts lack.</summary>
    public void Width(int col, double width) => _widths[col] = Math.Max(_widths.GetValueOrDefault(col), width);
}
