using System.Xml;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Xlsx;

namespace ReportHub.Readers.Docx;

/// <summary>
/// A Word letter (.docx) read as one sheet, so the template parser reads its PHỤ LỤC tables like a worksheet's.
/// word/document.xml is streamed through the same bounded package as .xlsx (zip-bomb ratio, total inflate, DTD
/// refusal); only styles.xml is held, for its fonts. Page headers and footers are not read: they repeat on every page
/// and hold no report content. Numbers stay text, as typed. Not thread-safe: one caller at a time, like a Stream.
/// </summary>
internal sealed class DocxWorkbookReader : IWorkbookReader
{
    public const string SheetName = "Văn bản";

    private const string DefaultDocumentPart = "word/document.xml";

    private readonly string _fileName;
    private readonly ReaderLimits _limits;
    private readonly PackageParts _parts;
    private readonly string _documentPart;
    private readonly WordStyles _styles;
    private DocxGrid? _complete;
    private IReadOnlyList<ReaderNote> _notes = [];

    public DocxWorkbookReader(byte[] bytes, string fileName, ReaderLimits limits)
    {
        _fileName = fileName;
        _limits = limits;
        _parts = Guard.Run(() => new PackageParts(bytes, fileName, limits, OfficeApp.Word), Map);
        try
        {
            (_documentPart, _styles) = Guard.Run(Load, Map);
        }
        catch
        {
            _parts.Dispose();
            throw;
        }
    }

    public string Format => "docx";

    public IReadOnlyList<SheetInfo> Sheets { get; } = [new SheetInfo(0, SheetName, false)];

    public IEnumerable<SheetRow> ReadRows(int sheetIndex, CancellationToken cancellationToken = default)
    {
        CheckSheet(sheetIndex);
        return Guard.Enumerate(() => StreamRows(cancellationToken), Map);
    }

    public IReadOnlyList<MergedRange> MergedRanges(int sheetIndex)
    {
        CheckSheet(sheetIndex);
        return Completed().Merges;
    }

    /// <summary>"Bảng 2, dòng 3, cột 4" for a cell of the report's second table (see <see cref="TableNames"/>), "Đoạn văn thứ 5" for a body paragraph.</summary>
    public string? DescribeCell(int sheetIndex, int row, int column)
    {
        CheckSheet(sheetIndex);
        var places = Completed().Places;
        // Never null: a null answer would make the locator take this reader for a sheet with A1 addresses.
        return row >= 1 && row <= places.Count ? places[row - 1].Describe(column, Completed().Names) : IssueLocator.WholeFile;
    }

    /// <summary>Hidden text and rows left out, tracked changes read as accepted: see <see cref="Omissions"/>.</summary>
    public IReadOnlyList<ReaderNote> Notes(int sheetIndex)
    {
        CheckSheet(sheetIndex);
        Completed();
        return _notes;
    }

    public void Dispose() => _parts.Dispose();

    private static void CheckSheet(int sheetIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sheetIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sheetIndex, 0);
    }

    private IEnumerable<SheetRow> StreamRows(CancellationToken cancellationToken)
    {
        var names = new TableNames();
        var grid = new DocxGrid(_fileName, _limits, names);
        var omissions = new Omissions();
        using var reader = OpenDocument();
        foreach (var block in new BodyXml(reader, _styles, _fileName, omissions, names).Read(cancellationToken))
        {
            if (grid.Add(block) is { } row)
            {
                yield return row;
            }
        }
        grid.Complete();
        _notes = omissions.Notes(names);
        _complete = grid;
    }

    /// <summary>The layout of the whole document, reading it once more if no pass has reached the end yet.</summary>
    private DocxGrid Completed()
    {
        if (_complete is null)
        {
            foreach (var _ in ReadRows(0))
            {
            }
        }
        return _complete!;
    }

    private XmlReader OpenDocument() =>
        _parts.OpenXml(_documentPart) ?? throw Rejections.Corrupt(_fileName, "thiếu nội dung văn bản", OfficeApp.Word);

    private (string DocumentPart, WordStyles Styles) Load()
    {
        var documentPart = FindDocumentPart();
        using (var reader = _parts.OpenXml(documentPart)!)
        {
            if (!BodyXml.IsDocument(reader))
            {
                throw Rejections.Corrupt(_fileName, "phần nội dung không phải văn bản Word", OfficeApp.Word);
            }
        }

        var stylesPart = FindStylesPart(documentPart);
        if (stylesPart is null)
        {
            return (documentPart, WordStyles.Empty);
        }
        using var styles = _parts.OpenXml(stylesPart)!;
        return (documentPart, WordStyles.Read(styles));
    }

    private string FindDocumentPart() =>
        _parts.MainPart(DefaultDocumentPart) ?? throw Rejections.Corrupt(_fileName, "thiếu word/document.xml", OfficeApp.Word);

    private string? FindStylesPart(string documentPart)
    {
        using (var rels = _parts.OpenXml(Relationships.RelsPartFor(documentPart)))
        {
            if (rels is not null)
            {
                foreach (var (type, part) in Relationships.Read(rels, documentPart).Values)
                {
                    if (type.EndsWith("/styles", StringComparison.Ordinal) && _parts.Exists(part))
                    {
                        return part;
                    }
                }
            }
        }
        return _parts.Exists("word/styles.xml") ? "word/styles.xml" : null;
    }

    private FileRejectedException Map(Exception e) => e switch
    {
        InvalidDataException => Rejections.Corrupt(_fileName, "tệp nén bị cắt cụt hoặc hỏng", OfficeApp.Word),
        XmlException => Rejections.Corrupt(_fileName, "nội dung XML không hợp lệ", OfficeApp.Word),
        NestingTooDeepException => Rejections.Corrupt(_fileName, "các bảng hoặc ô lồng nhau quá sâu", OfficeApp.Word),
        _ => Rejections.Corrupt(_fileName, null, OfficeApp.Word),
    };
}
