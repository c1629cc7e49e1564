using System.Xml;

namespace ReportHub.Readers.Xlsx;

/// <summary>Small helpers for walking SpreadsheetML; names are matched by local name so strict and transitional namespaces both work.</summary>
internal static class XmlNav
{
    /// <summary>Reads the text of a rich-text container (&lt;si&gt; or &lt;is&gt;): runs concatenated, phonetic runs left out.</summary>
    public static (string Text, string? FirstRunFont) ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return ("", null);
        }

        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        string? firstRunFont = null;
        var runs = 0;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "rPh" or "phoneticPr":
                        reader.Skip();
                        continue;
                    case "t":
                        text.Append(reader.ReadElementContentAsString());
                        continue;
                    case "r":
                        runs++;
                        break;
                    case "rFont" when runs == 1:
                        firstRunFont = reader.GetAttribute("val");
                        break;
                }
            }
            reader.Read();
        }
        reader.Read(); // past the closing tag
        return (text.ToString(), firstRunFont);
    }

    /// <summary>Moves to the next start element with the given local name anywhere below; false at end of document.</summary>
    public static bool ReadToElement(XmlReader reader, string localName)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == localName)
            {
                return true;
            }
        }
        return false;
    }

    public static int? IntAttribute(XmlReader reader, string name) =>
        int.TryParse(reader.GetAttribute(name), System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
