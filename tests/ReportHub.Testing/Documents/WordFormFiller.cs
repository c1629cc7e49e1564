using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Testing.Documents;

/// <summary>Types rows into the empty tables of a blank Word form, the way a clerk fills the letter ReportHub hands out.</summary>
public static class WordFormFiller
{
    /// <summary>
    /// For each table whose header row has a cell reading <c>header</c>, fills its first empty rows with the values given,
    /// one array per row, cell by cell.
    /// </summary>
    public static byte[] Fill(byte[] blank, IReadOnlyDictionary<string, string[][]> rowsByHeader)
    {
        ArgumentNullException.ThrowIfNull(blank);
        ArgumentNullException.ThrowIfNull(rowsByHeader);
        using var stream = new MemoryStream();
        stream.Write(blank);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            foreach (var (header, rows) in rowsByHeader)
            {
                var table = body.Elements<Table>().Single(t => t.Elements<TableRow>().First().Elements<TableCell>().Any(c => Text(c) == header));
                var blankRows = table.Elements<TableRow>().Skip(1).ToList();
                for (var r = 0; r < rows.Length; r++)
                {
                    var cells = blankRows[r].Elements<TableCell>().ToList();
                    for (var i = 0; i < rows[r].Length; i++)
                    {
                        cells[i].GetFirstChild<Paragraph>()!.Append(new Run(new Text(rows[r][i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                    }
                }
            }
        }
        return stream.ToArray();
    }

    private static string Text(TableCell cell) =>
        string.Join("\n", cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
}
