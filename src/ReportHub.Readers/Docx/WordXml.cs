using System.Globalization;
using System.Xml;

namespace ReportHub.Readers.Docx;

/// <summary>
/// Walking WordprocessingML with a forward-only reader. Names are matched by local name, so the transitional and
/// strict namespaces both work.
/// </summary>
internal static class WordXml
{
    /// <summary>
    /// Real letters nest a few levels (a table in a cell in a content control); the walker recurses per level, so a
    /// hostile file nesting thousands deep is refused before it can exhaust the stack.
    /// </summary>
    public const int MaxDepth = 160;

    /// <summary>
    /// Yields the local name of each child element with the reader on its start tag. The caller must move the reader
    /// past that child (Skip, or read it through) before asking for the next one. Leaves the reader after the parent.
    /// </summary>
    public static IEnumerable<string> Children(XmlReader reader)
    {
        if (reader.Depth > MaxDepth)
        {
            throw new NestingTooDeepException();
        }
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                yield return reader.LocalName;
                continue;
            }
            reader.Read();
        }
        reader.Read();
    }

    /// <summary>An attribute by local name in any namespace (w:val, val).</summary>
    public static string? Attribute(XmlReader reader, string localName)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return null;
        }
        try
        {
            do
            {
                if (reader.LocalName == localName)
                {
                    return reader.Value;
                }
            }
            while (reader.MoveToNextAttribute());
            return null;
        }
        finally
        {
            reader.MoveToElement();
        }
    }

    public static int? IntAttribute(XmlReader reader, string localName) =>
        int.TryParse(Attribute(reader, localName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Reads w:val of the current (empty) element and moves past it.</summary>
    public static string? ValueAndSkip(XmlReader reader)
    {
        var value = Attribute(reader, "val");
        reader.Skip();
        return value;
    }
}

/// <summary>Raised when elements nest deeper than <see cref="WordXml.MaxDepth"/>; mapped to a corrupt-file rejection.</summary>
internal sealed class NestingTooDeepException : Exception
{
    public NestingTooDeepException()
        : base("Elements nest too deeply.")
    {
    }

    public NestingTooDeepException(string message)
        : base(message)
    {
    }

    public NestingTooDeepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
