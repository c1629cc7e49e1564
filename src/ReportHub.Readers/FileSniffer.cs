using System.Text;

namespace ReportHub.Readers;

internal enum SniffedKind
{
    Text,
    Zip,
    CompoundFile,
    EncryptedOoxml,
    OtherCompoundFile,
    KnownBinary,
}

/// <summary>Decides the format from the first bytes of the file.</summary>
internal static class FileSniffer
{
    private static ReadOnlySpan<byte> ZipLocalHeader => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundFileHeader => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Magic numbers of formats people upload by mistake (scans, PDFs, archives) that could slip past the text heuristics.
    private static readonly byte[][] KnownBinaryMagic =
    [
        "%PDF"u8.ToArray(),
        [0x89, 0x50, 0x4E, 0x47],       // PNG
        [0xFF, 0xD8, 0xFF],             // JPEG
        "GIF8"u8.ToArray(),
        [0x1F, 0x8B],                   // gzip
        "Rar!"u8.ToArray(),
        [0x37, 0x7A, 0xBC, 0xAF],       // 7z
        "PK\x05\x06"u8.ToArray(),       // an empty zip
        "PK\x07\x08"u8.ToArray(),       // a spanned zip
        [0x7F, 0x45, 0x4C, 0x46],       // ELF
        "{\\rtf"u8.ToArray(),
    ];

    public static SniffedKind Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(ZipLocalHeader))
        {
            return SniffedKind.Zip;
        }
        if (bytes.StartsWith(CompoundFileHeader))
        {
            // Directory entry names are UTF-16LE; an encrypted .xlsx is a compound file holding these two streams.
            if (Contains(bytes, "EncryptionInfo") || Contains(bytes, "EncryptedPackage"))
            {
                return SniffedKind.EncryptedOoxml;
            }
            // Word and PowerPoint files share the container. A truncated .xls may have lost its directory
            // (it sits at the end), so anything not recognisably another Office document goes to the .xls reader.
            return Contains(bytes, "WordDocument") || Contains(bytes, "PowerPoint Document") || Contains(bytes, "VisioDocument")
                ? SniffedKind.OtherCompoundFile
                : SniffedKind.CompoundFile;
        }
        foreach (var magic in KnownBinaryMagic)
        {
            if (bytes.StartsWith(magic))
            {
                return SniffedKind.KnownBinary;
            }
        }
        return SniffedKind.Text;
    }

    private static bool Contains(ReadOnlySpan<byte> bytes, string name) =>
        bytes.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;
}
