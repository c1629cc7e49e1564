using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>
/// The parts every ReportHub letter needs around its body: Times New Roman 13 pt as the document default (so text
/// a department types anywhere comes out in the decree's font), Vietnamese proofing, an A4 portrait page with the
/// decree's margins, and the page number at the top centre from page 2 on.
/// </summary>
internal static class WordPackage
{
    public static void Save(Stream output, IEnumerable<OpenXmlElement> content)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The SDK needs a seekable, readable stream; an HTTP body is neither, so build in memory and copy once.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = PageNumberHeader();

            var body = new Body();
            body.Append(content);
            body.Append(Section(main.GetIdOfPart(header)));
            main.Document = new Document(body);
            document.PackageProperties.Language = WordPage.Language;
            document.PackageProperties.Creator = "ReportHub";
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var size = WordPage.HalfPoints(WordPage.BodySize);
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts
                {
                    Ascii = WordPage.FontName,
                    HighAnsi = WordPage.FontName,
                    ComplexScript = WordPage.FontName,
                    EastAsia = WordPage.FontName,
                },
                FontSize = new FontSize { Val = size },
                FontSizeComplexScript = new FontSizeComplexScript { Val = size },
                Languages = new Languages { Val = WordPage.Language, EastAsia = WordPage.Language, Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            }));
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        var tableNormal = new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = "TableNormal",
            Default = true,
        };
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(defaults, normal, tableNormal);
    }

    private static void AddSettings(MainDocumentPart main)
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
    }

    private static Header PageNumberHeader()
    {
        var size = WordPage.HalfPoints(WordPage.BodySize);
        var paragraph = new Paragraph(
            new ParagraphProperties { Justification = new Justification { Val = JustificationValues.Center } },
            new SimpleField(new Run(new RunProperties { FontSize = new FontSize { Val = size } }, new Text("2")))
            {
                Instruction = " PAGE ",
            });
        return new Header(paragraph);
    }

    private static SectionProperties Section(string headerId) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
        new PageSize { Width = (uint)WordPage.Width, Height = (uint)WordPage.Height, Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = WordPage.MarginTop,
            Bottom = WordPage.MarginBottom,
            Left = (uint)WordPage.MarginLeft,
            Right = (uint)WordPage.MarginRight,
            Header = (uint)WordPage.HeaderDistance,
            Footer = (uint)WordPage.HeaderDistance,
            Gutter = 0,
        },
        new Columns { Space = WordPage.HeaderDistance.ToString(CultureInfo.InvariantCulture) },
        // The decree numbers pages from the second one; the first page carries the letterhead instead.
        new TitlePage());
}
