using ReportHub.Core.Grid;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Csv;

/// <summary>
/// A CSV as Excel would show it: one sheet named after the file, every cell text. The encoding, the separator and
/// whether the file is text at all are settled in the constructor from the bytes and a sample, so those problems
/// surface from Open; rows are then decoded and split as they are read.
/// </summary>
internal sealed class CsvWorkbookReader : IWorkbookReader
{
    private const int SampleCharacters = 64 * 1024;

    private readonly CsvSource _source;
    private readonly char _separator;
    private readonly bool _skipSeparatorHint;
    private readonly string _fileName;
    private readonly ReaderLimits _limits;

    public CsvWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits)
    {
        _fileName = fileName;
        _limits = limits;
        _source = Guard.Run(() => CsvSource.Detect(bytes), _ => Rejections.NotSpreadsheet(fileName));
        if (_source.LooksBinary())
        {
            throw Rejections.NotSpreadsheet(fileName);
        }
        if (_source.IsBlank())
        {
            throw Rejections.Empty(fileName);
        }
        var sample = _source.Sample(SampleCharacters);
        if (CsvSource.LooksLikeMarkup(sample))
        {
            throw Rejections.NotSpreadsheet(fileName);
        }
        if (SeparatorHint(sample) is { } hinted)
        {
            (_separator, _skipSeparatorHint) = (hinted, true);
        }
        else
        {
            _separator = DelimiterDetector.Detect(sample);
        }
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
        var sheetName = Sheets[0].Name;
        using var records = new CsvRecords(_source, _separator, _skipSeparatorHint, new CsvFieldLimits
        {
            FileName = _fileName,
            SheetName = sheetName,
            MaxCellCharacters = _limits.MaxCellCharacters,
            MaxColumns = _limits.MaxColumns,
        });
        var fields = new List<CsvField>();
        var rowIndex = 0;
        var cellCount = 0L;
        // Blank lines are blank rows in Excel; counting them keeps row numbers the same as Excel shows.
        while (records.Read(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowIndex++;
            if (fields.Count == 0)
            {
                continue;
            }
            if (rowIndex > _limits.MaxRows)
            {
                throw Rejections.TooManyRows(_fileName, sheetName, _limits.MaxRows);
            }
            cellCount += fields.Count;
            if (cellCount > _limits.MaxCellsPerSheet)
            {
                throw CsvRejections.TooManyCells(_fileName, sheetName, _limits.MaxCellsPerSheet);
            }
            yield return new SheetRow(rowIndex, [.. fields.Select(f => CellText.Text(rowIndex, f.Column, f.Text, null))]);
        }
    }

    /// <summary>Excel's "sep=;" first line names the separator, any one character, and is not data.</summary>
    private static char? SeparatorHint(string sample) =>
        sample.Length >= 5 && sample.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)
            && (sample.Length == 5 || sample[5] is '\r' or '\n')
            && sample[4] is not ('"' or '\r' or '\n') && !char.IsSurrogate(sample[4])
            ? sample[4]
            : null;
}
