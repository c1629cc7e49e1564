using System.IO.Compression;
using System.Xml;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

/// <summary>
/// The zip package with every part opened through size and ratio checks and a hardened XmlReader.
/// </summary>
internal sealed class PackageParts : IDisposable
{
    private const long RatioFloorBytes = 1024 * 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersFromEntities = 1024,
    };

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly string _fileName;
    private readonly ReaderLimits _limits;
    private readonly OfficeApp _app;
    private readonly object _gate = new();

    // Largest count seen per part: re-reading a sheet should not eat the budget twice.
    private readonly Dictionary<string, long> _inflatedByPart = new(StringComparer.Ordinal);
    private long _inflatedTotal;

    public PackageParts(byte[] bytes, string fileName, ReaderLimits limits, OfficeApp app = OfficeApp.Excel)
    {
        _fileName = fileName;
        _limits = limits;
        _app = app;
        _archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _archive.Entries)
        {
            // ZipCrypto (general-purpose flag bit 0): inflating would only yield noise, read as a damaged file.
            if (entry.IsEncrypted)
            {
                throw Rejections.Encrypted(fileName);
            }
            CheckDeclaredSize(entry);
            // Two entries with one name: Excel and we could each pick a different one, so what we check would not
            // be what the sender sees. Part names are case-insensitive in OPC.
            if (!_entries.TryAdd(Normalize(entry.FullName), entry))
            {
                throw Rejections.DuplicatePart(fileName, Normalize(entry.FullName));
            }
        }
    }

    public IEnumerable<string> Names => _entries.Keys;

    public bool Exists(string partName) => _entries.ContainsKey(Normalize(partName));

    /// <summary>
    /// The package's main XML part (the workbook of a .xlsx, the document of a .docx) as its root relationships name
    /// it, or <paramref name="fallback"/> when they name none that exists; null when neither is there.
    /// </summary>
    public string? MainPart(string fallback)
    {
        if (OpenXml("_rels/.rels") is { } rootRels)
        {
            using (rootRels)
            {
                foreach (var (type, part) in Relationships.Read(rootRels, "").Values)
                {
                    if (type.EndsWith(Relationships.OfficeDocumentType, StringComparison.Ordinal) && Exists(part)
                        && part.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                    {
                        return part;
                    }
                }
            }
        }
        return Exists(fallback) ? fallback : null;
    }

    /// <summary>An XmlReader over the part, or null if the package has no such part.</summary>
    public XmlReader? OpenXml(string partName) =>
        OpenStream(partName) is { } stream ? XmlReader.Create(stream, XmlSettings) : null;

    /// <summary>
    /// The part's inflated bytes behind the same size, ratio and DOCTYPE guards every XML reader here reads through,
    /// or null if the package has no such part.
    /// </summary>
    public Stream? OpenStream(string partName)
    {
        if (!_entries.TryGetValue(Normalize(partName), out var entry))
        {
            return null;
        }
        CheckDeclaredSize(entry);
        lock (_gate)
        {
            _inflatedByPart.TryGetValue(entry.FullName, out var already);
            if (_inflatedTotal - already + entry.Length > _limits.MaxDecompressedBytes)
            {
                throw Rejections.ZipBomb(_fileName, _app);
            }
        }
        return new XmlGuardStream(OpenCounted(entry), _limits.MaxXmlRunBytes,
            () => Rejections.ZipBomb(_fileName, _app), () => Rejections.UnsafeXml(_fileName, _app));
    }

    private CountingStream OpenCounted(ZipArchiveEntry entry)
    {
        var key = entry.FullName;
        var compressed = Math.Max(1, entry.CompressedLength);
        return new CountingStream(entry.Open(), read => OnInflated(key, compressed, read));
    }

    public static string Normalize(string partName) => partName.Replace('\\', '/').TrimStart('/');

    private void CheckDeclaredSize(ZipArchiveEntry entry)
    {
        if (entry.Length > _limits.MaxDecompressedBytes || IsRatioTooHigh(entry.Length, entry.CompressedLength))
        {
            throw Rejections.ZipBomb(_fileName, _app);
        }
    }

    private bool IsRatioTooHigh(long inflated, long compressed) =>
        inflated > RatioFloorBytes && inflated > _limits.MaxCompressionRatio * Math.Max(1, compressed);

    private void OnInflated(string part, long compressed, long readSoFar)
    {
        if (IsRatioTooHigh(readSoFar, compressed))
        {
            throw Rejections.ZipBomb(_fileName, _app);
        }
        lock (_gate)
        {
            _inflatedByPart.TryGetValue(part, out var previous);
            if (readSoFar > previous)
            {
                _inflatedTotal += readSoFar - previous;
                _inflatedByPart[part] = readSoFar;
            }
            if (_inflatedTotal > _limits.MaxDecompressedBytes)
            {
                throw Rejections.ZipBomb(_fileName, _app);
            }
        }
    }

    public void Dispose() => _archive.Dispose();
}
