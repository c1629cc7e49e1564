using System.Xml;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Xlsx;

/// <summary>The shared string table. Held in memory because cells refer to it by index in any order.</summary>
internal sealed class SharedStrings
{
    private readonly List<(string Text, string? RunFont)> _items;

    private SharedStrings(List<(string, string?)> items) => _items = items;

    public static SharedStrings Empty { get; } = new([]);

    public int Count => _items.Count;

    public bool TryGet(int index, out string text, out string? runFont)
    {
        if ((uint)index < (uint)_items.Count)
        {
            (text, runFont) = _items[index];
            return true;
        }
        text = "";
        runFont = null;
        return false;
    }

    /// <remarks>
    /// The table is bounded in objects as well as characters: no sheet may hold more than
    /// <see cref="ReaderLimits.MaxCellsPerSheet"/> cells, so no real workbook needs more strings than that.
    /// </remarks>
    /// <summary>The same table read by the byte scanner; null when the part needs XmlReader after all.</summary>
    public static SharedStrings? TryScan(Stream stream, string fileName, ReaderLimits limits)
    {
        using var scanner = Utf8XmlScanner.Open(stream);
        if (scanner is null)
        {
            return null;
        }
        using var text = new CharBuffer();
        var items = new List<(string, string?)>();
        long characters = 0;
        string? lastFont = null;
        try
        {
            while (scanner.Read())
            {
                if (!scanner.IsElement("si"u8))
                {
                    continue;
                }
                if (items.Count >= limits.MaxCellsPerSheet)
                {
                    throw Rejections.ZipBomb(fileName);
                }
                var (value, font) = XmlNav.ReadRichText(scanner, text, limits.MaxCellCharacters,
                    () => Rejections.SharedTextTooLong(fileName, limits.MaxCellCharacters));
                characters += value.Length;
                if (characters > limits.MaxSharedStringCharacters)
                {
                    throw Rejections.ZipBomb(fileName);
                }
                // Run fonts are a handful of names repeated over thousands of strings: keep one object per run of them.
                if (font is not null && font == lastFont)
                {
                    font = lastFont;
                }
                lastFont = font ?? lastFont;
                items.Add((value.Length == 0 ? "" : CellText.Nfc(value), font));
            }
        }
        catch (XmlScanFallbackException)
        {
            return null;
        }
        return new SharedStrings(items);
    }

    public static SharedStrings Read(XmlReader reader, string fileName, ReaderLimits limits)
    {
        // uniqueCount is not trusted for preallocation: it is whatever the file claims.
        var items = new List<(string, string?)>();
        long characters = 0;
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (items.Count >= limits.MaxCellsPerSheet)
                {
                    throw Rejections.ZipBomb(fileName);
                }
                var (text, font) = XmlNav.ReadRichText(reader, limits.MaxCellCharacters,
                    () => Rejections.SharedTextTooLong(fileName, limits.MaxCellCharacters));
                characters += text.Length;
                if (characters > limits.MaxSharedStringCharacters)
                {
                    throw Rejections.ZipBomb(fileName);
                }
                // One string object for every empty entry: a table of millions of <si/> costs no more than its list.
                items.Add((text.Length == 0 ? "" : CellText.Nfc(text), font));
                continue;
            }
            reader.Read();
        }
        return new SharedStrings(items);
    }
}
