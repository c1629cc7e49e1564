namespace ReportHub.Readers.Docx;

/// <summary>Tables: rows, cells with their grid spans, and tables nested in a cell flattened into its lines.</summary>
internal sealed partial class BodyXml
{
    private IEnumerable<TableRowBlock> TableRows(int table, Func<int> nextRow)
    {
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "tr":
                    if (Row(table, nextRow) is { } row)
                    {
                        yield return row;
                    }
                    break;
                case "sdt":
                    foreach (var inner in InContentControl(() => TableRows(table, nextRow)))
                    {
                        yield return inner;
                    }
                    break;
                case "customXml":
                    foreach (var inner in TableRows(table, nextRow))
                    {
                        yield return inner;
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// One w:tr, or null for a row Word leaves off the page (hidden) or that accepting the tracked changes removes
    /// (deleted). Such a row takes no row number: rows are numbered as the sender sees the finished table.
    /// </summary>
    private TableRowBlock? Row(int table, Func<int> nextRow)
    {
        var cells = new List<CellBlock>();
        var shape = ReadRow(cells);
        return shape.Dropped ? null : new TableRowBlock(table, nextRow(), shape.GridBefore, cells);
    }

    /// <summary>Reads a row's cells; a dropped row's content is read through but its own hidden or deleted text is not counted again.</summary>
    private RowShape ReadRow(List<CellBlock> cells)
    {
        var shape = new RowShape();
        var suspended = omissions.Suspended;
        try
        {
            RowContent(cells, shape);
        }
        finally
        {
            omissions.Suspended = suspended;
        }
        return shape;
    }

    private void RowContent(List<CellBlock> cells, RowShape shape)
    {
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "trPr":
                    foreach (var property in WordXml.Children(reader))
                    {
                        switch (property)
                        {
                            case "gridBefore":
                                shape.GridBefore = WordXml.IntAttribute(reader, "val") ?? 0;
                                break;
                            case "hidden" when !shape.Dropped && WordXml.Attribute(reader, "val") is not ("0" or "false" or "off"):
                                omissions.HiddenRow(_table);
                                shape.Dropped = true;
                                break;
                            case "del" when !shape.Dropped:
                                omissions.DeletedRow(_table);
                                shape.Dropped = true;
                                break;
                        }
                        reader.Skip();
                    }
                    omissions.Suspended |= shape.Dropped;
                    break;
                case "tc":
                    cells.Add(Cell());
                    break;
                case "sdt":
                    foreach (var inner in WordXml.Children(reader))
                    {
                        if (inner == "sdtContent")
                        {
                            RowContent(cells, shape);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    break;
                case "customXml":
                    RowContent(cells, shape);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private CellBlock Cell()
    {
        var span = 1;
        var merge = VerticalMerge.None;
        var mergedLeft = false;
        var lines = new List<string>();
        var tally = new FontTally();
        foreach (var name in WordXml.Children(reader))
        {
            if (name == "tcPr")
            {
                foreach (var property in WordXml.Children(reader))
                {
                    switch (property)
                    {
                        case "gridSpan":
                            span = WordXml.IntAttribute(reader, "val") ?? 1;
                            break;
                        case "vMerge":
                            // No w:val means "continue", as the schema defines it.
                            merge = WordXml.Attribute(reader, "val") == "restart" ? VerticalMerge.Restart : VerticalMerge.Continue;
                            break;
                        case "hMerge":
                            mergedLeft = WordXml.Attribute(reader, "val") != "restart";
                            break;
                    }
                    reader.Skip();
                }
                continue;
            }
            BlockContent(name, lines, tally);
        }
        return new CellBlock(string.Join('\n', lines), tally.Dominant(), span, merge, mergedLeft);
    }

    /// <summary>Block-level content inside a cell: paragraphs become lines, nested tables one line per row.</summary>
    private void BlockContent(string name, List<string> lines, FontTally tally)
    {
        switch (name)
        {
            case "p":
                var text = Paragraph(tally);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    lines.Add(text);
                }
                break;
            case "tbl":
                NestedTable(lines, tally);
                break;
            case "sdt":
                foreach (var inner in WordXml.Children(reader))
                {
                    if (inner == "sdtContent")
                    {
                        foreach (var child in WordXml.Children(reader))
                        {
                            BlockContent(child, lines, tally);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                break;
            case "customXml":
                foreach (var child in WordXml.Children(reader))
                {
                    BlockContent(child, lines, tally);
                }
                break;
            default:
                reader.Skip();
                break;
        }
    }

    private void NestedTable(List<string> lines, FontTally tally)
    {
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "tr":
                    var cells = new List<CellBlock>();
                    if (ReadRow(cells).Dropped)
                    {
                        break;
                    }
                    var line = string.Join(' ', cells.Select(c => c.Text.Replace('\n', ' ')).Where(t => !string.IsNullOrWhiteSpace(t)));
                    foreach (var cell in cells)
                    {
                        tally.Add(cell.Font, cell.Text);
                    }
                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }
                    break;
                case "sdt":
                    // Rows wrapped in a content control: its content reads as if it were the table.
                    foreach (var inner in WordXml.Children(reader))
                    {
                        if (inner == "sdtContent")
                        {
                            NestedTable(lines, tally);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    break;
                case "customXml":
                    NestedTable(lines, tally);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private sealed class RowShape
    {
        public int GridBefore { get; set; }

        /// <summary>Hidden (w:trPr/w:hidden) or deleted with tracked changes (w:trPr/w:del).</summary>
        public bool Dropped { get; set; }
    }
}
