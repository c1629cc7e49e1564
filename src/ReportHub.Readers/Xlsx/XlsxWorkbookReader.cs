using System.Xml;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

/// <summary>
/// Streaming SpreadsheetML reader on ZipArchive + XmlReader. Only the shared strings and styles are held in
/// memory; sheets are parsed as they are enumerated. Not thread-safe: one caller at a time, like a Stream.
/// </summary>
internal sealed class XlsxWorkbookReader : IWorkbookReader
{
    private const string DefaultWorkbookPart = "xl/workbook.xml";

    private readonly string _fileName;
    private readonly ReaderLimits _limits;
    private readonly PackageParts _parts;
    private readonly List<SheetEntry> _entries;
    private readonly SharedStrings _sharedStrings;
    private readonly Styles _styles;
    private readonly bool _date1904;
    private readonly Dictionary<int, IReadOnlyList<MergedRange>> _merges = [];
    private readonly bool _useScanner;

    public XlsxWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits)
        : this(bytes, fileName, limits, useScanner: true)
    {
    }

    /// <param name="useScanner">False reads every part with XmlReader alone: the reference the scanner is tested against.</param>
    internal XlsxWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits, bool useScanner)
    {
        _fileName = fileName;
        _limits = limits;
        _useScanner = useScanner;
        _parts = Guard.Run(() => new PackageParts(bytes, fileName, limits), Map);
        try
        {
            var (workbook, sharedStrings, styles) = Guard.Run(Load, Map);
            _entries = [.. workbook.Sheets];
            _date1904 = workbook.Date1904;
            _sharedStrings = sharedStrings;
            _styles = styles;
        }
        catch
        {
            _parts.Dispose();
            throw;
        }
        Sheets = [.. _entries.Select((entry, index) => new SheetInfo(index, entry.Name, entry.Hidden))];
    }

    public string Format => "xlsx";

    /// <summary>How many times a part went back to XmlReader after the scanner opened it; tests watch this.</summary>
    internal int ScannerFallbacks { get; private set; }

    public IReadOnlyList<SheetInfo> Sheets { get; }

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sheetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sheetIndex, _entries.Count);
        return Guard.Enumerate(() => StreamRows(sheetIndex, cancellationToken), Map);
    }

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sheetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sheetIndex, _entries.Count);
        if (_merges.TryGetValue(sheetIndex, out var known))
        {
            return known;
        }
        var merges = Guard.Run(() => ReadMerges(sheetIndex), Map);
        _merges[sheetIndex] = merges;
        return merges;
    }

    public void Dispose() => _parts.Dispose();

    private List<MergedRange> ReadMerges(int sheetIndex)
    {
        if (_useScanner && OpenSheetScanner(sheetIndex) is { } scanner)
        {
            using (scanner)
            {
                try
                {
                    return SheetScanner.ReadMerges(scanner, Context(sheetIndex));
                }
                catch (XmlScanFallbackException)
                {
                    // Read again below: XmlReader reads it or names the fault.
                    ScannerFallbacks++;
                }
            }
        }
        using var reader = OpenSheet(sheetIndex);
        return reader is null ? [] : SheetXml.ReadMerges(reader, Context(sheetIndex));
    }

    /// <summary>
    /// Rows from the byte scanner while it understands the part; if it meets something it does not, XmlReader reads
    /// the part from the start and the rows already given are passed over, so the caller sees one unbroken sequence,
    /// the same XmlReader alone would give.
    /// </summary>
    private IEnumerable<SheetRow> StreamRows(int sheetIndex, CancellationToken cancellationToken)
    {
        if (_entries[sheetIndex].Part is null)
        {
            _merges[sheetIndex] = [];
            yield break;
        }
        var context = Context(sheetIndex);
        var given = 0;
        if (_useScanner && OpenSheetScanner(sheetIndex) is { } scanner)
        {
            var scannedMerges = new List<MergedRange>();
            using var rows = new SheetScanner(scanner, context, scannedMerges, cancellationToken);
            while (true)
            {
                SheetRow? row;
                try
                {
                    row = rows.Next();
                }
                catch (XmlScanFallbackException)
                {
                    ScannerFallbacks++;
                    break;
                }
                if (row is null)
                {
                    _merges[sheetIndex] = scannedMerges;
                    yield break;
                }
                given++;
                yield return row;
            }
        }

        using var reader = OpenSheet(sheetIndex)!;
        var merges = new List<MergedRange>();
        foreach (var row in SheetXml.ReadRows(reader, context, merges, cancellationToken))
        {
            if (given > 0)
            {
                given--;
                continue;
            }
            yield return row;
        }
        _merges[sheetIndex] = merges;
    }

    /// <summary>Null when the sheet has no part or its prolog asks for XmlReader from the start.</summary>
    private Utf8XmlScanner? OpenSheetScanner(int sheetIndex)
    {
        var part = _entries[sheetIndex].Part;
        if (part is null)
        {
            return null;
        }
        var stream = _parts.OpenStream(part) ?? throw Rejections.Corrupt(_fileName, $"thiếu trang tính “{_entries[sheetIndex].Name}”");
        return Utf8XmlScanner.Open(stream);
    }

    private SheetContext Context(int sheetIndex) =>
        new(_fileName, _entries[sheetIndex].Name, _sharedStrings, _styles, _date1904, _limits);

    /// <summary>Null for a sheet without a worksheet part (a chart sheet, say): it has no cells.</summary>
    private XmlReader? OpenSheet(int sheetIndex)
    {
        var part = _entries[sheetIndex].Part;
        if (part is null)
        {
            return null;
        }
        return _parts.OpenXml(part) ?? throw Rejections.Corrupt(_fileName, $"thiếu trang tính “{_entries[sheetIndex].Name}”");
    }

    private (WorkbookPart, SharedStrings, Styles) Load()
    {
        var workbookPart = FindWorkbookPart();
        var relationships = ReadRelationships(workbookPart);

        WorkbookPart workbook;
        using (var reader = _parts.OpenXml(workbookPart)!)
        {
            workbook = WorkbookPart.Read(reader, relationships);
        }

        var sharedStrings = SharedStrings.Empty;
        if (FindRelated(relationships, "/sharedStrings", "xl/sharedStrings.xml") is { } sharedStringsPart)
        {
            SharedStrings? scanned = null;
            if (_useScanner)
            {
                using var stream = _parts.OpenStream(sharedStringsPart)!;
                scanned = SharedStrings.TryScan(stream, _fileName, _limits);
            }
            if (scanned is null)
            {
                ScannerFallbacks += _useScanner ? 1 : 0;
                using var reader = _parts.OpenXml(sharedStringsPart)!;
                scanned = SharedStrings.Read(reader, _fileName, _limits);
            }
            sharedStrings = scanned;
        }

        var styles = Styles.Empty;
        if (FindRelated(relationships, "/styles", "xl/styles.xml") is { } stylesPart)
        {
            using var reader = _parts.OpenXml(stylesPart)!;
            styles = Styles.Read(reader);
        }
        return (workbook, sharedStrings, styles);
    }

    private string FindWorkbookPart() => _parts.MainPart(DefaultWorkbookPart) ?? throw ExplainMissingWorkbook();

    private FileRejectedException ExplainMissingWorkbook()
    {
        var names = _parts.Names.ToList();
        if (names.Any(n => n.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return Rejections.NotSpreadsheet(_fileName,
                "Đây là sổ làm việc nhị phân (.xlsb). Hãy mở bằng Excel, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx) rồi gửi lại.");
        }
        if (names.Any(n => n.Equals("content.xml", StringComparison.OrdinalIgnoreCase)))
        {
            return Rejections.NotSpreadsheet(_fileName,
                "Đây là tệp OpenDocument (.ods). Hãy lưu lại dưới dạng Sổ làm việc Excel (*.xlsx) rồi gửi lại.");
        }
        if (names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)))
        {
            return Rejections.Corrupt(_fileName, "thiếu xl/workbook.xml");
        }
        return Rejections.NotSpreadsheet(_fileName);
    }

    private Dictionary<string, (string Type, string Part)> ReadRelationships(string workbookPart)
    {
        using var reader = _parts.OpenXml(Relationships.RelsPartFor(workbookPart));
        return reader is null ? [] : Relationships.Read(reader, workbookPart);
    }

    private string? FindRelated(Dictionary<string, (string Type, string Part)> relationships, string typeSuffix, string fallback)
    {
        foreach (var (type, part) in relationships.Values)
        {
            if (type.EndsWith(typeSuffix, StringComparison.Ordinal) && _parts.Exists(part))
            {
                return part;
            }
        }
        return _parts.Exists(fallback) ? fallback : null;
    }

    private FileRejectedException Map(Exception e) => e switch
    {
        InvalidDataException => Rejections.Corrupt(_fileName, "tệp nén bị cắt cụt hoặc hỏng"),
        // The guard stream names a DOCTYPE first; this catches any XmlReader still finds on its own.
        XmlException x when x.Message.Contains("DTD", StringComparison.Ordinal) => Rejections.UnsafeXml(_fileName),
        XmlException => Rejections.Corrupt(_fileName, "nội dung XML không hợp lệ"),
        _ => Rejections.Corrupt(_fileName),
    };
}
