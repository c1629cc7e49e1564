using ReportHub.Core.Issues;
using ReportHub.Readers.Xlsx;

namespace ReportHub.Readers.Tests.Xlsx;

public sealed class CountingStreamTests
{
    /// <summary>Stands in for an inflater that keeps producing bytes whatever the header declared.</summary>
    private sealed class EndlessZeros : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void CountedBytesStopAnEndlessInflaterAtTheBound()
    {
        const long bound = 3 * 1024 * 1024;
        using var counting = new CountingStream(new EndlessZeros(), read =>
        {
            if (read > bound)
            {
                throw new FileRejectedException(IssueCodes.FileZipBomb, "quá lớn");
            }
        });

        var error = Assert.Throws<FileRejectedException>(() => counting.CopyTo(Stream.Null));

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
        Assert.InRange(counting.BytesRead, bound + 1, bound + 1024 * 1024);
    }
}
