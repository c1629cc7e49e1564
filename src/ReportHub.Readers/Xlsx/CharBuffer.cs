using System.Buffers;
using System.Text;

namespace ReportHub.Readers.Xlsx;

/// <summary>A growable run of chars on pooled arrays, reused from cell to cell so decoding text allocates nothing.</summary>
internal sealed class CharBuffer : IDisposable
{
    private char[] _chars;

    public CharBuffer(int capacity = 256) => _chars = ArrayPool<char>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        Reserve(1);
        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        Reserve(chars.Length);
        chars.CopyTo(_chars.AsSpan(Length));
        Length += chars.Length;
    }

    /// <summary>Appends UTF-8 the scanner has already validated, so decoding cannot fail.</summary>
    public void AppendUtf8(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 sequence never yields more UTF-16 units than it has bytes.
        Reserve(bytes.Length);
        Length += Encoding.UTF8.GetChars(bytes, _chars.AsSpan(Length));
    }

    public override string ToString() => Length == 0 ? "" : new string(_chars, 0, Length);

    private void Reserve(int more)
    {
        if (Length + more <= _chars.Length)
        {
            return;
        }
        var grown = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + more));
        _chars.AsSpan(0, Length).CopyTo(grown);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = grown;
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        Length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
