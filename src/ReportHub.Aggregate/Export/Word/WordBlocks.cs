using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Aggregate.Export.Styling;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>
/// Paragraphs, runs and tables of a Word letter. Properties are set through the SDK's typed setters, which keep
/// children in schema order: Word refuses a document whose run or paragraph properties come out of order.
/// </summary>
internal static class WordBlocks
{
    public static Paragraph Paragraph(WordLine line) =>
        Paragraph(line, line.Text.Length == 0 ? [] : [Run(line.Text, line.Bold, line.Italic, line.Size)]);

    public static Paragraph Paragraph(WordLine line, IEnumerable<Run> runs)
    {
        var properties = new ParagraphProperties
        {
            KeepNext = line.KeepNext ? new KeepNext() : null,
            PageBreakBefore = line.PageBreakBefore ? new PageBreakBefore() : null,
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = WordPage.Twips(line.Before),
                After = WordPage.Twips(line.After),
            },
            Indentation = line.Indent ? new Indentation { FirstLine = WordPage.FirstLineIndent.ToString(CultureInfo.InvariantCulture) } : null,
            Justification = new Justification { Val = line.Align },
            // An empty paragraph still takes its height from the paragraph mark, so size the mark like the text.
            ParagraphMarkRunProperties = MarkProperties(line),
        };
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    public static Run Run(string text, bool bold = false, bool italic = false, double size = WordPage.BodySize, string? fill = null)
    {
        var properties = new RunProperties
        {
            Bold = bold ? new Bold() : null,
            BoldComplexScript = bold ? new BoldComplexScript() : null,
            Italic = italic ? new Italic() : null,
            ItalicComplexScript = italic ? new ItalicComplexScript() : null,
            FontSize = new FontSize { Val = WordPage.HalfPoints(size) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = WordPage.HalfPoints(size) },
            Shading = fill is null ? null : Fill(fill),
        };
        // Preserve spaces: "Số:      /" keeps the gap the clerk writes the number into.
        return new Run(properties, new Text(OfficialStyle.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// A short centred rule under the issuing body or the motto, as the decree draws it: the bottom border of a tiny
    /// empty paragraph, indented so it spans only part of the block.
    /// </summary>
    public static Paragraph Rule(int inset) => new(new ParagraphProperties
    {
        ParagraphBorders = new ParagraphBorders
        {
            BottomBorder = new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "auto" },
        },
        SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "60", LineRule = LineSpacingRuleValues.Exact },
        Indentation = new Indentation { Left = Twips(inset), Right = Twips(inset) },
        ParagraphMarkRunProperties = new ParagraphMarkRunProperties(new FontSize { Val = "4" }),
    });

    /// <summary>An empty writing line with a dotted rule, for free text; adjacent lines share the rule between them.</summary>
    public static Paragraph WritingLine() => new(new ParagraphProperties
    {
        ParagraphBorders = new ParagraphBorders
        {
            BottomBorder = new BottomBorder { Val = BorderValues.Dotted, Size = 4, Space = 1, Color = "auto" },
            BetweenBorder = new BetweenBorder { Val = BorderValues.Dotted, Size = 4, Space = 1, Color = "auto" },
        },
        SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "0" },
        Justification = new Justification { Val = JustificationValues.Both },
        ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
            new FontSize { Val = WordPage.HalfPoints(WordPage.BodySize) },
            new FontSizeComplexScript { Val = WordPage.HalfPoints(WordPage.BodySize) }),
    });

    /// <summary>A fixed-layout table exactly <paramref name="widths"/> wide, with thin borders or none at all.</summary>
    public static Table Table(IReadOnlyList<int> widths, bool bordered, int cellMargin = 85)
    {
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            TableBorders = Borders(bordered ? BorderValues.Single : BorderValues.None),
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableCellMarginDefault = new TableCellMarginDefault
            {
                TableCellLeftMargin = new TableCellLeftMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa },
                TableCellRightMargin = new TableCellRightMargin { Width = (short)cellMargin, Type = TableWidthValues.Dxa },
            },
        };
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        return new Table(properties, grid);
    }

    /// <summary>
    /// A table row; a header row repeats at the top of every printed page. No row splits across pages, so a
    /// department's long entry is never cut in half.
    /// </summary>
    public static TableRow Row(IEnumerable<TableCell> cells, bool header = false)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (header)
        {
            properties.Append(new TableHeader());
        }
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>A cell holds at least one paragraph, as Word requires and as a filler types into.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, string? fill = null,
        TableVerticalAlignmentValues vertical = TableVerticalAlignmentValues.Top)
    {
        var cell = new TableCell(new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa },
            Shading = fill is null ? null : Fill(fill),
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = vertical },
        });
        cell.Append(paragraphs);
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(new Paragraph());
        }
        return cell;
    }

    private static ParagraphMarkRunProperties MarkProperties(WordLine line)
    {
        var mark = new ParagraphMarkRunProperties();
        if (line.Bold)
        {
            mark.Append(new Bold());
        }
        if (line.Italic)
        {
            mark.Append(new Italic());
        }
        mark.Append(new FontSize { Val = WordPage.HalfPoints(line.Size) }, new FontSizeComplexScript { Val = WordPage.HalfPoints(line.Size) });
        return mark;
    }

    private static TableBorders Borders(BorderValues kind)
    {
        var (size, color) = kind == BorderValues.None ? (0u, "auto") : (4u, "000000");
        return new TableBorders
        {
            TopBorder = new TopBorder { Val = kind, Size = size, Space = 0, Color = color },
            LeftBorder = new LeftBorder { Val = kind, Size = size, Space = 0, Color = color },
            BottomBorder = new BottomBorder { Val = kind, Size = size, Space = 0, Color = color },
            RightBorder = new RightBorder { Val = kind, Size = size, Space = 0, Color = color },
            InsideHorizontalBorder = new InsideHorizontalBorder { Val = kind, Size = size, Space = 0, Color = color },
            InsideVerticalBorder = new InsideVerticalBorder { Val = kind, Size = size, Space = 0, Color = color },
        };
    }

    private static Shading Fill(string fill) => new() { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill };

    private static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);
}
