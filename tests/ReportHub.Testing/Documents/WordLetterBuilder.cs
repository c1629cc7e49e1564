using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Testing.Documents;

/// <summary>
/// Writes .docx letters the way Vietnamese offices type them under Decree 30: a borderless header table (issuing
/// body | motto, number | place and date, subject), "Kính gửi", body paragraphs, a signer block table, then a PHỤ LỤC
/// of headings, tables and narrative paragraphs. Every part is optional and any paragraph or table can be added, so
/// tests can write the odd letters too. Files are written with DocumentFormat.OpenXml, as Word-compatible tools do.
/// </summary>
public sealed class WordLetterBuilder
{
    public const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string MottoLine2 = "Độc lập – Tự do – Hạnh phúc";

    private readonly List<OpenXmlElement> _body = [];
    private readonly List<(string Id, string Name, string? Font, string? BasedOn)> _styles = [];
    private readonly List<(string Id, bool Paragraph)> _hiddenStyles = [];
    private readonly List<string> _chunks = [];
    private readonly List<string> _footnotes = [];
    private readonly List<string> _comments = [];
    private string? _defaultFont;
    private string? _pageHeader;
    private string? _pageFooter;

    /// <param name="defaultFont">The document default (styles.xml docDefaults); null writes none.</param>
    public WordLetterBuilder(string? defaultFont = "Times New Roman") => _defaultFont = defaultFont;

    public int TableCount { get; private set; }

    public WordLetterBuilder DefaultFont(string? font)
    {
        _defaultFont = font;
        return this;
    }

    /// <summary>A paragraph style whose runs use <paramref name="font"/> unless they name their own.</summary>
    public WordLetterBuilder ParagraphStyle(string id, string name, string? font, string? basedOn = null)
    {
        _styles.Add((id, name, font, basedOn));
        return this;
    }

    /// <summary>A character style (or, with <paramref name="paragraph"/>, a paragraph style) whose runs are hidden (w:vanish).</summary>
    public WordLetterBuilder HiddenStyle(string id, bool paragraph = false)
    {
        _hiddenStyles.Add((id, paragraph));
        return this;
    }

    /// <summary>
    /// A floating text box anchored in an empty paragraph, holding a table, written as Word 2010 and later write it:
    /// mc:AlternateContent with the DrawingML shape (wps:txbx) as the choice and the VML shape (v:textbox) as the fallback.
    /// </summary>
    public WordLetterBuilder TextBox(Action<WordTableBuilder> build)
    {
        var table = new WordTableBuilder();
        build(table);
        return TextBoxOf(table.Build(_defaultFont).OuterXml + "<w:p/>");
    }

    /// <summary>A floating text box holding one paragraph of text (a "DỰ THẢO" stamp, a note beside the table).</summary>
    public WordLetterBuilder TextBox(string text) => TextBoxOf(BuildParagraph([new WordRun(text)], _defaultFont, center: false, style: null).OuterXml);

    private WordLetterBuilder TextBoxOf(string blocks)
    {
        var content = $"<w:txbxContent>{blocks}</w:txbxContent>";
        var xml = $"""
            <w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
                 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
                 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
                 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
                 xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
                <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
                <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="1000000"/>
                <wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{10 + _body.Count}" name="Text Box"/>
                <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
                  <wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{content}</wps:txbx><wps:bodyPr/>
                </wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
              <mc:Fallback><w:pict><v:shape style="width:400pt;height:80pt"><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r></w:p>
            """;
        _body.Add(new Paragraph(xml));
        return this;
    }

    /// <summary>An embedded chunk (w:altChunk) importing <paramref name="html"/>, which Word lays out when it opens the file.</summary>
    public WordLetterBuilder AltChunk(string html)
    {
        _chunks.Add(html);
        _body.Add(new AltChunk { Id = $"chunk{_chunks.Count}" });
        return this;
    }

    /// <summary>
    /// The Decree 30 header: a borderless two-column table with the issuing body (one paragraph per line) and the
    /// motto, then "Số: …" and the place and date, then "V/v …" under the number when there is a subject.
    /// </summary>
    public WordLetterBuilder Header(IEnumerable<string> issuingBody, string number, string placeDate, string? subject = null, string? font = null)
    {
        var left = new WordCell();
        foreach (var line in issuingBody)
        {
            left.Paragraph(line, font, bold: true);
        }
        var right = new WordCell().Paragraph(Motto, font, bold: true).Paragraph(MottoLine2, font, bold: true);
        return Table(t =>
        {
            t.Borderless().Row(left, right).Row(WordCell.Of($"Số: {number}", font), WordCell.Of(placeDate, font));
            if (subject is not null)
            {
                t.Row(WordCell.Of($"V/v {subject}", font), new WordCell());
            }
        });
    }

