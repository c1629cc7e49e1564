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
internal sealed partial class BodyXml(XmlReader reader, WordStyles styles)
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
}
