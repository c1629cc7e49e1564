using System.Xml;

namespace ReportHub.Readers.Xlsx;

/// <summary>Small helpers for walking SpreadsheetML; names are matched by local name so strict and transitional namespaces both work.</summary>
internal static class XmlNav
{
    /// <summary>Reads the text of a rich-text container (&lt;si&gt; or &lt;is&gt;): runs concatenated, phonetic runs left out.</summary>
    /// <remarks>
    /// Throws what <paramref name="tooLong"/> makes once the text passes <paramref name="maxCharacters"/>: runs are
    /// small one by one, but a hostile string can have millions of them.
    /// </remarks>
    public static (string Text, string? FirstRunFont) ReadRichText(XmlReader reader, int maxCharacters, Func<Exception> tooLong)
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
                        if (text.Length > maxCharacters)
                        {
                            throw tooLong();
                        }
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
        return (Unescape(text.ToString()), firstRunFont);
    }

    /// <summary>The same walk as <see cref="ReadRichText(XmlReader, int, Func{Exception})"/> on the byte scanner.</summary>
    /// <param name="text">Scratch for the joined runs, cleared here.</param>
    public static (string Text, string? FirstRunFont) ReadRichText(Utf8XmlScanner scanner, CharBuffer text, int maxCharacters, Func<Exception> tooLong)
    {
        if (scanner.IsEmptyElement)
        {
            return ("", null);
        }

        var depth = scanner.Depth;
        text.Clear();
        string? firstRunFont = null;
        var runs = 0;
        while (scanner.Read() && !(scanner.Node == ScanNode.EndElement && scanner.Depth == depth))
        {
            if (scanner.Node != ScanNode.Element)
            {
                continue;
            }
            var name = scanner.LocalName;
            if (name.SequenceEqual("t"u8))
            {
                ReadContent(scanner, text);
                if (text.Length > maxCharacters)
                {
                    throw tooLong();
                }
            }
            else if (name.SequenceEqual("r"u8))
            {
                runs++;
            }
            else if (name.SequenceEqual("rFont"u8) && runs == 1)
            {
                firstRunFont = scanner.AttributeString("val"u8);
            }
            else if (name.SequenceEqual("rPh"u8) || name.SequenceEqual("phoneticPr"u8))
            {
                scanner.Skip();
            }
        }
        return (Unescape(text.ToString()), firstRunFont);
    }

    /// <summary>
    /// Appends the text of the element the scanner is on and leaves it on the end tag, like ReadElementContentAsString;
    /// an element inside it is what XmlReader refuses, so the part goes to XmlReader to say so.
    /// </summary>
    public static void ReadContent(Utf8XmlScanner scanner, CharBuffer into)
    {
        if (scanner.IsEmptyElement)
        {
            return;
        }
        while (scanner.Read())
        {
            switch (scanner.Node)
            {
                case ScanNode.Text:
                    scanner.AppendText(into);
                    break;
                case ScanNode.EndElement:
                    return;
                default:
                    throw new XmlScanFallbackException("an element inside a text-only element");
            }
        }
    }

    /// <summary>
    /// Decodes the _xHHHH_ escapes of ST_Xstring, which is how Excel writes characters XML cannot carry (a carriage
    /// return as _x000D_, even NUL as _x0000_); _x005F_ stands for a literal underscore. The grid later drops the
    /// control characters among them.
    /// </summary>
    public static string Unescape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, at);
        var i = at;
        while (i < text.Length)
        {
            if (i + 7 <= text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier,
                    System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 7;
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
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
