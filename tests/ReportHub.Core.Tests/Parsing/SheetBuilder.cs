using ReportHub.Core.Grid;

namespace ReportHub.Core.Tests.Parsing;

/// <summary>An in-memory sheet: the parser's input without any file format in the way.</summary>
internal sealed class SheetBuilder : IWorkbookReader
{
    private readonly Dictionary<(int Row, int Column), CellValue> _cells = [];
    private readonly List<MergedRange> _merges = [];
    private int _row;

    public SheetBuilder(int firstRow = 1, int firstColumn = 1)
    {
        _row = firstRow - 1;
        FirstColumn = firstColumn;
    }

    public int FirstColumn { get; }

    public string Format => "memory";

    public IReadOnlyList<SheetInfo> Sheets { get; } = [new SheetInfo(0, "Báo cáo", false)];

    /// <summary>Adds a row; strings become text cells, numbers number cells; null leaves a cell empty.</summary>
    public SheetBuilder Line(params object?[] values)
    {
        _row++;
        for (var i = 0; i < values.Length; i++)
        {
            var column = FirstColumn + i;
            switch (values[i])
            {
                case null:
                    break;
                case string s:
                    _cells[(_row, column)] = new CellValue(_row, column, CellKind.Text, s);
                    break;
                case CellValue cell:
                    _cells[(_row, column)] = cell with { Row = _row, Column = column };
                    break;
                case (string text, string font):
                    _cells[(_row, column)] = new CellValue(_row, column, CellKind.Text, text, null, font);
                    break;
                default:
                    var n = Convert.ToDouble(values[i], System.Globalization.CultureInfo.InvariantCulture);
                    _cells[(_row, column)] = new CellValue(_row, column, CellKind.Number, n.ToString(System.Globalization.CultureInfo.InvariantCulture), n);
                    break;
            }
        }
        return this;
    }

    public SheetBuilder Blank(int rows = 1)
    {
        _row += rows;
        return this;
    }

    public int CurrentRow => _row;

    public SheetBuilder Merge(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        _merges.Add(new MergedRange(firstRow, firstColumn, lastRow, lastColumn));
        return this;
    }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default) =>
        _cells.Values.GroupBy(c => c.Row).OrderBy(g => g.Key)
            .Select(g => new SheetRow(g.Key, g.OrderBy(c => c.Column).ToList()));

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex) => _merges;

    public void Dispose()
    {
    }
}
