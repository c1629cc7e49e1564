using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Core.Grid;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>Reopens written Word documents with the OpenXml SDK, and lays their body out as rows of cells.</summary>
internal static class WordDocuments
{
    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public static Body Body(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!;

    public static string Text(Paragraph paragraph) => string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));

    public static string Text(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(Text));

    public static IReadOnlyList<string> Texts(TableCell cell) => cell.Elements<Paragraph>().Select(Text).Where(t => t.Length > 0).ToList();

    /// <summary>The body-level paragraph whose text is exactly <paramref name="text"/>.</summary>
    public static Paragraph Paragraph(Body body, string text) => body.Elements<Paragraph>().Single(p => Text(p) == text);

    /// <summary>The first table after the body-level paragraph <paramref name="heading"/>, before any other paragraph text.</summary>
    public static Table TableAfter(Body body, string heading) =>
        Paragraph(body, heading).ElementsAfter().OfType<Table>().First();

    /// <summary>
    /// The body as a sheet: each paragraph a row of one cell, each table row a row of its cells. This is how a Word
    /// letter lines up with the grid the template parser reads.
    /// </summary>
    public static IReadOnlyList<SheetRow> Rows(Body body)
    {
        var rows = new List<SheetRow>();
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    AddRow(rows, [Text(paragraph)]);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        AddRow(rows, row.Elements<TableCell>().Select(Text).ToList());
                    }
                    break;
            }
        }
        return rows;
    }

    private static void AddRow(List<SheetRow> rows, IReadOnlyList<string> texts)
    {
        var index = rows.Count + 1;
        var cells = texts
            .Select((text, i) => new CellValue(index, i + 1, text.Trim().Length == 0 ? CellKind.Empty : CellKind.Text, text))
            .Where(c => !c.IsBlank)
            .ToList();
        rows.Add(new SheetRow(index, cells));
    }
}
