using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>One appendix table to fill in: the definition's headers, then empty bordered rows.</summary>
internal static class WordFormTable
{
    public static Table Build(TableDefinition definition, IReadOnlyList<int> widths, int blankRows)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var columns = definition.Columns;
        var table = WordBlocks.Table(widths, bordered: true);

        var header = columns.Select((column, i) => WordBlocks.Cell(widths[i],
            [WordBlocks.Paragraph(new WordLine { Text = column.Header, Bold = true, Size = WordPage.TableSize, Align = JustificationValues.Center })],
            WordPage.HeaderFill, TableVerticalAlignmentValues.Center));
        table.Append(WordBlocks.Row(header, header: true));

        // Ordinal cells stay empty, as in the workbook: a row holding only "1" would be read as a data row.
        for (var row = 0; row < blankRows; row++)
        {
            var cells = columns.Select((column, i) => WordBlocks.Cell(widths[i],
                [WordBlocks.Paragraph(new WordLine { Size = WordPage.TableSize, Align = AlignmentOf(column.Type) })]));
            table.Append(WordBlocks.Row(cells));
        }
        return table;
    }

    private static JustificationValues AlignmentOf(ColumnType type) => type switch
    {
        ColumnType.Ordinal => JustificationValues.Center,
        ColumnType.Count or ColumnType.Amount or ColumnType.Percent => JustificationValues.Right,
        ColumnType.Date => JustificationValues.Center,
        ColumnType.Text or ColumnType.Citation or ColumnType.List => JustificationValues.Left,
        _ => JustificationValues.Left,
    };
}
