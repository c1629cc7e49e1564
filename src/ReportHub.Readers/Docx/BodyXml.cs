using System.Text;
using System.Xml;

namespace ReportHub.Readers.Docx;

/// <summary>
/// Streams word/document.xml into <see cref="Block"/>s. What is read is what the letter shows on the page body:
/// runs, hyperlinks, smart tags, content controls, inserted and moved-to text, and the result of fields. Deleted and
/// moved-from text, field instructions, drawings and text boxes, and footnote/comment references are left out.
/// Headers, footers, footnotes and comments live in other parts, which are never opened.
/// Tables nested in a cell are flattened into that cell: each nested row becomes one line of the cell's text, its
/// cells separated by a space, so the outer table keeps its shape.
/// </summary>
internal sealed class BodyXml(XmlReader reader, WordStyles styles)
{
    private int _tables;

    /// <summary>Blocks in document order; the reader must be positioned before the document element.</summary>
    public IEnumerable<Block> Read(CancellationToken cancellationToken)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "document")
        {
            throw new XmlException("The main part is not a WordprocessingML document.");
        }
        foreach (var name in WordXml.Children(reader))
        {
            if (name != "body")
            {
                reader.Skip();
                continue;
            }
            foreach (var block in Blocks(cancellationToken))
            {
                yield return block;
            }
        }
    }

    /// <summary>Checks the document element without reading the body, so a package that is not a letter fails on open.</summary>
    public static bool IsDocument(XmlReader reader)
    {
        reader.MoveToContent();
        return reader.NodeType == XmlNodeType.Element && reader.LocalName == "document";
    }

    private IEnumerable<Block> Blocks(CancellationToken cancellationToken)
    {
        foreach (var name in WordXml.Children(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (name)
            {
                case "p":
                    var tally = new FontTally();
                    var text = Paragraph(tally);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        yield return new ParagraphBlock(text, tally.Dominant());
                    }
                    break;
                case "tbl":
                    var table = ++_tables;
                    var rows = 0;
                    foreach (var row in TableRows(table, () => ++rows))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return row;
                    }
                    break;
                case "sdt":
                    foreach (var block in InContentControl(() => Blocks(cancellationToken)))
                    {
                        yield return block;
                    }
                    break;
                case "customXml":
                    foreach (var block in Blocks(cancellationToken))
                    {
                        yield return block;
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>The content of a w:sdt is in w:sdtContent; its properties (w:sdtPr) hold no letter text.</summary>
    private IEnumerable<T> InContentControl<T>(Func<IEnumerable<T>> content)
    {
        foreach (var name in WordXml.Children(reader))
        {
            if (name != "sdtContent")
            {
                reader.Skip();
                continue;
            }
            foreach (var item in content())
            {
                yield return item;
            }
        }
    }

    private IEnumerable<TableRowBlock> TableRows(int table, Func<int> nextRow)
    {
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "tr":
                    var row = nextRow();
                    yield return Row(table, row);
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

    private TableRowBlock Row(int table, int row)
    {
        var gridBefore = 0;
        var cells = new List<CellBlock>();
        RowContent(cells, ref gridBefore);
        return new TableRowBlock(table, row, gridBefore, cells);
    }

    private void RowContent(List<CellBlock> cells, ref int gridBefore)
    {
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "trPr":
                    foreach (var property in WordXml.Children(reader))
                    {
                        if (property == "gridBefore")
                        {
                            gridBefore = WordXml.IntAttribute(reader, "val") ?? 0;
                        }
                        reader.Skip();
                    }
                    break;
                case "tc":
                    cells.Add(Cell());
                    break;
                case "sdt":
                    foreach (var inner in WordXml.Children(reader))
                    {
                        if (inner == "sdtContent")
                        {
                            RowContent(cells, ref gridBefore);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    break;
                case "customXml":
                    RowContent(cells, ref gridBefore);
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
                    var ignored = 0;
                    RowContent(cells, ref ignored);
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

    /// <summary>Reads one w:p and returns its text; the characters of each run are tallied under the run's font.</summary>
    private string Paragraph(FontTally tally)
    {
        var context = new ParagraphContext(new StringBuilder(), tally);
        foreach (var name in WordXml.Children(reader))
        {
            if (name == "pPr")
            {
                foreach (var property in WordXml.Children(reader))
                {
                    if (property == "pStyle")
                    {
                        context.Style = WordXml.Attribute(reader, "val");
                    }
                    reader.Skip();
                }
                continue;
            }
            Inline(name, context);
        }
        return context.Text.ToString();
    }

    private void Inline(string name, ParagraphContext context)
    {
        switch (name)
        {
            case "r":
                Run(context);
                break;
            case "hyperlink" or "smartTag" or "ins" or "moveTo" or "customXml" or "fldSimple" or "dir" or "bdo":
                foreach (var child in WordXml.Children(reader))
                {
                    // Properties of wrappers (smartTagPr, customXmlPr) hold attributes, never shown text.
                    if (child is "smartTagPr" or "customXmlPr")
                    {
                        reader.Skip();
                        continue;
                    }
                    Inline(child, context);
                }
                break;
            case "sdt":
                foreach (var inner in WordXml.Children(reader))
                {
                    if (inner == "sdtContent")
                    {
                        foreach (var child in WordXml.Children(reader))
                        {
                            Inline(child, context);
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                break;
            default:
                // del, moveFrom, proofErr, bookmarks, comment ranges, math, and anything newer than this reader.
                reader.Skip();
                break;
        }
    }

    private void Run(ParagraphContext context)
    {
        var fonts = RunFonts.None;
        string? runStyle = null;
        var text = new StringBuilder();
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "rPr":
                    fonts = RunFonts.ReadProperties(reader, out runStyle);
                    break;
                case "t":
                    var content = reader.ReadElementContentAsString();
                    if (context.Fields.Visible)
                    {
                        text.Append(content);
                    }
                    break;
                case "tab" or "ptab":
                    AppendVisible(context, text, ' ');
                    break;
                case "br" or "cr":
                    AppendVisible(context, text, '\n');
                    break;
                case "noBreakHyphen":
                    AppendVisible(context, text, '-');
                    break;
                case "fldChar":
                    context.Fields.On(WordXml.Attribute(reader, "fldCharType"));
                    reader.Skip();
                    break;
                default:
                    // instrText, delText, sym, drawings, pictures, footnote and comment references.
                    reader.Skip();
                    break;
            }
        }
        if (text.Length == 0)
        {
            return;
        }
        var highAnsi = false;
        foreach (var chunk in text.GetChunks())
        {
            if (chunk.Span.ContainsAnyExceptInRange('\0', '\x7F'))
            {
                highAnsi = true;
                break;
            }
        }
        var value = text.ToString();
        context.Tally.Add(styles.Resolve(fonts, runStyle, context.Style, highAnsi), value);
        context.Text.Append(value);
    }

    private void AppendVisible(ParagraphContext context, StringBuilder text, char c)
    {
        if (context.Fields.Visible)
        {
            text.Append(c);
        }
        reader.Skip();
    }

    private sealed class ParagraphContext(StringBuilder text, FontTally tally)
    {
        public StringBuilder Text { get; } = text;

        public FontTally Tally { get; } = tally;

        public string? Style { get; set; }

        public FieldState Fields { get; } = new();
    }

    /// <summary>
    /// Complex fields (w:fldChar begin … separate … end) show their result, not their code. Kept per paragraph:
    /// a field whose end went missing then hides at most the rest of its own paragraph.
    /// </summary>
    private sealed class FieldState
    {
        private readonly List<bool> _inResult = [];

        public bool Visible => _inResult.TrueForAll(r => r);

        public void On(string? type)
        {
            switch (type)
            {
                case "begin":
                    _inResult.Add(false);
                    break;
                case "separate" when _inResult.Count > 0:
                    _inResult[^1] = true;
                    break;
                case "end" when _inResult.Count > 0:
                    _inResult.RemoveAt(_inResult.Count - 1);
                    break;
            }
        }
    }
}
