using ClosedXML.Excel;
using ReportHub.Core.Templates;

namespace ReportHub.Testing.Entry;

/// <summary>
/// Types values into a downloaded blank workbook as a clerk does in Excel, found by what the sheet shows (each
/// section's numbered heading, its table's header row under it), never by how the server laid it out: the independent
/// side of "an entry answers as an upload of the same values in the blank".
/// </summary>
public static class BlankWorkbookFiller
{
    public static byte[] Fill(byte[] blank, TemplateDefinition template,
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> tables, IReadOnlyDictionary<string, string> narratives)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(narratives);
        using var workbook = new XLWorkbook(new MemoryStream(blank));
        var sheet = workbook.Worksheet(1);
        foreach (var section in template.Sections)
        {
            var heading = sheet.CellsUsed().Single(c => c.GetString() == $"{section.Number}. {section.Heading}");
            if (section.Table is { } table)
            {
                if (!tables.TryGetValue(section.Key, out var rows))
                {
                    continue;
                }
                var header = heading.WorksheetRow().RowBelow();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    if (header.Cell(c + 1).GetString() != table.Columns[c].Header)
                    {
                        throw new InvalidOperationException($"The header of “{section.Key}” is not the definition's at column {c + 1}.");
                    }
                }
                for (var r = 0; r < rows.Count; r++)
                {
                    var line = sheet.Row(header.RowNumber() + 1 + r);
                    if (r >= template.Layout.BlankRows)
                    {
                        // Beyond the blank's empty rows a clerk inserts rows above the next section.
                        line.InsertRowsAbove(1);
                        line = sheet.Row(header.RowNumber() + 1 + r);
                    }
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        if (rows[r].TryGetValue(table.Columns[c].Key, out var text) && text.Length > 0)
                        {
                            line.Cell(c + 1).SetValue(text);
                            line.Cell(c + 1).DataType = XLDataType.Text;
                        }
                    }
                }
            }
            else if (narratives.TryGetValue(section.Key, out var text) && text.Length > 0)
            {
                var cell = heading.WorksheetRow().RowBelow().Cell(1);
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
            }
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
