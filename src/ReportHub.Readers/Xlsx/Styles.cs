using System.Xml;

namespace ReportHub.Readers.Xlsx;

/// <summary>The two facts we need per cell style: does it show a date, and which font does it use.</summary>
internal sealed class Styles
{
    private readonly List<(bool IsDate, string? Font)> _cellFormats;

    private Styles(List<(bool, string?)> cellFormats) => _cellFormats = cellFormats;

    public static Styles Empty { get; } = new([]);

    public bool IsDate(int styleIndex) => (uint)styleIndex < (uint)_cellFormats.Count && _cellFormats[styleIndex].IsDate;

    public string? Font(int styleIndex) => (uint)styleIndex < (uint)_cellFormats.Count ? _cellFormats[styleIndex].Font : null;

    public static Styles Read(XmlReader reader)
    {
        var customFormats = new Dictionary<int, string>();
        var fonts = new List<string?>();
        var cellXfs = new List<(int NumFmtId, int FontId)>();

        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "numFmt":
                    if (XmlNav.IntAttribute(reader, "numFmtId") is { } id)
                    {
                        customFormats[id] = reader.GetAttribute("formatCode") ?? "";
                    }
                    break;
                case "fonts":
                    ReadFonts(reader, fonts);
                    break;
                case "cellXfs":
                    ReadCellXfs(reader, cellXfs);
                    break;
            }
        }

        var resolved = new List<(bool, string?)>(cellXfs.Count);
        foreach (var (numFmtId, fontId) in cellXfs)
        {
            var isDate = customFormats.TryGetValue(numFmtId, out var code)
                ? DateFormats.IsDateCode(code)
                : DateFormats.IsBuiltInDate(numFmtId);
            resolved.Add((isDate, (uint)fontId < (uint)fonts.Count ? fonts[fontId] : null));
        }
        return new Styles(resolved);
    }

    private static void ReadFonts(XmlReader reader, List<string?> fonts)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "font" && reader.Depth == depth + 1)
            {
                fonts.Add(null);
            }
            else if (reader.LocalName == "name" && fonts.Count > 0)
            {
                fonts[^1] = reader.GetAttribute("val");
            }
        }
    }

    private static void ReadCellXfs(XmlReader reader, List<(int, int)> cellXfs)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf" && reader.Depth == depth + 1)
            {
                cellXfs.Add((XmlNav.IntAttribute(reader, "numFmtId") ?? 0, XmlNav.IntAttribute(reader, "fontId") ?? 0));
            }
        }
    }
}
