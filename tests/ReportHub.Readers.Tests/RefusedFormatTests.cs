using System.IO.Compression;
using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Testing.Documents;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests;

/// <summary>Files people send instead of the report: each is named for what it is, with how to send the report instead.</summary>
public sealed class RefusedFormatTests
{
    /// <summary>An OpenDocument package: the uncompressed "mimetype" entry first, as LibreOffice writes it.</summary>
    private static byte[] OpenDocument(string mimeType)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mime = zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                mime.Write(Encoding.ASCII.GetBytes(mimeType));
            }
            using (var content = zip.CreateEntry("content.xml").Open())
            {
                content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"u8);
            }
            using var manifest = zip.CreateEntry("META-INF/manifest.xml").Open();
            manifest.Write("<manifest/>"u8);
        }
        return buffer.ToArray();
    }

    private static FileRejectedException Refused(byte[] bytes, string fileName)
    {
        var error = Rejected(() => Open(bytes, fileName));
        Assert.Equal(IssueCodes.FileNotSpreadsheet, error.Code);
        Assert.True(error.Message.IsNormalized());
        Assert.StartsWith($"Tệp “{fileName}” là ", error.Message);
        return error;
    }

    [Fact]
    public void Word97DocumentIsRefusedWithHowToSaveAsDocx()
    {
        var error = Refused(CompoundFile("Root Entry", "WordDocument", "1Table"), "cong-van.doc");

        Assert.Contains("tệp Word 97–2003 (.doc)", error.Message);
        Assert.Contains("mở tệp bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx)", error.Message);
    }

    [Fact]
    public void OpenDocumentTextIsRefusedWithHowToSaveAsDocx()
    {
        var error = Refused(OpenDocument("application/vnd.oasis.opendocument.text"), "cong-van.odt");

        Assert.Contains("văn bản OpenDocument (.odt)", error.Message);
        Assert.Contains("Tài liệu Word (*.docx)", error.Message);
    }

    [Fact]
    public void OpenDocumentSpreadsheetIsRefusedWithHowToSaveAsXlsx()
    {
        var error = Refused(OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), "bao-cao.ods");

        Assert.Contains("bảng tính OpenDocument (.ods)", error.Message);
        Assert.Contains("Sổ làm việc Excel (*.xlsx)", error.Message);
    }

    [Fact]
    public void PdfIsRefusedAskingForTheOriginalFile()
    {
        var error = Refused(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), "cong-van.pdf");

        Assert.Contains("là tệp PDF", error.Message);
        Assert.Contains("tệp gốc của báo cáo (văn bản Word .docx hoặc bảng tính Excel .xlsx)", error.Message);
    }

    public static TheoryData<byte[], string> Images => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "PNG" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00], "JPEG" },
        { "GIF89a\x01\x00\x01\x00"u8.ToArray(), "GIF" },
        { [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00], "TIFF" },
        { [0x42, 0x4D, 0x3A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00], "BMP" },
        { [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0x00, 0x00, 0x00, 0x00], "HEIC" },
        { "RIFF\x24\x00\x00\x00WEBPVP8 "u8.ToArray(), "WEBP" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void PhotoOrScanIsRefusedAskingForTheOriginalFile(byte[] bytes, string format)
    {
        var error = Refused(bytes, "anh-chup.xlsx");

        Assert.Contains($"ảnh chụp/ảnh quét ({format})", error.Message);
        Assert.Contains("thay cho ảnh chụp hay bản quét", error.Message);
    }

    [Fact]
    public void CsvStartingWithBmIsStillACsv()
    {
        using var reader = Open("BM;Số lượng\nBM-01;3\n"u8.ToArray(), "bao-cao.csv");

        Assert.Equal("csv", reader.Format);
    }

    [Fact]
    public void RtfIsRefusedWithHowToSaveAsDocx()
    {
        var error = Refused("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}} C\\'f4ng v\\'e3n}"u8.ToArray(), "cong-van.rtf");

        Assert.Contains("văn bản RTF (.rtf)", error.Message);
        Assert.Contains("Tài liệu Word (*.docx)", error.Message);
    }

    [Fact]
    public void PresentationIsRefused()
    {
        var pptx = Zip(new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types/>",
            ["ppt/presentation.xml"] = "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>",
        });

        var error = Refused(pptx, "trinh-chieu.pptx");

        Assert.Contains("bản trình chiếu (.pptx, .odp)", error.Message);
        Assert.Contains("lưu thành tệp .docx hoặc .xlsx", error.Message);
    }

    [Fact]
    public void WordLetterRenamedToXlsxIsStillReadAsALetter()
    {
        using var reader = Open(SeedLetters.Report2162().ToBytes(), "bao-cao.xlsx");

        Assert.Equal("docx", reader.Format);
    }
}
