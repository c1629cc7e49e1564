using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ReportHub.Readers.Xlsx;

internal enum ScanNode
{
    None,
    Element,
    EndElement,
    Text,
    EndOfDocument,
}

/// <summary>
/// A pull scanner over UTF-8 XML bytes for the shapes SpreadsheetML parts take, reporting nodes the way XmlReader does
/// (elements matched by local name, depth from 0 at the root, no end node for a self-closing element) without a
/// string per name, attribute or text. It reads the stream incrementally through one pooled buffer that only grows
/// for a single oversized token.
/// </summary>
/// <remarks>
/// It is strict where XmlReader is strict: every byte is checked as UTF-8 and as an XML character, tags must nest,
/// prefixes must be declared, references must name a valid character. Whatever it cannot prove well-formed and
/// understood (comments, CDATA, processing instructions, non-ASCII names, encodings other than UTF-8, ...) throws
/// <see cref="XmlScanFallbackException"/> so the caller re-reads the part with XmlReader; it never guesses.
/// </remarks>
internal sealed class Utf8XmlScanner : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;
    private const int MaxTokenBytes = 4 * 1024 * 1024;
    private const int StackChars = 64;

    // Bytes that need no check at all: printable ASCII plus tab, LF and CR.
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x60).Select(b => (byte)b), (byte)'\t', (byte)'\n', (byte)'\r']);

    // Control characters XML 1.0 does not allow, raw or otherwise.
    private static readonly SearchValues<byte> ForbiddenControls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("&\r"u8);
    private static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&\r\n\t"u8);
    private static readonly SearchValues<byte> DoubleQuoteEnd = SearchValues.Create("\"<"u8);
    private static readonly SearchValues<byte> SingleQuoteEnd = SearchValues.Create("'<"u8);

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start; // first byte of the current token
    private int _next; // first byte after it
    private int _end; // bytes read so far end here
    private int _checked; // bytes before this are known valid UTF-8 XML characters
    private bool _streamDone;

    // Names of the open elements, for matching end tags.
    private byte[] _names = new byte[256];
    private int _namesLength;
    private int[] _nameEnds = new int[16];
    private int _open;
    private bool _rootSeen;
    private bool _rootClosed;

    // Prefixes declared by open (or just closed) elements, innermost last.
    private byte[] _prefixes = new byte[256];
    private int _prefixesLength;
    private Declaration[] _declarations = new Declaration[8];
    private int _declarationCount;

    private int _nameStart;
    private int _nameLength;
    private int _localStart;
    private int _textLength;
    private bool _textNeedsDecoding;
    private Attribute[] _attributes = new Attribute[8];
    private int _attributeCount;
    private readonly CharBuffer _scratch = new();

    private Utf8XmlScanner(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    }

    public ScanNode Node { get; private set; }

    /// <summary>As XmlReader counts it: 0 for the root element and its end tag, 1 for what is directly inside it.</summary>
    public int Depth { get; private set; }

    public bool IsEmptyElement { get; private set; }

    public ReadOnlySpan<byte> LocalName => _buffer.AsSpan(_localStart, _nameStart + _nameLength - _localStart);

    /// <summary>
    /// A scanner positioned before the root element, or null when the prolog is anything but an optional UTF-8 BOM, an
    /// optional plain XML declaration (version 1.0, UTF-8) and whitespace: such a part goes to XmlReader whole.
    /// </summary>
    public static Utf8XmlScanner? Open(Stream stream)
    {
        var scanner = new Utf8XmlScanner(stream);
        try
        {
            if (scanner.SkipProlog())
            {
                return scanner;
            }
        }
        catch (XmlScanFallbackException)
        {
        }
        catch
        {
            scanner.Dispose();
            throw;
        }
        scanner.Dispose();
        return null;
    }

    public bool IsElement(ReadOnlySpan<byte> localName) => Node == ScanNode.Element && LocalName.SequenceEqual(localName);

    /// <summary>Moves to the next node; false once the document has ended.</summary>
    public bool Read()
    {
        _start = _next;
        if (!Ensure(1))
        {
            if (_open > 0 || !_rootSeen)
            {
                throw Fallback("the part ends inside an element");
            }
            Node = ScanNode.EndOfDocument;
            return false;
        }
        if (_buffer[_start] == (byte)'<')
        {
            ReadMarkup();
        }
        else
        {
            ReadText();
        }
        return true;
    }

    /// <summary>Moves past the current element's content, so the next Read returns what follows its end tag.</summary>
    public void Skip()
    {
        if (Node != ScanNode.Element || IsEmptyElement)
        {
            return;
        }
        var depth = Depth;
        while (Read())
        {
            if (Node == ScanNode.EndElement && Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Index of the attribute of the current element with exactly this qualified name, or -1.</summary>
    public int FindAttribute(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (_buffer.AsSpan(a.NameStart, a.NameLength).SequenceEqual(name))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The attribute's value as XmlReader would give it (references decoded, line breaks and tabs as spaces), in
    /// <paramref name="stack"/> when it fits and needs no decoding, otherwise in a scratch buffer the next call reuses.
    /// </summary>
    public ReadOnlySpan<char> AttributeValue(int index, Span<char> stack)
    {
        ref readonly var a = ref _attributes[index];
        var raw = _buffer.AsSpan(a.ValueStart, a.ValueLength);
        if (!a.NeedsDecoding && raw.Length <= stack.Length)
        {
            return stack[..Encoding.UTF8.GetChars(raw, stack)];
        }
        _scratch.Clear();
        Decode(raw, attribute: true, _scratch);
        return _scratch.Span;
    }

    public string? AttributeString(ReadOnlySpan<byte> name)
    {
        var index = FindAttribute(name);
        return index < 0 ? null : new string(AttributeValue(index, stackalloc char[StackChars]));
    }

    public int? IntAttribute(ReadOnlySpan<byte> name)
    {
        var index = FindAttribute(name);
        return index >= 0 && int.TryParse(AttributeValue(index, stackalloc char[StackChars]),
            System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Appends the current text node as XmlReader reads it: references decoded, CR LF and lone CR as LF.</summary>
    public void AppendText(CharBuffer into)
    {
        var raw = _buffer.AsSpan(_start, _textLength);
        if (_textNeedsDecoding)
        {
            Decode(raw, attribute: false, into);
        }
        else
        {
            into.AppendUtf8(raw);
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _scratch.Dispose();
        _stream.Dispose();
    }

    private static XmlScanFallbackException Fallback(string reason) => new(reason);

    private bool SkipProlog()
    {
        _start = 0;
        if (!Ensure(3))
        {
            return false;
        }
        if (_buffer.AsSpan(0, 3).SequenceEqual("\xEF\xBB\xBF"u8))
        {
            _start = 3;
        }
        if (!Ensure(6))
        {
            return false;
        }
        if (_buffer.AsSpan(_start, 5).SequenceEqual("<?xml"u8) && IsSpace(_buffer[_start + 5]))
        {
            if (!SkipDeclaration())
            {
                return false;
            }
        }
        while (Ensure(1) && IsSpace(_buffer[_start]))
        {
            _start++;
        }
        // The root element must come next: comments, processing instructions or a DOCTYPE before it go to XmlReader.
        if (!Ensure(2) || _buffer[_start] != (byte)'<' || !IsNameStart(_buffer[_start + 1]))
        {
            return false;
        }
        _next = _start;
        return true;
    }

    /// <summary>Accepts only version 1.0, an optional UTF-8 encoding and an optional standalone yes/no, in that order.</summary>
    private bool SkipDeclaration()
    {
        var end = -1;
        while (end < 0)
        {
            end = _buffer.AsSpan(_start, _end - _start).IndexOf("?>"u8);
            if (end < 0 && (_end - _start > 1024 || !Fill()))
            {
                return false;
            }
        }
        ReadOnlySpan<byte> declaration = _buffer.AsSpan(_start + 5, end - 5);
        if (!TryPseudoAttribute(ref declaration, "version"u8, out var version) || !version.SequenceEqual("1.0"u8))
        {
            return false;
        }
        if (TryPseudoAttribute(ref declaration, "encoding"u8, out var encoding) && !Ascii.EqualsIgnoreCase(encoding, "utf-8"u8))
        {
            return false;
        }
        if (TryPseudoAttribute(ref declaration, "standalone"u8, out var standalone)
            && !standalone.SequenceEqual("yes"u8) && !standalone.SequenceEqual("no"u8))
        {
            return false;
        }
        if (declaration.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            return false;
        }
        _start += end + 2;
        return true;
    }

    /// <summary>Whitespace, then name = "value" (or 'value'); leaves <paramref name="rest"/> alone when the name is another.</summary>
    private static bool TryPseudoAttribute(ref ReadOnlySpan<byte> rest, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        var s = rest.TrimStart(" \t\r\n"u8);
        if (s.Length == rest.Length || !s.StartsWith(name))
        {
            return false;
        }
        s = s[name.Length..].TrimStart(" \t\r\n"u8);
        if (s.IsEmpty || s[0] != (byte)'=')
        {
            return false;
        }
        s = s[1..].TrimStart(" \t\r\n"u8);
        if (s.IsEmpty || s[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }
        var close = s[1..].IndexOf(s[0]);
        if (close < 0)
        {
            return false;
        }
        value = s.Slice(1, close);
        rest = s[(close + 2)..];
        return true;
    }

    private bool Ensure(int count)
    {
        while (_end - _start < count)
        {
            if (!Fill())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reads more bytes after the current token, moving it to the front or growing the buffer; false at the end.</summary>
    private bool Fill()
    {
        if (_streamDone)
        {
            return false;
        }
        if (_start > 0)
        {
            var keep = _end - _start;
            _buffer.AsSpan(_start, keep).CopyTo(_buffer);
            _checked -= _start;
            _next -= _start;
            _end = keep;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxTokenBytes)
            {
                throw Fallback("a single token is larger than the scan buffer");
            }
            var grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _streamDone = true;
            Check(final: true);
            return false;
        }
        _end += read;
        Check(final: false);
        return true;
    }

    /// <summary>Checks the bytes read since the last call: valid UTF-8, no character XML forbids.</summary>
    private void Check(bool final)
    {
        var span = _buffer.AsSpan(_checked, _end - _checked);
        var complete = final ? span.Length : CompleteLength(span);
        var bytes = span[..complete];
        var first = bytes.IndexOfAnyExcept(PlainAscii);
        if (first >= 0)
        {
            bytes = bytes[first..];
            if (bytes.ContainsAny(ForbiddenControls) || !Utf8.IsValid(bytes) || HasNonCharacter(bytes))
            {
                throw Fallback("bytes that are not valid UTF-8 XML characters");
            }
        }
        _checked += complete;
    }

    /// <summary>Length of the span without a multi-byte sequence the next read will complete.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> span)
    {
        var n = span.Length;
        for (var k = 1; k <= Math.Min(3, n); k++)
        {
            var b = span[n - k];
            if (b < 0x80)
            {
                return n;
            }
            if (b >= 0xC0)
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return k >= length ? n : n - k;
            }
        }
        return n;
    }

    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
    private static bool HasNonCharacter(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf((byte)0xEF);
        while (at >= 0 && at + 2 < bytes.Length)
        {
            if (bytes[at + 1] == 0xBF && bytes[at + 2] is 0xBE or 0xBF)
            {
                return true;
            }
            var next = bytes[(at + 1)..].IndexOf((byte)0xEF);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private void ReadText()
    {
        var searched = 0;
        int length;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'<');
            if (found >= 0)
            {
                length = searched + found;
                break;
            }
            searched = _end - _start;
            if (!Fill())
            {
                // Text runs to the end of the part: only whitespace after the root is allowed there.
                length = _end - _start;
                break;
            }
        }
        var raw = _buffer.AsSpan(_start, length);
        if (_open == 0)
        {
            if (raw.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                throw Fallback("text outside the root element");
            }
        }
        else if (raw.IndexOf("]]>"u8) >= 0)
        {
            throw Fallback("]]> in text");
        }
        _textLength = length;
        _textNeedsDecoding = raw.ContainsAny(TextSpecials);
        if (_textNeedsDecoding && raw.Contains((byte)'&'))
        {
            Decode(raw, attribute: false, into: null);
        }
        _next = _start + length;
        Node = ScanNode.Text;
        Depth = _open;
        IsEmptyElement = false;
    }

    private void ReadMarkup()
    {
        if (!Ensure(2))
        {
            throw Fallback("the part ends inside a tag");
        }
        switch (_buffer[_start + 1])
        {
            case (byte)'/':
                while (!TryReadEndTag())
                {
                    if (!Fill())
                    {
                        throw Fallback("the part ends inside a tag");
                    }
                }
                break;
            case (byte)'!' or (byte)'?':
                throw Fallback("comment, CDATA, DOCTYPE or processing instruction");
            default:
                while (!TryReadStartTag())
                {
                    if (!Fill())
                    {
                        throw Fallback("the part ends inside a tag");
                    }
                }
                break;
        }
    }

    /// <summary>Moves past white space; false when the buffer ends first and the tag must wait for more bytes.</summary>
    private bool SkipSpaces(ref int p)
    {
        while (p < _end && IsSpace(_buffer[p]))
        {
            p++;
        }
        return p < _end;
    }

    private bool TryReadEndTag()
    {
        var p = _start + 2;
        var nameStart = p;
        if (!TryReadName(ref p, out var colon))
        {
            return false;
        }
        var nameLength = p - nameStart;
        if (!SkipSpaces(ref p))
        {
            return false;
        }
        if (_buffer[p] != (byte)'>' || _open == 0)
        {
            throw Fallback("malformed end tag");
        }
        var openStart = _open == 1 ? 0 : _nameEnds[_open - 2];
        if (!_buffer.AsSpan(nameStart, nameLength).SequenceEqual(_names.AsSpan(openStart, _nameEnds[_open - 1] - openStart)))
        {
            throw Fallback("end tag does not match its start tag");
        }
        _open--;
        _namesLength = openStart;
        if (_open == 0)
        {
            _rootClosed = true;
        }
        _nameStart = nameStart;
        _nameLength = nameLength;
        _localStart = colon < 0 ? nameStart : colon + 1;
        _attributeCount = 0;
        _next = p + 1;
        Node = ScanNode.EndElement;
        Depth = _open;
        IsEmptyElement = false;
        return true;
    }

    private bool TryReadStartTag()
    {
        if (_rootClosed)
        {
            throw Fallback("a second root element");
        }
        var p = _start + 1;
        var nameStart = p;
        if (!TryReadName(ref p, out var colon))
        {
            return false;
        }
        var nameLength = p - nameStart;
        _attributeCount = 0;
        bool empty;
        while (true)
        {
            var spaced = p;
            if (!SkipSpaces(ref p))
            {
                return false;
            }
            var b = _buffer[p];
            if (b == (byte)'>')
            {
                empty = false;
                p++;
                break;
            }
            if (b == (byte)'/')
            {
                if (p + 1 >= _end)
                {
                    return false;
                }
                if (_buffer[p + 1] != (byte)'>')
                {
                    throw Fallback("malformed empty-element tag");
                }
                empty = true;
                p += 2;
                break;
            }
            if (p == spaced)
            {
                throw Fallback("attributes not separated by whitespace");
            }
            if (!TryReadAttribute(ref p))
            {
                return false;
            }
        }

        _nameStart = nameStart;
        _nameLength = nameLength;
        _localStart = colon < 0 ? nameStart : colon + 1;
        Depth = _open;
        CheckNamespacesAndDuplicates(colon);
        _rootSeen = true;
        if (!empty)
        {
            Push(_buffer.AsSpan(nameStart, nameLength));
        }
        _next = p;
        Node = ScanNode.Element;
        IsEmptyElement = empty;
        return true;
    }

    private bool TryReadAttribute(ref int p)
    {
        var nameStart = p;
        if (!TryReadName(ref p, out var colon))
        {
            return false;
        }
        var nameLength = p - nameStart;
        if (!SkipSpaces(ref p))
        {
            return false;
        }
        if (_buffer[p] != (byte)'=')
        {
            throw Fallback("attribute without a value");
        }
        p++;
        if (!SkipSpaces(ref p))
        {
            return false;
        }
        var quote = _buffer[p];
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            throw Fallback("unquoted attribute value");
        }
        var valueStart = p + 1;
        var close = _buffer.AsSpan(valueStart, _end - valueStart).IndexOfAny(quote == (byte)'"' ? DoubleQuoteEnd : SingleQuoteEnd);
        if (close < 0)
        {
            return false;
        }
        if (_buffer[valueStart + close] == (byte)'<')
        {
            throw Fallback("< in an attribute value");
        }
        var value = _buffer.AsSpan(valueStart, close);
        var needsDecoding = value.ContainsAny(AttributeSpecials);
        if (needsDecoding && value.Contains((byte)'&'))
        {
            Decode(value, attribute: true, into: null);
        }
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }
        _attributes[_attributeCount++] = new Attribute(nameStart, nameLength, colon < 0 ? nameStart : colon + 1, valueStart, close, needsDecoding);
        p = valueStart + close + 1;
        return true;
    }

    /// <summary>An ASCII name with at most one colon, neither first nor last; false when the buffer ends inside it.</summary>
    private bool TryReadName(ref int p, out int colon)
    {
        colon = -1;
        if (p >= _end)
        {
            return false;
        }
        if (!IsNameStart(_buffer[p]))
        {
            throw Fallback("a name this scanner does not read");
        }
        var start = p;
        p++;
        while (p < _end)
        {
            var b = _buffer[p];
            if (b == (byte)':')
            {
                if (colon >= 0)
                {
                    throw Fallback("a name with two colons");
                }
                colon = p;
            }
            else if (!IsNameChar(b))
            {
                if (b >= 0x80)
                {
                    throw Fallback("a non-ASCII name");
                }
                if (colon == p - 1 || colon == start)
                {
                    throw Fallback("a prefix or local name that is empty");
                }
                return true;
            }
            p++;
        }
        return false;
    }

    /// <summary>
    /// Prefixes must be declared (xml: only on xml:space and xml:lang), declarations must bind real names, and no two
    /// attributes may share a local name: XmlReader refuses a duplicate even when two prefixes hide it, so any shared
    /// local name goes to it.
    /// </summary>
    private void CheckNamespacesAndDuplicates(int elementColon)
    {
        Span<char> stack = stackalloc char[StackChars];
        while (_declarationCount > 0 && _declarations[_declarationCount - 1].Depth >= Depth)
        {
            _declarationCount--;
            _prefixesLength = _declarations[_declarationCount].Start;
        }
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            var name = _buffer.AsSpan(a.NameStart, a.NameLength);
            if (name.SequenceEqual("xmlns"u8))
            {
                CheckNamespaceName(i, allowEmpty: true);
            }
            else if (name.StartsWith("xmlns:"u8))
            {
                var prefix = name[6..];
                if (prefix.SequenceEqual("xml"u8) || prefix.SequenceEqual("xmlns"u8))
                {
                    throw Fallback("a reserved prefix declared");
                }
                CheckNamespaceName(i, allowEmpty: false);
                Declare(prefix);
            }
            for (var j = 0; j < i; j++)
            {
                ref readonly var other = ref _attributes[j];
                if (_buffer.AsSpan(a.LocalStart, a.NameStart + a.NameLength - a.LocalStart)
                    .SequenceEqual(_buffer.AsSpan(other.LocalStart, other.NameStart + other.NameLength - other.LocalStart)))
                {
                    throw Fallback("two attributes with one local name");
                }
            }
        }
        if (elementColon >= 0 && !IsDeclared(_buffer.AsSpan(_nameStart, elementColon - _nameStart)))
        {
            throw Fallback("an element prefix that is not declared here");
        }
        for (var i = 0; i < _attributeCount; i++)
        {
            ref readonly var a = ref _attributes[i];
            if (a.LocalStart == a.NameStart)
            {
                continue;
            }
            var prefix = _buffer.AsSpan(a.NameStart, a.LocalStart - 1 - a.NameStart);
            if (prefix.SequenceEqual("xmlns"u8))
            {
                continue;
            }
            if (prefix.SequenceEqual("xml"u8))
            {
                var local = _buffer.AsSpan(a.LocalStart, a.NameStart + a.NameLength - a.LocalStart);
                if (local.SequenceEqual("lang"u8))
                {
                    continue;
                }
                if (local.SequenceEqual("space"u8)
                    && AttributeValue(i, stack).Trim(" \t\r\n") is "default" or "preserve")
                {
                    continue;
                }
                throw Fallback("an xml: attribute this scanner does not check");
            }
            if (!IsDeclared(prefix))
            {
                throw Fallback("an attribute prefix that is not declared here");
            }
        }
    }

    private void CheckNamespaceName(int attribute, bool allowEmpty)
    {
        var uri = AttributeValue(attribute, stackalloc char[StackChars]);
        if ((uri.IsEmpty && !allowEmpty)
            || uri.SequenceEqual("http://www.w3.org/XML/1998/namespace")
            || uri.SequenceEqual("http://www.w3.org/2000/xmlns/"))
        {
            throw Fallback("a namespace declaration XmlReader treats specially");
        }
    }

    private void Declare(ReadOnlySpan<byte> prefix)
    {
        if (_prefixesLength + prefix.Length > _prefixes.Length)
        {
            Array.Resize(ref _prefixes, Math.Max(_prefixes.Length * 2, _prefixesLength + prefix.Length));
        }
        if (_declarationCount == _declarations.Length)
        {
            Array.Resize(ref _declarations, _declarations.Length * 2);
        }
        prefix.CopyTo(_prefixes.AsSpan(_prefixesLength));
        _declarations[_declarationCount++] = new Declaration(_prefixesLength, prefix.Length, Depth);
        _prefixesLength += prefix.Length;
    }

    private bool IsDeclared(ReadOnlySpan<byte> prefix)
    {
        for (var i = _declarationCount - 1; i >= 0; i--)
        {
            var d = _declarations[i];
            if (_prefixes.AsSpan(d.Start, d.Length).SequenceEqual(prefix))
            {
                return true;
            }
        }
        return false;
    }

    private void Push(ReadOnlySpan<byte> name)
    {
        if (_namesLength + name.Length > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + name.Length));
        }
        if (_open == _nameEnds.Length)
        {
            Array.Resize(ref _nameEnds, _nameEnds.Length * 2);
        }
        name.CopyTo(_names.AsSpan(_namesLength));
        _namesLength += name.Length;
        _nameEnds[_open++] = _namesLength;
    }

    /// <summary>
    /// Decodes text or an attribute value as XmlReader does, into <paramref name="into"/> or, when it is null, only to
    /// prove every reference valid: the five predefined entities and character references to XML characters.
    /// </summary>
    private static void Decode(ReadOnlySpan<byte> raw, bool attribute, CharBuffer? into)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        while (!raw.IsEmpty)
        {
            var i = raw.IndexOfAny(specials);
            if (i < 0)
            {
                into?.AppendUtf8(raw);
                return;
            }
            into?.AppendUtf8(raw[..i]);
            var b = raw[i];
            if (b == (byte)'&')
            {
                var semicolon = raw[i..].IndexOf((byte)';');
                if (semicolon < 2 || semicolon > 12)
                {
                    throw Fallback("a reference this scanner does not read");
                }
                AppendReference(raw.Slice(i + 1, semicolon - 1), into);
                raw = raw[(i + semicolon + 1)..];
                continue;
            }
            // End-of-line handling turns CR LF and a lone CR into LF; an attribute value then has LF and tab as spaces.
            into?.Append(attribute ? ' ' : '\n');
            raw = b == (byte)'\r' && i + 1 < raw.Length && raw[i + 1] == (byte)'\n' ? raw[(i + 2)..] : raw[(i + 1)..];
        }
    }

    private static void AppendReference(ReadOnlySpan<byte> name, CharBuffer? into)
    {
        char named = name switch
        {
            [(byte)'a', (byte)'m', (byte)'p'] => '&',
            [(byte)'l', (byte)'t'] => '<',
            [(byte)'g', (byte)'t'] => '>',
            [(byte)'q', (byte)'u', (byte)'o', (byte)'t'] => '"',
            [(byte)'a', (byte)'p', (byte)'o', (byte)'s'] => '\'',
            _ => '\0',
        };
        if (named != '\0')
        {
            into?.Append(named);
            return;
        }
        if (name[0] != (byte)'#')
        {
            throw Fallback("an entity XmlReader would call undeclared");
        }
        var hex = name.Length > 1 && name[1] == (byte)'x';
        var digits = name[(hex ? 2 : 1)..];
        if (digits.IsEmpty)
        {
            throw Fallback("an empty character reference");
        }
        var code = 0;
        foreach (var d in digits)
        {
            int value = d switch
            {
                >= (byte)'0' and <= (byte)'9' => d - '0',
                >= (byte)'a' and <= (byte)'f' when hex => d - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' when hex => d - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                throw Fallback("a malformed character reference");
            }
            code = code * (hex ? 16 : 10) + value;
            if (code > 0x10FFFF)
            {
                throw Fallback("a character reference beyond Unicode");
            }
        }
        var valid = code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
        if (!valid)
        {
            throw Fallback("a character reference to a character XML forbids");
        }
        if (into is null)
        {
            return;
        }
        if (code < 0x10000)
        {
            into.Append((char)code);
        }
        else
        {
            into.Append(char.ConvertFromUtf32(code));
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsNameStart(byte b) => char.IsAsciiLetter((char)b) || b == (byte)'_';

    private static bool IsNameChar(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.';

    private readonly record struct Attribute(int NameStart, int NameLength, int LocalStart, int ValueStart, int ValueLength, bool NeedsDecoding);

    private readonly record struct Declaration(int Start, int Length, int Depth);
}
