namespace ReportHub.Readers.Xlsx;

/// <summary>
/// Watches the inflated bytes of an XML part before XmlReader sees them, for two things XmlReader settings cannot
/// bound or name: a run of more than <c>maxRun</c> bytes without '&lt;' or '&gt;' (XmlReader would build the whole
/// start tag or text node in memory first: one 190 MB attribute costs gigabytes), and a DOCTYPE anywhere in the
/// part, which DtdProcessing.Prohibit refuses only as a generic XmlException that reads like a damaged file.
/// NUL bytes are skipped when matching DOCTYPE so the UTF-16 encodings OOXML allows are caught too.
/// </summary>
internal sealed class XmlGuardStream(Stream inner, int maxRun, Func<Exception> onLongRun, Func<Exception> onDoctype) : Stream
{
    private static readonly byte[] Doctype = "<!DOCTYPE"u8.ToArray();

    private long _run;
    private int _matched;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)'<' or (byte)'>')
            {
                _run = 0;
            }
            else if (++_run > maxRun)
            {
                throw onLongRun();
            }
            if (b == 0)
            {
                continue;
            }
            if (b == Doctype[_matched])
            {
                if (++_matched == Doctype.Length)
                {
                    throw onDoctype();
                }
            }
            else
            {
                _matched = b == Doctype[0] ? 1 : 0;
            }
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
