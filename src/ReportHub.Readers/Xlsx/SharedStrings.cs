using System.Xml;

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

    public static SharedStrings Read(XmlReader reader)
    {
        // uniqueCount is not trusted for preallocation: it is whatever the file claims.
        var items = new List<(string, string?)>();
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var (text, font) = XmlNav.ReadRichText(reader);
                items.Add((CellText.Nfc(text), font));
                continue;
            }
            reader.Read();
        }
        return new SharedStrings(items);
    }
}
