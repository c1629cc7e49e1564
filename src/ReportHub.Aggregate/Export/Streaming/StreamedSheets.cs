using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportHub.Aggregate.Export.Styling;

namespace ReportHub.Aggregate.Export.Streaming;

/// <summary>
/// Copies the package ClosedXML wrote to the output, entry by entry, and writes the body rows of each streamed sheet
/// with <see cref="OpenXmlWriter"/> on the way. A 64,000-row sheet then never exists as cell objects, and the
/// output can be a file or any forward-only stream.
/// </summary>
internal static class StreamedSheets
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    public static void Write(ReadOnlyMemory<byte> frame, Stream output, IReadOnlyList<StreamedSheet> sheets)
    {
        var plans = Plan(frame, sheets);
        using var source = new ZipArchive(ReadStream(frame), ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            // Fastest: the body is repetitive XML that deflates well at any level, and the level dominates the time.
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            using var to = copy.Open();
            if (plans.TryGetValue(entry.FullName, out var plan))
            {
                WriteSheet(to, plan);
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    private sealed record SheetPlan(StreamedSheet Sheet, Worksheet Frame, uint[] Styles);

    private static MemoryStream ReadStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    /// <summary>Each streamed sheet's part, its frame as written, and the styles of its pattern row's cells.</summary>
    private static Dictionary<string, SheetPlan> Plan(ReadOnlyMemory<byte> frame, IReadOnlyList<StreamedSheet> sheets)
    {
        var plans = new Dictionary<string, SheetPlan>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Open(ReadStream(frame), isEditable: false);
        var workbookPart = document.WorkbookPart!;
        foreach (var sheet in sheets)
        {
            var entry = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == sheet.Name);
            var part = (WorksheetPart)workbookPart.GetPartById(entry.Id!.Value!);
            var worksheet = (Worksheet)part.Worksheet.CloneNode(true);
            var pattern = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == (uint)sheet.FirstRow);
            var styles = new uint[sheet.Widths.Count];
            foreach (var cell in pattern?.Elements<Cell>() ?? [])
            {
                var column = ColumnOf(cell.CellReference?.Value);
                if (column >= 1 && column <= styles.Length)
                {
                    styles[column - 1] = cell.StyleIndex?.Value ?? 0;
                }
            }
            plans[part.Uri.OriginalString.TrimStart('/')] = new SheetPlan(sheet, worksheet, styles);
        }
        return plans;
    }

    private static int ColumnOf(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? string.Empty)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    private static void WriteSheet(Stream to, SheetPlan plan)
    {
        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(plan.Frame);
        foreach (var child in plan.Frame.ChildElements)
        {
            if (child is not SheetData data)
            {
                writer.WriteElement(child);
                continue;
            }
            writer.WriteStartElement(data);
            var rows = data.Elements<Row>().ToList();
            foreach (var row in rows.Where(r => r.RowIndex!.Value < plan.Sheet.FirstRow))
            {
                writer.WriteElement(row);
            }
            WriteBody(writer, plan);
            foreach (var row in rows.Where(r => r.RowIndex!.Value > plan.Sheet.FirstRow))
            {
                writer.WriteElement(row);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteBody(OpenXmlWriter writer, SheetPlan plan)
    {
        var sheet = plan.Sheet;
        var letters = Enumerable.Range(1, plan.Styles.Length).Select(ColumnName).ToArray();
        var styles = plan.Styles.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToArray();
        // One element of each kind stands for every tag written; OpenXmlWriter writes only its name.
        var rowTag = new Row();
        var cellTag = new Cell();
        var valueTag = new CellValue();
        var inlineTag = new InlineString();
        var textTag = new Text();
        OpenXmlAttribute[] preserve = [new("xml", "space", XmlNamespace, "preserve")];
        var rowAttributes = new OpenXmlAttribute[3];
        var cellAttributes = new OpenXmlAttribute[3];
        var plainAttributes = new OpenXmlAttribute[2];
        var numbers = new string?[plan.Styles.Length];

        var index = sheet.FirstRow;
        foreach (var cells in sheet.Rows)
        {
            var rowNumber = index.ToString(CultureInfo.InvariantCulture);
            var lines = 1d;
            for (var i = 0; i < cells.Length && i < letters.Length; i++)
            {
                numbers[i] = cells[i].Number?.ToString(CultureInfo.InvariantCulture);
                var shown = cells[i].Text ?? numbers[i];
                if (!string.IsNullOrEmpty(shown))
                {
                    lines = Math.Max(lines, OfficialStyle.WrappedLines(shown, sheet.Widths[i], 1.0));
                }
            }
            rowAttributes[0] = new OpenXmlAttribute("r", string.Empty, rowNumber);
            rowAttributes[1] = new OpenXmlAttribute("ht", string.Empty, OfficialStyle.RowHeight(lines).ToString(CultureInfo.InvariantCulture));
            rowAttributes[2] = new OpenXmlAttribute("customHeight", string.Empty, "1");
            writer.WriteStartElement(rowTag, rowAttributes);
            for (var i = 0; i < letters.Length; i++)
            {
                var cell = i < cells.Length ? cells[i] : default;
                cellAttributes[0] = new OpenXmlAttribute("r", string.Empty, letters[i] + rowNumber);
                cellAttributes[1] = new OpenXmlAttribute("s", string.Empty, styles[i]);
                plainAttributes[0] = cellAttributes[0];
                plainAttributes[1] = cellAttributes[1];
                if (!string.IsNullOrEmpty(cell.Text))
                {
                    cellAttributes[2] = new OpenXmlAttribute("t", string.Empty, "inlineStr");
                    writer.WriteStartElement(cellTag, cellAttributes);
                    writer.WriteStartElement(inlineTag);
                    writer.WriteStartElement(textTag, preserve);
                    writer.WriteString(cell.Text);
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
                else if (numbers[i] is { } number)
                {
                    writer.WriteStartElement(cellTag, plainAttributes);
                    writer.WriteStartElement(valueTag);
                    writer.WriteString(number);
                    writer.WriteEndElement();
                }
                else
                {
                    // Empty but bordered, as the rest of the table.
                    writer.WriteStartElement(cellTag, plainAttributes);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            index++;
        }
    }

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + (column - 1) % 26) + name;
        }
        return name;
    }
}
