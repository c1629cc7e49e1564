using ReportHub.Core.Text;

namespace ReportHub.Readers.Csv;

/// <summary>
/// Windows-1258 decoded a chunk at a time. A tone mark that falls at the start of a chunk stays a combining
/// character; the cell text is recomposed to NFC once the cell is complete, so chunk borders do not matter.
/// </summary>
internal sealed class Cp1258TextReader(byte[] bytes, int offset) : TextReader
{
    private const int ChunkBytes = 8 * 1024;

    private int _next = offset;
    private string _pending = "";
    private int _pendingPosition;

    public override int Peek() => Available() ? _pending[_pendingPosition] : -1;

    public override int Read() => Available() ? _pending[_pendingPosition++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Available())
        {
            return 0;
        }
        var count = Math.Min(buffer.Length, _pending.Length - _pendingPosition);
        _pending.AsSpan(_pendingPosition, count).CopyTo(buffer);
        _pendingPosition += count;
        return count;
    }

    private bool Available()
    {
        while (_pendingPosition == _pending.Length)
        {
            if (_next >= bytes.Length)
            {
                return false;
            }
            var length = Math.Min(ChunkBytes, bytes.Length - _next);
            _pending = Cp1258.Decode(bytes.AsSpan(_next, length));
            _pendingPosition = 0;
            _next += length;
        }
        return true;
    }
}
