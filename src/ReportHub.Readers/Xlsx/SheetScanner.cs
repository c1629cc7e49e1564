using ReportHub.Core.Grid;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

/// <summary>
/// <see cref="SheetXml"/>'s walk of a worksheet part on <see cref="Utf8XmlScanner"/>: the same rows, cells, merges,
/// limits and rejections, step for step, without a string per attribute or value. A part the scanner cannot read
/// makes <see cref="Next"/> throw <see cref="XmlScanFallbackException"/>; the caller then continues on XmlReader.
/// </summary>
internal sealed class SheetScanner : IDisposable
{
    private const int StackChars = 64;

    private readonly Utf8XmlScanner _scanner;
    private readonly SheetContext _context;
    private readonly List<MergedRange> _merges;
    private readonly CancellationToken _cancellationToken;
    private readonly SheetXml.Budget _budget;
    private readonly CharBuffer _value = new();
    private readonly CharBuffer _richText = new();
    private int _lastRow;

    public SheetScanner(Utf8XmlScanner scanner, SheetContext context, List<MergedRange> merges, CancellationToken cancellationToken)
    {
        _scanner = scanner;
        _context = context;
        _merges = merges;
        _cancellationToken = cancellationToken;
        _budget = new SheetXml.Budget(context, cancellationToken);
    }

    /// <summary>The next row with at least one cell, or null at the end of the part (merges are complete then).</summary>
    public SheetRow? Next()
    {
        while (_scanner.Read())
        {
            if (_scanner.Node != ScanNode.Element)
            {
                continue;
            }
            var name = _scanner.LocalName;
            if (name.SequenceEqual("row"u8))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                // Some writers omit r=; rows then follow one another.
                var declared = _scanner.IntAttribute("r"u8);
                var rowIndex = declared is > 0 ? declared.Value : _lastRow + 1;
                _lastRow = rowIndex;
                var cells = ReadCells(rowIndex);
                if (cells.Length > 0)
                {
                    if (rowIndex > _context.Limits.MaxRows)
                    {
                        throw Rejections.TooManyRows(_context.FileName, _context.SheetName, _context.Limits.MaxRows);
                    }
                    return new SheetRow(rowIndex, cells);
                }
            }
            else if (name.SequenceEqual("mergeCell"u8))
            {
                SheetXml.AddMerge(_scanner.AttributeString("ref"u8), _merges, _context, _cancellationToken);
            }
        }
        return null;
    }

    /// <summary>Merged ranges only, passing over sheetData without decoding a cell.</summary>
    public static List<MergedRange> ReadMerges(Utf8XmlScanner scanner, SheetContext context)
    {
        var merges = new List<MergedRange>();
        while (scanner.Read())
        {
            if (scanner.IsElement("sheetData"u8))
            {
                scanner.Skip();
            }
            else if (scanner.IsElement("mergeCell"u8))
            {
                SheetXml.AddMerge(scanner.AttributeString("ref"u8), merges, context, CancellationToken.None);
            }
        }
        return merges;
    }

    public void Dispose()
    {
        _value.Dispose();
        _richText.Dispose();
        _scanner.Dispose();
    }

    private CellValue[] ReadCells(int rowIndex)
    {
        if (_scanner.IsEmptyElement)
        {
            return [];
        }
        var cells = _budget.Scratch;
        cells.Clear();
        var depth = _scanner.Depth;
        var lastColumn = 0;
        Span<char> stack = stackalloc char[StackChars];
        while (_scanner.Read() && !(_scanner.Node == ScanNode.EndElement && _scanner.Depth == depth))
        {
            if (!_scanner.IsElement("c"u8))
            {
                continue;
            }
            _budget.Cell();
            var reference = _scanner.FindAttribute("r"u8);
            var column = (reference < 0 ? null : SheetXml.ColumnOf(_scanner.AttributeValue(reference, stack))) ?? lastColumn + 1;
            lastColumn = column;
            if (column > _context.Limits.MaxColumns)
            {
                throw Rejections.TooManyColumns(_context.FileName, _context.SheetName, _context.Limits.MaxColumns);
            }
            if (ReadCell(rowIndex, column) is { } cell)
            {
                cells.Add(cell);
            }
        }
        return cells.Count == 0 ? [] : cells.ToArray();
    }

    private CellValue? ReadCell(int row, int column)
    {
        Span<char> type = stackalloc char[StackChars];
        var typeAt = _scanner.FindAttribute("t"u8);
        type = typeAt < 0 ? [] : CopyOut(_scanner.AttributeValue(typeAt, type), type);
        var style = _scanner.IntAttribute("s"u8) ?? 0;
        if (_scanner.IsEmptyElement)
        {
            return null;
        }

        _value.Clear();
        string? inlineText = null;
        string? inlineFont = null;
        var formula = false;
        var depth = _scanner.Depth;
        while (_scanner.Read() && !(_scanner.Node == ScanNode.EndElement && _scanner.Depth == depth))
        {
            if (_scanner.Node != ScanNode.Element)
            {
                continue;
            }
            var name = _scanner.LocalName;
            if (name.SequenceEqual("v"u8))
            {
                // The last <v> wins, as it does when XmlReader reads them one after another.
                _value.Clear();
                XmlNav.ReadContent(_scanner, _value);
            }
            else if (name.SequenceEqual("is"u8))
            {
                (inlineText, inlineFont) = ReadInline(row, column);
            }
            else
            {
                // <f> and extensions: the cached <v> is what Excel last showed, which is what we take, saying so.
                formula |= name.SequenceEqual("f"u8);
                _scanner.Skip();
            }
        }
        if (_value.Length > _context.Limits.MaxCellCharacters)
        {
            throw Rejections.CellTooLong(_context.FileName, _context.SheetName, A1.Format(row, column), _context.Limits.MaxCellCharacters);
        }
        var cell = SheetXml.Convert(row, column, type, style, _value.Span, inlineText, inlineFont, _context);
        return formula && cell is { } cached ? cached with { IsFormula = true } : cell;
    }

    // Its own method: a lambda in ReadCell would capture row and column, and C# would allocate that closure on entry
    // to ReadCell for every cell, inline string or not.
    private (string? Text, string? Font) ReadInline(int row, int column) =>
        XmlNav.ReadRichText(_scanner, _richText, _context.Limits.MaxCellCharacters,
            () => Rejections.CellTooLong(_context.FileName, _context.SheetName, A1.Format(row, column), _context.Limits.MaxCellCharacters));

    /// <summary>The attribute value may sit in the scanner's scratch, which the next attribute reuses.</summary>
    private static Span<char> CopyOut(ReadOnlySpan<char> value, Span<char> stack)
    {
        if (value.Length > stack.Length)
        {
            return value.ToArray();
        }
        value.CopyTo(stack);
        return stack[..value.Length];
    }
}
