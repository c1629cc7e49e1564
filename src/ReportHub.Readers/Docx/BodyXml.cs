using System.Xml;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Docx;

/// <summary>
/// Streams word/document.xml into <see cref="Block"/>s. What is read is what the letter shows on the page body:
/// runs, hyperlinks, smart tags, content controls, and the result of fields. Tracked changes are read as if all were
/// accepted: inserted and moved-to text and rows are in, deleted and moved-from text and rows (w:trPr/w:del) are out.
/// Hidden text (w:vanish, directly or through a style) and hidden rows (w:trPr/w:hidden) are out, as Word leaves them
/// off the page; both are counted in <see cref="Omissions"/> so the sender is told. Field instructions, drawings, and
/// footnote/comment references are left out. A text box is a drawing: its text is left out, but one holding a table
/// is refused, since a table drawn over the page has no place in the letter's order that the reader could trust; so
/// is an embedded chunk (w:altChunk), which only Word lays out, when it opens the file.
/// Headers, footers, footnotes and comments live in other parts, which are never opened.
/// Tables nested in a cell are flattened into that cell: each nested row becomes one line of the cell's text, its
/// cells separated by a space, so the outer table keeps its shape.
/// </summary>
internal sealed partial class BodyXml(XmlReader reader, WordStyles styles, string fileName, Omissions omissions, TableNames names)
{
    private int _tables;

    // The top-level table being read (0 outside tables), for the counts of what was left out.
    private int _table;
    private int _textBoxes;
    private int _chunks;

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
                    _table = table;
                    foreach (var row in TableRows(table, () => ++rows))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return row;
                    }
                    _table = 0;
                    break;
                case "altChunk":
                    throw Rejections.EmbeddedChunk(fileName, ++_chunks);
                case "AlternateContent":
                    Drawing();
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

    /// <summary>
    /// A drawing, picture, embedded object or alternate content: nothing of it is read, but a text box in it holding a
    /// table is refused (a drawing's choice and fallback hold the same text box; either one is enough).
    /// </summary>
    private void Drawing()
    {
        var textBox = false;
        if (HoldsTextBoxTable(inTextBox: false, ref textBox))
        {
            throw Rejections.TableInTextBox(fileName, _textBoxes + 1, _tables == 0 ? null : names.InSentence(_tables));
        }
        if (textBox)
        {
            _textBoxes++;
        }
    }

    private bool HoldsTextBoxTable(bool inTextBox, ref bool textBox)
    {
        var found = false;
        foreach (var name in WordXml.Children(reader))
        {
            if (name == "tbl" && inTextBox)
            {
                found = true;
                reader.Skip();
                continue;
            }
            textBox |= name == "txbxContent";
            found |= HoldsTextBoxTable(inTextBox || name == "txbxContent", ref textBox);
        }
        return found;
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
}
