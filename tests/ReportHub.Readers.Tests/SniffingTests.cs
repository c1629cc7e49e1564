using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Tests.Support;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests;

public sealed class SniffingTests
{
    [Fact]
    public void FormatIsSniffedFromContentNotExtension()
    {
        using var xlsx = Open(ClosedXmlWorkbooks.Appendix(), "bao-cao.csv");
        using var csv = Open("a,b\n1,2\n"u8.ToArray(), "bao-cao.xlsx");

        Assert.Equal(("xlsx", "csv"), (xlsx.Format, csv.Format));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0x20, 0x0D, 0x0A, 0x09 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20, 0x0A })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00 })]
    public void EmptyOrBlankFileIsEmpty(byte[] bytes)
    {
        var error = Rejected(() => Open(bytes));

        Assert.Equal(IssueCodes.FileEmpty, error.Code);
        Assert.Contains("không có nội dung", error.Message);
    }

    [Fact]
    public void FileOverTheSizeLimitIsTooLargeEvenFromANonSeekableStream()
    {
        var bytes = ClosedXmlWorkbooks.Appendix();
        var limits = new ReaderLimits { MaxFileBytes = bytes.Length - 1 };

        Assert.Equal(IssueCodes.FileTooLarge, Rejected(() => Open(bytes, limits: limits)).Code);
        Assert.Equal(IssueCodes.FileTooLarge,
            Rejected(() => WorkbookReaders.Open(new BufferedStream(new NonSeekable(bytes)), "x.xlsx", limits)).Code);
    }

    public static TheoryData<byte[]> Binaries => new()
    {
        Encoding.ASCII.GetBytes("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"),
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 },
        new byte[] { 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x7F, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F },
        new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00 },
        Encoding.UTF8.GetBytes("<html><body><table><tr><td>1</td></tr></table></body></html>"),
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>"),
    };

    [Theory]
    [MemberData(nameof(Binaries))]
    public void NonSpreadsheetContentIsRefused(byte[] bytes)
    {
        var error = Rejected(() => Open(bytes, "bao-cao.xls"));

        Assert.Equal(IssueCodes.FileNotSpreadsheet, error.Code);
        Assert.Contains("không phải bảng tính", error.Message);
        Assert.Contains(".docx", error.Message);
    }

    [Fact]
    public void EncryptedOoxmlPackageIsEncrypted()
    {
        var error = Rejected(() => Open(CompoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), "bao-cao.xlsx"));

        Assert.Equal(IssueCodes.FileEncrypted, error.Code);
        Assert.Equal(
            "Tệp “bao-cao.xlsx” được bảo vệ bằng mật khẩu hoặc đã mã hóa. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại.",
            error.Message);
        Assert.True(error.Message.IsNormalized());
    }

    [Fact]
    public void CompoundFileWithoutAWorkbookStreamIsNotASpreadsheet()
    {
        Assert.Equal(IssueCodes.FileNotSpreadsheet, Rejected(() => Open(CompoundFile("Root Entry", "WordDocument"), "x.doc")).Code);
    }

    [Fact]
    public void CompoundFileClaimingAWorkbookButBrokenIsCorrupt()
    {
        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => Open(CompoundFile("Root Entry", "Workbook"), "x.xls")).Code);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
