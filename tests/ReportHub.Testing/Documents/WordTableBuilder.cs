using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Testing.Documents;

/// <summary>A table of any shape: rows of cells, optional borders, column merges applied after the rows are known.</summary>
public sealed class WordTableBuilder
{
    private readonly List<List<WordCell>> _rows = [];
    private readonly Dictionary<int, WordRowState> _states = [];
    private bool _borderless;
    private string? _font;

    public WordTableBuilder Borderless()
    {
        _borderless = true;
        return this;
    }

    /// <summary>The font of every run in the table that names none itself.</summary>
    public WordTableBuilder Font(string font)
    {
        _font = font;
        return this;
    }

    /// <summary>A row of cells; a string is one cell with a paragraph per line.</summary>
    public WordTableBuilder Row(params WordCell[] cells)
    {
        _rows.Add([.. cells]);
        return this;
    }

    /// <summary>A row formatted hidden (w:trPr/w:hidden), which Word leaves off the page.</summary>
    public WordTableBuilder HiddenRow(params WordCell[] cells) => Row(cells).Last(WordRowState.Hidden);

    /// <summary>A row deleted with Track Changes on (w:trPr/w:del); its cells keep plain runs, as Word writes when the row goes at once.</summary>
    public WordTableBuilder DeletedRow(params WordCell[] cells) => Row(cells).Last(WordRowState.Deleted);

    /// <summary>A row inserted with Track Changes on (w:trPr/w:ins).</summary>
    public WordTableBuilder InsertedRow(params WordCell[] cells) => Row(cells).Last(WordRowState.Inserted);

    private WordTableBuilder Last(WordRowState state)
    {
        _states[_rows.Count - 1] = state;
        return this;
    }

    /// <summary>
    /// Merges the cell at <paramref name="cell"/> (1-based position in its row) down from <paramref name="firstRow"/>
    /// to <paramref name="lastRow"/> (1-based rows of this table), the way Word's Merge Cells does: the top cell keeps
    /// its text, the cells under it become empty continuations.
    /// </summary>
    public WordTableBuilder MergeDown(int cell, int firstRow, int lastRow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastRow, firstRow);
        _rows[firstRow - 1][cell - 1].Merged(WordMerge.Restart);
        for (var r = firstRow + 1; r <= lastRow; r++)
        {
            _rows[r - 1][cell - 1] = new WordCell().Span(_rows[r - 1][cell - 1].GridSpan).Merged(WordMerge.Continue);
        }
        return this;
    }

    internal Table Build(string? defaultFont)
    {
        var font = _font ?? defaultFont;
        var columns = Math.Max(1, _rows.Count == 0 ? 1 : _rows.Max(r => r.Sum(c => c.GridSpan)));
        var width = 9000 / columns;
        var properties = new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            Borders(_borderless ? BorderValues.None : BorderValues.Single));
        var table = new Table(properties);
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        table.Append(grid);
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            var tr = new TableRow();
            if (_states.TryGetValue(r, out var state))
            {
                tr.Append(new TableRowProperties(state switch
                {
                    WordRowState.Hidden => new Hidden(),
                    WordRowState.Deleted => new Deleted { Id = $"r{r}", Author = "Người sửa" },
                    _ => (OpenXmlElement)new Inserted { Id = $"r{r}", Author = "Người sửa" },
                }));
            }
            foreach (var cell in row)
            {
                tr.Append(BuildCell(cell, font, width));
            }
            table.Append(tr);
        }
        return table;
    }

    private static TableCell BuildCell(WordCell cell, string? font, int width)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = (width * cell.GridSpan).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (cell.GridSpan > 1)
        {
            properties.Append(new GridSpan { Val = cell.GridSpan });
        }
        if (cell.Merge == WordMerge.Restart)
        {
            properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
        }
        else if (cell.Merge == WordMerge.Continue)
        {
            properties.Append(new VerticalMerge());
        }
        var tc = new TableCell(properties);
        foreach (var paragraph in cell.Paragraphs)
        {
            tc.Append(WordLetterBuilder.BuildParagraph(paragraph, font, center: false, style: null));
        }
        foreach (var extra in cell.Extra)
        {
            tc.Append(extra.CloneNode(true));
        }
        // Word requires every cell to end with a paragraph.
        if (tc.LastChild is not Paragraph)
        {
            tc.Append(new Paragraph());
        }
        return tc;
    }

    private static TableBorders Borders(BorderValues value)
    {
        T Border<T>() where T : BorderType, new() => new() { Val = value, Size = value == BorderValues.None ? 0U : 4U };
        return new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
            Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>());
    }
}

/// <summary>How a table row shows in Word.</summary>
public enum WordRowState
{
    Shown,
    Hidden,
    Deleted,
    Inserted,
}
