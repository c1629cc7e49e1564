using System.Text;

namespace ReportHub.Readers.Docx;

/// <summary>Paragraphs: the visible text of runs, hyperlinks, content controls and field results.</summary>
internal sealed partial class BodyXml
{
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
            case "ins" or "moveTo":
                omissions.InsertedRun(_table);
                foreach (var child in WordXml.Children(reader))
                {
                    Inline(child, context);
                }
                break;
            case "del" or "moveFrom":
                omissions.DeletedRun(_table);
                reader.Skip();
                break;
            case "AlternateContent":
                Drawing();
                break;
            case "hyperlink" or "smartTag" or "customXml" or "fldSimple" or "dir" or "bdo":
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
                // proofErr, bookmarks, comment ranges, math, and anything newer than this reader.
                reader.Skip();
                break;
        }
    }

    private void Run(ParagraphContext context)
    {
        var fonts = RunFonts.None;
        string? runStyle = null;
        bool? vanish = null;
        var text = new StringBuilder();
        foreach (var name in WordXml.Children(reader))
        {
            switch (name)
            {
                case "rPr":
                    fonts = RunFonts.ReadProperties(reader, out runStyle, out vanish);
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
                case "drawing" or "pict" or "object" or "AlternateContent":
                    Drawing();
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
        if (styles.Hidden(vanish, runStyle, context.Style))
        {
            if (!string.IsNullOrWhiteSpace(text.ToString()))
            {
                omissions.HiddenRun(_table);
            }
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