    /// <summary>"Kính gửi: X" for one recipient; for several, "Kính gửi:" then one "- X;" paragraph each.</summary>
    public WordLetterBuilder Recipients(params string[] recipients)
    {
        if (recipients.Length == 1)
        {
            return Paragraph($"Kính gửi: {recipients[0]}");
        }
        Paragraph("Kính gửi:");
        foreach (var recipient in recipients)
        {
            Paragraph($"- {recipient};");
        }
        return this;
    }

    public WordLetterBuilder Paragraph(string text, string? font = null, bool bold = false, string? style = null) =>
        Paragraph(style, new WordRun(text, font, bold));

    public WordLetterBuilder Paragraph(params WordRun[] runs) => Paragraph(null, runs);

    public WordLetterBuilder Paragraph(string? style, params WordRun[] runs)
    {
        _body.Add(BuildParagraph(runs, null, center: false, style));
        return this;
    }

    public WordLetterBuilder EmptyParagraph()
    {
        _body.Add(new Paragraph());
        return this;
    }

    /// <summary>A bold centred line: "PHỤ LỤC", the appendix title, a section heading.</summary>
    public WordLetterBuilder Heading(string text, string? font = null)
    {
        _body.Add(BuildParagraph([new WordRun(text, font, Bold: true)], null, center: true, style: null));
        return this;
    }

    public WordLetterBuilder Appendix(string title, string? font = null) => Heading("PHỤ LỤC", font).Heading(title, font);

    public WordLetterBuilder Table(Action<WordTableBuilder> build)
    {
        var table = new WordTableBuilder();
        build(table);
        _body.Add(table.Build(null));
        TableCount++;
        return this;
    }

    /// <summary>
    /// The signature block: a borderless two-column table, "Nơi nhận:" and its list on the left, the signer's title
    /// lines, a blank line for the signature and the name on the right.
    /// </summary>
    public WordLetterBuilder SignerBlock(IEnumerable<string> distribution, IEnumerable<string> signerTitle, string signerName)
    {
        var left = new WordCell().Paragraph(new WordRun("Nơi nhận:", Bold: true, Italic: true));
        foreach (var line in distribution)
        {
            left.Paragraph(line);
        }
        var right = new WordCell();
        foreach (var line in signerTitle)
        {
            right.Paragraph(line, bold: true);
        }
        right.Paragraph("").Paragraph(signerName, bold: true);
        return Table(t => t.Borderless().Row(left, right));
    }

