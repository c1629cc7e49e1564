using CsvHelper;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;

namespace ReportHub.Readers.Csv;

/// <summary>
/// A CSV as Excel would show it: one sheet named after the file, every cell text. The text is decoded
/// up front (the file is small by the size limit) so encoding problems surface from Open, not mid-read.
/// </summary>
internal sealed class CsvWorkbookReader : IWorkbookReader
{
    private readonly string _text;
    private readonly char _separator;
    private readonly string _fileName;
    private readonly ReaderLimits _limits;

    public CsvWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits)
    {
        _fileName = fileName;
        _limits = limits;
        var text = Guard.Run(() => TextDecoder.Decode(bytes), _ => Rejections.NotSpreadsheet(fileName));
        // Separators and quotes alone ("Save as CSV" of a blank but formatted sheet) hold no content either.
        if (text.All(c => char.IsWhiteSpace(c) || c is '\uFEFF' or ',' or ';' or '\t' or '|' or '"'))
        {
            throw Rejections.Empty(fileName);
        }
        if (TextDecoder.LooksBinary(text) || TextDecoder.LooksLikeMarkup(text))
        {
            throw Rejections.NotSpreadsheet(fileName);
        }
        (_text, _separator) = SplitSeparatorHint(text) ?? (text, DelimiterDetector.Detect(text));
        var sheetName = Path.GetFileNameWithoutExtension(fileName);
        Sheets = [new SheetInfo(0, string.IsNullOrWhiteSpace(sheetName) ? "Sheet1" : sheetName, false)];
    }

    public string Format => "csv";

    public IReadOnlyList<SheetInfo> Sheets { get; }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sheetIndex, 0);
        return Guard.Enumerate(() => StreamRows(cancellationToken), _ => Rejections.Corrupt(_fileName));
    }

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sheetIndex, 0);
        return [];
    }

    public void Dispose()
    {
    }

    private IEnumerable<SheetRow> StreamRows(CancellationToken cancellationToken)
    {
        var options = new CsvReaderOptions
        {
            Separator = _separator,
            HasHeader = false,
            // Blank lines are blank rows in Excel; keeping them keeps row numbers the same as Excel shows.
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var csv = CsvReader.Create(new StringReader(_text), options);
        var rowIndex = 0;
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowIndex++;
            if (csv.FieldCount > _limits.MaxColumns)
            {
                throw Rejections.TooManyColumns(_fileName, Sheets[0].Name, _limits.MaxColumns);
            }
            var cells = new List<CellValue>();
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var value = csv.GetString(i);
                if (!string.IsNullOrEmpty(value))
                {
                    cells.Add(new CellValue(rowIndex, i + 1, CellKind.Text, value));
                }
            }
            if (cells.Count == 0)
            {
                continue;
            }
            if (rowIndex > _limits.MaxRows)
            {
                throw Rejections.TooManyRows(_fileName, Sheets[0].Name, _limits.MaxRows);
            }
            yield return new SheetRow(rowIndex, cells);
        }
    }

    /// <summary>Excel's "sep=;" first line names the separator and is not data.</summary>
    private static (string Text, char Separator)? SplitSeparatorHint(string text)
    {
        if (text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)
            && (text.Length == 5 || text[5] is '\r' or '\n'))
        {
            var rest = text[5..].TrimStart('\r').TrimStart('\n');
            return (rest, text[4]);
        }
        return null;
    }
}
