using ReportHub.Core.Grid;
using ReportHub.Readers.Common;
using ReportHub.Readers.Csv;
using ReportHub.Readers.Docx;
using ReportHub.Readers.Xls;
using ReportHub.Readers.Xlsx;

namespace ReportHub.Readers;

public static class WorkbookReaders
{
    /// <summary>
    /// Opens a spreadsheet, or a Word letter as a one-sheet grid, by sniffing its content, never its extension: submitters rename files freely
    /// (.xls that are really .xlsx, .csv saved as .xls). <paramref name="fileName"/> only feeds messages.
    /// </summary>
    /// <exception cref="ReportHub.Core.Issues.FileRejectedException">The file cannot be read; the code says why.</exception>
    public static IWorkbookReader Open(Stream stream, string fileName, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ReaderLimits.Default;
        var name = string.IsNullOrWhiteSpace(fileName) ? "(không tên)" : Path.GetFileName(fileName);

        var bytes = Guard.Run(() => ReadBounded(stream, name, limits.MaxFileBytes), e => Rejections.Corrupt(name));
        if (bytes.Length == 0)
        {
            throw Rejections.Empty(name);
        }

        var sniffed = FileSniffer.Sniff(bytes);
        return sniffed.Kind switch
        {
            SniffedKind.Zip => new XlsxWorkbookReader(bytes, name, limits),
            SniffedKind.WordDocument => new DocxWorkbookReader(bytes, name, limits),
            SniffedKind.EncryptedOoxml => throw Rejections.Encrypted(name),
            SniffedKind.CompoundFile => new XlsWorkbookReader(bytes, name, limits),
            SniffedKind.WordBinary => throw Rejections.WordBinary(name),
            SniffedKind.PowerPointBinary => throw Rejections.Presentation(name, "bản trình chiếu PowerPoint 97–2003 (.ppt)"),
            SniffedKind.Presentation => throw Rejections.Presentation(name, "bản trình chiếu (.pptx, .odp)"),
            SniffedKind.OpenDocumentText => throw Rejections.OpenDocumentText(name),
            SniffedKind.OpenDocumentSpreadsheet => throw Rejections.OpenDocumentSpreadsheet(name),
            SniffedKind.Pdf => throw Rejections.Pdf(name),
            SniffedKind.Image => throw Rejections.Image(name, sniffed.Label ?? "ảnh"),
            SniffedKind.Rtf => throw Rejections.Rtf(name),
            SniffedKind.OtherCompoundFile or SniffedKind.KnownBinary => throw Rejections.NotSpreadsheet(name),
            _ => new CsvWorkbookReader(bytes, name, limits),
        };
    }

    // The whole file is buffered: ZipArchive and ExcelDataReader need seeking, and MaxFileBytes keeps it small.
    private static byte[] ReadBounded(Stream stream, string name, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw Rejections.TooLarge(name, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw Rejections.TooLarge(name, maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
