using System.Globalization;
using System.Xml;
using ReportHub.Core.Grid;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

internal sealed record SheetContext(
    string FileName,
    string SheetName,
    SharedStrings SharedStrings,
    Styles Styles,
    bool Date1904,
    ReaderLimits Limits);

/// <summary>Streams one worksheet part row by row; merged ranges are collected on the way since they follow sheetData.</summary>
internal static class SheetXml
{
    // Serials in the 1904 date system are this many days behind the 1900 system that OLE Automation dates use.
    private const double Date1904Offset = 1462;

    public static IEnumerable<SheetRow> ReadRows(XmlReader reader, SheetContext context, List<MergedRange> merges, CancellationToken cancellationToken)
    {
        var budget = new Budget(context, cancellationToken);
        var lastRow = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            switch (reader.LocalName)
            {
                case "row":
                    cancellationToken.ThrowIfCancellationRequested();
                    // Some writers omit r=; rows then follow one another.
                    var declared = XmlNav.IntAttribute(reader, "r");
                    var rowIndex = declared is > 0 ? declared.Value : lastRow + 1;
                    lastRow = rowIndex;
                    var cells = ReadCells(reader, rowIndex, context, budget);
                    if (cells.Length > 0)
                    {
                        if (rowIndex > context.Limits.MaxRows)
                        {
                            throw Rejections.TooManyRows(context.FileName, context.SheetName, context.Limits.MaxRows);
                        }
                        yield return new SheetRow(rowIndex, cells);
                    }
                    continue; // ReadCells left the reader on the node after </row>
                case "mergeCell":
                    AddMerge(reader, merges, context, cancellationToken);
                    break;
            }
            reader.Read();
        }
    }

    /// <summary>Collects merged ranges without decoding any cell, for callers that ask before reading rows.</summary>
    public static List<MergedRange> ReadMerges(XmlReader reader, SheetContext context)
    {
        var merges = new List<MergedRange>();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "sheetData")
                {
                    reader.Skip();
                    continue;
                }
                if (reader.LocalName == "mergeCell")
                {
                    AddMerge(reader, merges, context, CancellationToken.None);
                }
            }
            reader.Read();
        }
        return merges;
    }

    private static void AddMerge(XmlReader reader, List<MergedRange> merges, SheetContext context, CancellationToken cancellationToken) =>
        AddMerge(reader.GetAttribute("ref"), merges, context, cancellationToken);

    internal static void AddMerge(string? reference, List<MergedRange> merges, SheetContext context, CancellationToken cancellationToken)
    {
        if (reference is not { Length: > 0 })
        {
            return;
        }
        if (merges.Count >= context.Limits.MaxMergedRanges)
        {
            throw Rejections.TooManyMerges(context.FileName, context.SheetName, context.Limits.MaxMergedRanges);
        }
        if ((merges.Count & 0xFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        merges.Add(MergedRange.Parse(reference));
    }

    /// <summary>Counts the cell elements of one sheet, empty ones too, and looks at the token now and then.</summary>
    internal sealed class Budget(SheetContext context, CancellationToken cancellationToken)
    {
        private int _cells;

        public List<CellValue> Scratch { get; } = [];

        public void Cell()
        {
            if (++_cells > context.Limits.MaxCellsPerSheet)
            {
                throw Rejections.TooManyCells(context.FileName, context.SheetName, context.Limits.MaxCellsPerSheet);
            }
            if ((_cells & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static CellValue[] ReadCells(XmlReader reader, int rowIndex, SheetContext context, Budget budget)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return [];
        }
        // One scratch list per sheet, copied out at the row's end: a row costs one array of its exact size instead of
        // a list that grows (and copies) twice on the way to five cells.
        var cells = budget.Scratch;
        cells.Clear();
        var depth = reader.Depth;
        var lastColumn = 0;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                budget.Cell();
                var column = ColumnOf(reader.GetAttribute("r").AsSpan()) ?? lastColumn + 1;
                lastColumn = column;
                if (column > context.Limits.MaxColumns)
                {
                    throw Rejections.TooManyColumns(context.FileName, context.SheetName, context.Limits.MaxColumns);
                }
                if (ReadCell(reader, rowIndex, column, context) is { } cell)
                {
                    cells.Add(cell);
                }
                continue;
            }
            reader.Read();
        }
        reader.Read();
        return cells.Count == 0 ? [] : cells.ToArray();
    }

    // Its own method: a lambda in ReadCell would capture its parameters, and C# would allocate that closure on entry
    // to ReadCell for every cell, inline string or not.
    private static (string? Text, string? Font) ReadInline(XmlReader reader, int row, int column, SheetContext context) =>
        XmlNav.ReadRichText(reader, context.Limits.MaxCellCharacters,
            () => Rejections.CellTooLong(context.FileName, context.SheetName, A1.Format(row, column), context.Limits.MaxCellCharacters));

    private static CellValue? ReadCell(XmlReader reader, int row, int column, SheetContext context)
    {
        var type = reader.GetAttribute("t");
        var style = XmlNav.IntAttribute(reader, "s") ?? 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        string? value = null;
        string? inlineText = null;
        string? inlineFont = null;
        var formula = false;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "v":
                        value = reader.ReadElementContentAsString();
                        continue;
                    case "is":
                        (inlineText, inlineFont) = ReadInline(reader, row, column, context);
                        continue;
                    case "f":
                        // The cached <v> is what Excel last showed, which is what we take, saying so.
                        formula = true;
                        reader.Skip();
                        continue;
                    default:
                        // Extensions.
                        reader.Skip();
                        continue;
                }
            }
            reader.Read();
        }
        reader.Read();
        if (value?.Length > context.Limits.MaxCellCharacters)
        {
            throw Rejections.CellTooLong(context.FileName, context.SheetName, A1.Format(row, column), context.Limits.MaxCellCharacters);
        }
        var cell = Convert(row, column, type, style, value, inlineText, inlineFont, context);
        return formula && cell is { } cached ? cached with { IsFormula = true } : cell;
    }

    /// <summary>
    /// The cell's value as its type says; an absent type or value reads like an empty one. Both parsing paths come
    /// here with spans so that a string is made only for a cell that keeps its text.
    /// </summary>
    internal static CellValue? Convert(int row, int column, ReadOnlySpan<char> type, int style, ReadOnlySpan<char> value, string? inlineText, string? inlineFont, SheetContext context)
    {
        var styleFont = context.Styles.Font(style);
        switch (type)
        {
            case "s":
                if (value.IsWhiteSpace())
                {
                    return null;
                }
                if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
                    || !context.SharedStrings.TryGet(index, out var shared, out var runFont))
                {
                    throw Rejections.Corrupt(context.FileName, $"ô {A1.Format(row, column)} trỏ tới chuỗi không tồn tại");
                }
                return shared.Length == 0 ? null : CellText.NormalizedText(row, column, shared, runFont ?? styleFont);
            case "inlineStr":
                var inline = inlineText ?? (value.IsEmpty ? null : new string(value));
                return string.IsNullOrEmpty(inline) ? null : CellText.Text(row, column, inline, inlineFont ?? styleFont);
            case "str":
                return value.IsEmpty ? null : CellText.Text(row, column, XmlNav.Unescape(new string(value)), styleFont);
            case "b":
                return value.IsEmpty ? null : CellText.Boolean(row, column, value.Trim() is "1" or "true", styleFont);
            case "e":
                return value.IsEmpty ? null : CellText.Error(row, column, new string(value), styleFont);
            case "d":
                if (value.IsWhiteSpace())
                {
                    return null;
                }
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    && date >= new DateTime(100, 1, 1)
                    ? CellText.Date(row, column, date, styleFont)
                    : CellText.Text(row, column, new string(value), styleFont);
            default:
                if (value.IsWhiteSpace())
                {
                    return null;
                }
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    // Not a number despite the type; keep what is there rather than lose it.
                    return CellText.Text(row, column, new string(value), styleFont);
                }
                if (context.Styles.IsDate(style))
                {
                    return CellText.DateOrNumber(row, column, context.Date1904 ? number + Date1904Offset : number, styleFont);
                }
                return CellText.Number(row, column, number, styleFont);
        }
    }

    /// <summary>The column of an A1 reference, or null when there is none or it is unreadable.</summary>
    internal static int? ColumnOf(ReadOnlySpan<char> reference)
    {
        if (reference.IsEmpty)
        {
            return null;
        }
        var column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            if (column > 1_000_000)
            {
                return int.MaxValue; // far beyond XFD; the column limit rejects it
            }
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
        }
        return column == 0 ? null : column;
    }
}
