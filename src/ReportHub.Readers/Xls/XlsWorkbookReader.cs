using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xls;

/// <summary>
/// BIFF8 (.xls) through ExcelDataReader. Each ReadRows call streams from a fresh reader positioned on the
/// sheet, because ExcelDataReader only moves forward through sheets.
/// ExcelDataReader 3.6 exposes no font information, so <see cref="CellValue.Font"/> stays null here.
/// </summary>
internal sealed class XlsWorkbookReader : IWorkbookReader
{
    static XlsWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly byte[] _bytes;
    private readonly string _fileName;
    private readonly ReaderLimits _limits;
    private readonly Dictionary<int, IReadOnlyList<MergedRange>> _merges = [];

    public XlsWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits)
    {
        _bytes = bytes;
        _fileName = fileName;
        _limits = limits;
        Sheets = Guard.Run(ReadSheets, Map);
    }

    public string Format => "xls";

    public IReadOnlyList<SheetInfo> Sheets { get; }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sheetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sheetIndex, Sheets.Count);
        return Guard.Enumerate(() => StreamRows(sheetIndex, cancellationToken), Map);
    }

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sheetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sheetIndex, Sheets.Count);
        if (_merges.TryGetValue(sheetIndex, out var known))
        {
            return known;
        }
        var merges = Guard.Run(() =>
        {
            using var reader = OpenAt(sheetIndex);
            // ExcelDataReader reads a sheet's MERGEDCELLS records when it first reads a row of it.
            reader.Read();
            return ToRanges(reader.MergeCells, sheetIndex);
        }, Map);
        _merges[sheetIndex] = merges;
        return merges;
    }

    public void Dispose()
    {
    }

    private IReadOnlyList<SheetInfo> ReadSheets()
    {
        using var reader = Create();
        var sheets = new List<SheetInfo>();
        do
        {
            var state = reader.VisibleState;
            // BIFF names are raw strings and may carry NUL; the name ends up in messages stored with the report.
            var name = ReportHub.Core.Text.VietnameseText.StripControls(reader.Name ?? "");
            sheets.Add(new SheetInfo(sheets.Count, CellText.Nfc(name.Length == 0 ? $"Sheet{sheets.Count + 1}" : name),
                state is not null && !state.Equals("visible", StringComparison.OrdinalIgnoreCase)));
        }
        while (reader.NextResult());
        return sheets;
    }

    private IEnumerable<SheetRow> StreamRows(int sheetIndex, CancellationToken cancellationToken)
    {
        using var reader = OpenAt(sheetIndex);
        var sheetName = Sheets[sheetIndex].Name;
        var rowIndex = 0;
        var cellCount = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowIndex++;
            if (reader.FieldCount > _limits.MaxColumns)
            {
                throw Rejections.TooManyColumns(_fileName, sheetName, _limits.MaxColumns);
            }
            var cells = new List<CellValue>();
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var value = reader.GetValue(column);
                if (value is null or DBNull)
                {
                    continue;
                }
                // ExcelDataReader has already decoded the row; these bounds keep what we build from it small.
                if (++cellCount > _limits.MaxCellsPerSheet)
                {
                    throw Rejections.TooManyCells(_fileName, sheetName, _limits.MaxCellsPerSheet);
                }
                if (value is string { Length: var length } && length > _limits.MaxCellCharacters)
                {
                    throw Rejections.CellTooLong(_fileName, sheetName, A1.Format(rowIndex, column + 1), _limits.MaxCellCharacters);
                }
                if (ToCell(rowIndex, column + 1, value) is { } cell)
                {
                    cells.Add(cell);
                }
            }
            if (cells.Count == 0)
            {
                continue;
            }
            if (rowIndex > _limits.MaxRows)
            {
                throw Rejections.TooManyRows(_fileName, sheetName, _limits.MaxRows);
            }
            yield return new SheetRow(rowIndex, cells);
        }
        _merges[sheetIndex] = ToRanges(reader.MergeCells, sheetIndex);
    }

    private static CellValue? ToCell(int row, int column, object? value) => value switch
    {
        null or DBNull => null,
        string s when s.Length == 0 => null,
        string s => CellText.Text(row, column, s, null),
        bool b => CellText.Boolean(row, column, b, null),
        DateTime d => CellText.Date(row, column, d, null),
        TimeSpan t => CellText.Number(row, column, t.TotalDays, null),
        double d => CellText.Number(row, column, d, null),
        IConvertible c => CellText.Number(row, column, c.ToDouble(System.Globalization.CultureInfo.InvariantCulture), null),
        _ => CellText.Text(row, column, value.ToString() ?? "", null),
    };

    private List<MergedRange> ToRanges(CellRange[]? ranges, int sheetIndex)
    {
        if (ranges is null)
        {
            return [];
        }
        if (ranges.Length > _limits.MaxMergedRanges)
        {
            throw Rejections.TooManyMerges(_fileName, Sheets[sheetIndex].Name, _limits.MaxMergedRanges);
        }
        return [.. ranges.Select(r => new MergedRange(r.FromRow + 1, r.FromColumn + 1, r.ToRow + 1, r.ToColumn + 1))];
    }

    private IExcelDataReader OpenAt(int sheetIndex)
    {
        var reader = Create();
        for (var i = 0; i < sheetIndex; i++)
        {
            if (!reader.NextResult())
            {
                reader.Dispose();
                throw Rejections.Corrupt(_fileName);
            }
        }
        return reader;
    }

    private IExcelDataReader Create() =>
        ExcelReaderFactory.CreateBinaryReader(new MemoryStream(_bytes, writable: false), new ExcelReaderConfiguration
        {
            // Pre-BIFF8 files without a code page record are usually Vietnamese Windows text.
            FallbackEncoding = Encoding.GetEncoding(1258),
            LeaveOpen = false,
        });

    private FileRejectedException Map(Exception e) => e switch
    {
        InvalidPasswordException => Rejections.Encrypted(_fileName),
        HeaderException or CompoundDocumentException => Rejections.Corrupt(_fileName, "cấu trúc tệp .xls không hợp lệ"),
        _ => Rejections.Corrupt(_fileName),
    };
}
