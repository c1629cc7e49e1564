using System.Globalization;
using ReportHub.Core.Grid;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Docx;

/// <summary>Where a grid row came from: a body paragraph (its number) or a row of a table (table, row, cell columns).</summary>
internal sealed record RowPlace(int Paragraph, int Table, int TableRow, int[] CellStarts)
{
    public string Describe(int column, TableNames names)
    {
        if (Table == 0)
        {
            return $"Đoạn văn thứ {Paragraph.ToString(CultureInfo.InvariantCulture)}";
        }
        // The visible cell holding the column: the last cell starting at or before it (a spanned cell covers several).
        var cell = 1;
        for (var i = 0; i < CellStarts.Length; i++)
        {
            if (CellStarts[i] <= column)
            {
                cell = i + 1;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{names.Name(Table)}, dòng {TableRow}, cột {cell}");
    }
}

/// <summary>
/// Lays the blocks of a letter out as one sheet: each body paragraph a row with one cell in column 1, each table row
/// a row with its cells side by side. Empty paragraphs take no row; every table row takes one, so a vertical merge
/// stays one rectangle. gridSpan and w:vMerge become merged ranges; a vMerge continuation contributes no value, so the
/// merge's top cell is what the parser sees in every row it covers.
/// </summary>
internal sealed class DocxGrid(string fileName, ReaderLimits limits, TableNames names)
{
    private readonly List<RowPlace> _places = [];
    private readonly List<MergedRange> _merges = [];

    // Open vertical merges of the current table, by the grid column they start in.
    private readonly Dictionary<int, OpenMerge> _open = [];
    private int _openTable;
    private int _paragraphs;

    public IReadOnlyList<RowPlace> Places => _places;

    public IReadOnlyList<MergedRange> Merges => _merges;

    public TableNames Names => names;

    /// <summary>The grid row for the block, or null when it holds nothing to show (it may still take a row number).</summary>
    public SheetRow? Add(Block block) => block switch
    {
        ParagraphBlock paragraph => AddParagraph(paragraph),
        TableRowBlock row => AddTableRow(row),
        _ => null,
    };

    /// <summary>Closes the merges still open at the end of the document.</summary>
    public void Complete() => CloseAll();

    private SheetRow AddParagraph(ParagraphBlock paragraph)
    {
        CloseAll();
        var row = NextRow(new RowPlace(++_paragraphs, 0, 0, []));
        return new SheetRow(row, [CellText.Text(row, 1, paragraph.Text, paragraph.Font)]);
    }

    private SheetRow? AddTableRow(TableRowBlock block)
    {
        if (block.Table != _openTable)
        {
            CloseAll();
            _openTable = block.Table;
        }
        names.Row(block.Table, block.Cells.Select(c => c.Text));
        var cells = WithLegacyMergesFolded(block.Cells);
        var starts = new int[cells.Count];
        var row = NextRow(new RowPlace(0, block.Table, block.Row, starts));
        var values = new List<CellValue>();
        var touched = new HashSet<int>();
        var column = 1 + Math.Clamp(block.GridBefore, 0, limits.MaxColumns);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var span = Math.Max(1, cell.Span);
            if ((long)column + span - 1 > limits.MaxColumns)
            {
                throw Rejections.TableTooWide(fileName, names.Name(block.Table), limits.MaxColumns);
            }
            starts[i] = column;
            var last = column + span - 1;
            touched.Add(column);
            if (cell.Merge == VerticalMerge.Continue && _open.TryGetValue(column, out var open))
            {
                open.LastRow = row;
            }
            else
            {
                Close(column);
                if (cell.Text.Length > 0)
                {
                    values.Add(CellText.Text(row, column, cell.Text, cell.Font));
                }
                if (cell.Merge == VerticalMerge.Restart)
                {
                    _open[column] = new OpenMerge(row, column, last);
                }
                else if (span > 1)
                {
                    _merges.Add(new MergedRange(row, column, row, last));
                }
            }
            column = last + 1;
        }
        // A merge ends in the first row that has no continuation under it.
        foreach (var start in _open.Keys.Where(k => !touched.Contains(k)).ToList())
        {
            Close(start);
        }
        return values.Count > 0 ? new SheetRow(row, values) : null;
    }

    /// <summary>Old Word writes horizontal merges as w:hMerge continuations; they widen the cell to their left.</summary>
    private static List<CellBlock> WithLegacyMergesFolded(IReadOnlyList<CellBlock> cells)
    {
        var result = new List<CellBlock>(cells.Count);
        foreach (var cell in cells)
        {
            if (cell.MergedLeft && result.Count > 0)
            {
                var previous = result[^1];
                result[^1] = previous with { Span = (int)Math.Min(int.MaxValue, (long)Math.Max(1, previous.Span) + Math.Max(1, cell.Span)) };
                continue;
            }
            result.Add(cell);
        }
        return result;
    }

    private int NextRow(RowPlace place)
    {
        if (_places.Count >= limits.MaxRows)
        {
            throw Rejections.DocumentTooLong(fileName, limits.MaxRows);
        }
        _places.Add(place);
        return _places.Count;
    }

    private void Close(int start)
    {
        if (_open.Remove(start, out var merge) && (merge.LastRow > merge.FirstRow || merge.LastColumn > merge.FirstColumn))
        {
            _merges.Add(new MergedRange(merge.FirstRow, merge.FirstColumn, merge.LastRow, merge.LastColumn));
        }
    }

    private void CloseAll()
    {
        foreach (var start in _open.Keys.ToList())
        {
            Close(start);
        }
    }

    private sealed class OpenMerge(int firstRow, int firstColumn, int lastColumn)
    {
        public int FirstRow { get; } = firstRow;
        public int FirstColumn { get; } = firstColumn;
        public int LastColumn { get; } = lastColumn;
        public int LastRow { get; set; } = firstRow;
    }
}
