using System.IO.Compression;
using System.Text;
using ReportHub.Readers.Common;

namespace ReportHub.Readers;

internal enum SniffedKind
{
    Text,
    /// <summary>A zip that is not recognisably anything else; the .xlsx reader explains what it lacks.</summary>
    Zip,
    WordDocument,
    CompoundFile,
    EncryptedOoxml,
    WordBinary,
    PowerPointBinary,
    OtherCompoundFile,
    OpenDocumentText,
    OpenDocumentSpreadsheet,
    Presentation,
    Pdf,
    Image,
    Rtf,
    KnownBinary,
}

/// <summary>What the content says the file is; <see cref="Label"/> names an image format for the message.</summary>
internal readonly record struct Sniffed(SniffedKind Kind, string? Label = null);

/// <summary>Decides the format from the first bytes of the file and, for a zip, from the names of its entries.</summary>
internal static class FileSniffer
{
    private static ReadOnlySpan<byte> ZipLocalHeader => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundFileHeader => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const string OpenDocumentMime = "application/vnd.oasis.opendocument.";

    // Photos and scans people upload instead of the report. HEIC/AVIF are ISO boxes: "ftyp" at offset 4, then the brand.
    private static readonly (byte[] Magic, string Label)[] ImageMagic =
    [
        ([0x89, 0x50, 0x4E, 0x47], "PNG"),
        ([0xFF, 0xD8, 0xFF], "JPEG"),
        ("GIF8"u8.ToArray(), "GIF"),
        ([0x49, 0x49, 0x2A, 0x00], "TIFF"),
        ([0x4D, 0x4D, 0x00, 0x2A], "TIFF"),
    ];

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif"];

    // Other formats that could slip past the text heuristics.
    private static readonly byte[][] KnownBinaryMagic =
    [
        [0x1F, 0x8B],                   // gzip
        "Rar!"u8.ToArray(),
        [0x37, 0x7A, 0xBC, 0xAF],       // 7z
        "PK\x05\x06"u8.ToArray(),       // an empty zip
        "PK\x07\x08"u8.ToArray(),       // a spanned zip
        [0x7F, 0x45, 0x4C, 0x46],       // ELF
    ];

    public static Sniffed Sniff(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(ZipLocalHeader))
        {
            return new(SniffZip(bytes));
        }
        if (span.StartsWith(CompoundFileHeader))
        {
            return new(SniffCompoundFile(span));
        }
        if (span.StartsWith("%PDF"u8))
        {
            return new(SniffedKind.Pdf);
        }
        if (span.StartsWith("{\\rtf"u8))
        {
            return new(SniffedKind.Rtf);
        }
        if (ImageLabel(span) is { } label)
        {
            return new(SniffedKind.Image, label);
        }
        foreach (var magic in KnownBinaryMagic)
        {
            if (span.StartsWith(magic))
            {
                return new(SniffedKind.KnownBinary);
            }
        }
        return new(SniffedKind.Text);
    }

    private static SniffedKind SniffCompoundFile(ReadOnlySpan<byte> bytes)
    {
        // Directory entry names are UTF-16LE; an encrypted .xlsx or .docx is a compound file holding these two streams.
        if (Contains(bytes, "EncryptionInfo") || Contains(bytes, "EncryptedPackage"))
        {
            return SniffedKind.EncryptedOoxml;
        }
        // A truncated .xls may have lost its directory (it sits at the end), so anything not recognisably another
        // Office document goes to the .xls reader.
        if (Contains(bytes, "WordDocument"))
        {
            return SniffedKind.WordBinary;
        }
        if (Contains(bytes, "PowerPoint Document"))
        {
            return SniffedKind.PowerPointBinary;
        }
        return Contains(bytes, "VisioDocument") ? SniffedKind.OtherCompoundFile : SniffedKind.CompoundFile;
    }

    /// <summary>
    /// Reads only the central directory (and the few bytes of an OpenDocument "mimetype" entry); nothing is inflated
    /// beyond that. A zip whose directory is unreadable (truncated) is judged by the entry names in its local headers.
    /// </summary>
    private static SniffedKind SniffZip(byte[] bytes)
    {
        List<string> names;
        string? mimeType = null;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            names = [.. archive.Entries.Select(e => e.FullName.Replace('\\', '/').TrimStart('/'))];
            if (archive.GetEntry("mimetype") is { Length: < 256 } mime)
            {
                mimeType = ReadSmall(mime);
            }
        }
        catch (Exception e) when (Guard.IsForeign(e))
        {
            return bytes.AsSpan().IndexOf("word/document.xml"u8) >= 0 ? SniffedKind.WordDocument : SniffedKind.Zip;
        }

        bool Has(string name) => names.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        bool Under(string folder) => names.Any(n => n.StartsWith(folder, StringComparison.OrdinalIgnoreCase));

        if (Has("xl/workbook.xml"))
        {
            return SniffedKind.Zip;
        }
        if (Has("word/document.xml"))
        {
            return SniffedKind.WordDocument;
        }
        if (mimeType is not null && mimeType.StartsWith(OpenDocumentMime, StringComparison.Ordinal))
        {
            var subtype = mimeType[OpenDocumentMime.Length..];
            return subtype switch
            {
                "text" or "text-master" or "text-template" => SniffedKind.OpenDocumentText,
                "spreadsheet" or "spreadsheet-template" => SniffedKind.OpenDocumentSpreadsheet,
                "presentation" or "presentation-template" => SniffedKind.Presentation,
                _ => SniffedKind.Zip,
            };
        }
        if (Has("ppt/presentation.xml"))
        {
            return SniffedKind.Presentation;
        }
        // A Word package whose main part has an unusual name: the Word reader follows _rels/.rels to it.
        return Under("word/") && !Under("xl/") ? SniffedKind.WordDocument : SniffedKind.Zip;
    }

    private static string? ReadSmall(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        Span<byte> buffer = stackalloc byte[256];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer[..read]).Trim();
    }

    private static string? ImageLabel(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, label) in ImageMagic)
        {
            if (bytes.StartsWith(magic))
            {
                return label;
            }
        }
        // "BM" alone could start a CSV line; a bitmap's reserved bytes 6..9 are zero, which text never is.
        if (bytes.Length >= 14 && bytes.StartsWith("BM"u8) && bytes[6..10].IndexOfAnyExcept((byte)0) < 0)
        {
            return "BMP";
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "WEBP";
        }
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(bytes[8..12]);
            if (HeifBrands.Contains(brand))
            {
                return brand == "avif" ? "AVIF" : "HEIC";
            }
        }
        return null;
    }

    private static bool Contains(ReadOnlySpan<byte> bytes, string name) =>
        bytes.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;
}