    /// <summary>A paragraph whose last run carries a footnote with <paramref name="note"/>.</summary>
    public WordLetterBuilder FootnotedParagraph(string text, string note)
    {
        _footnotes.Add(note);
        var paragraph = BuildParagraph([new WordRun(text)], null, center: false, style: null);
        paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
            new FootnoteReference { Id = _footnotes.Count }));
        _body.Add(paragraph);
        return this;
    }

    /// <summary>A paragraph with a reviewer's comment anchored on its text.</summary>
    public WordLetterBuilder CommentedParagraph(string text, string comment)
    {
        var id = _comments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _comments.Add(comment);
        _body.Add(new Paragraph(
            new CommentRangeStart { Id = id },
            BuildRun(new WordRun(text), null),
            new CommentRangeEnd { Id = id },
            new Run(new CommentReference { Id = id })));
        return this;
    }

    public WordLetterBuilder PageHeader(string text)
    {
        _pageHeader = text;
        return this;
    }

    public WordLetterBuilder PageFooter(string text)
    {
        _pageFooter = text;
        return this;
    }

    /// <summary>Any body element (a paragraph with fields or revisions, a content control); it is cloned.</summary>
    public WordLetterBuilder Append(OpenXmlElement element)
    {
        _body.Add(element.CloneNode(true));
        return this;
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(_body.Select(e => e.CloneNode(true)));
            var section = new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U });
            if (_pageHeader is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(BuildParagraph([new WordRun(_pageHeader)], null, center: true, style: null));
                section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
            }
            if (_pageFooter is not null)
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer(BuildParagraph([new WordRun(_pageFooter)], null, center: true, style: null));
                section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            }
            body.Append(section);
            for (var i = 0; i < _chunks.Count; i++)
            {
                var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html, $"chunk{i + 1}");
                using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_chunks[i]));
                chunk.FeedData(stream);
            }
            main.Document = new Document(body);
            main.AddNewPart<StyleDefinitionsPart>().Styles = BuildStyles();
            if (_footnotes.Count > 0)
            {
                var notes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                for (var i = 0; i < _footnotes.Count; i++)
                {
                    notes.Append(new Footnote(BuildParagraph([new WordRun(_footnotes[i])], null, center: false, style: null)) { Id = i + 1 });
                }
                main.AddNewPart<FootnotesPart>().Footnotes = notes;
            }
            if (_comments.Count > 0)
            {
                var comments = new Comments();
                for (var i = 0; i < _comments.Count; i++)
                {
                    comments.Append(new Comment(BuildParagraph([new WordRun(_comments[i])], null, center: false, style: null))
                    {
                        Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Author = "Người rà soát",
                    });
                }
                main.AddNewPart<WordprocessingCommentsPart>().Comments = comments;
            }
        }
        return buffer.ToArray();
    }

    private Styles BuildStyles()
    {
        var defaults = new RunPropertiesBaseStyle(new FontSize { Val = "26" });
        if (_defaultFont is not null)
        {
            defaults.PrependChild(new RunFonts { Ascii = _defaultFont, HighAnsi = _defaultFont, ComplexScript = _defaultFont });
        }
        var styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(defaults), new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        foreach (var (id, paragraph) in _hiddenStyles)
        {
            var style = new Style(new StyleName { Val = id }) { Type = paragraph ? StyleValues.Paragraph : StyleValues.Character, StyleId = id };
            style.Append(new StyleRunProperties(new Vanish()));
            styles.Append(style);
        }
        foreach (var (id, name, font, basedOn) in _styles)
        {
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new BasedOn { Val = basedOn ?? "Normal" });
            if (font is not null)
            {
                style.Append(new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font }));
            }
            styles.Append(style);
        }
        return styles;
    }

    internal static Paragraph BuildParagraph(IEnumerable<WordRun> runs, string? defaultFont, bool center, string? style)
    {
        var paragraph = new Paragraph();
        if (center || style is not null)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }
            if (center)
            {
                properties.Append(new Justification { Val = JustificationValues.Center });
            }
            paragraph.Append(properties);
        }
        var revision = 0;
        foreach (var run in runs)
        {
            var built = BuildRun(run, defaultFont);
            paragraph.Append(run.Revision switch
            {
                WordRevision.Inserted => new InsertedRun(built) { Id = (++revision).ToString(System.Globalization.CultureInfo.InvariantCulture), Author = "Người sửa" },
                WordRevision.Deleted => new DeletedRun(built) { Id = (++revision).ToString(System.Globalization.CultureInfo.InvariantCulture), Author = "Người sửa" },
                _ => (OpenXmlElement)built,
            });
        }
        return paragraph;
    }

    /// <summary>One w:r; line breaks and tabs inside the text become w:br and w:tab, as Word writes them.</summary>
    public static Run BuildRun(WordRun run, string? defaultFont = null)
    {
        var properties = new RunProperties();
        if (run.Style is not null)
        {
            properties.Append(new RunStyle { Val = run.Style });
        }
        if ((run.Font ?? defaultFont) is { } font)
        {
            properties.Append(new RunFonts { Ascii = font, HighAnsi = font });
        }
        if (run.Bold)
        {
            properties.Append(new Bold());
        }
        if (run.Italic)
        {
            properties.Append(new Italic());
        }
        if (run.Hidden)
        {
            properties.Append(new Vanish());
        }
        var result = new Run();
        if (properties.HasChildren)
        {
            result.Append(properties);
        }
        var lines = run.Text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                result.Append(new Break());
            }
            var pieces = lines[l].Split('\t');
            for (var p = 0; p < pieces.Length; p++)
            {
                if (p > 0)
                {
                    result.Append(new TabChar());
                }
                if (pieces[p].Length > 0)
                {
                    result.Append(run.Revision == WordRevision.Deleted
                        ? new DeletedText(pieces[p]) { Space = SpaceProcessingModeValues.Preserve }
                        : new Text(pieces[p]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }
        return result;
    }
}
