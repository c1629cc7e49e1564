using System.IO.Compression;
using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Testing.Documents;

namespace ReportHub.Readers.Tests.Docx;

public sealed class DocxRejectionTests
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static FileRejectedException Rejected(Action action) => Assert.Throws<FileRejectedException>(action);

    private static void Consume(byte[] bytes, ReaderLimits? limits = null)
    {
        using var reader = Letters.Open(bytes, limits: limits);
        foreach (var _ in reader.ReadRows(0))
        {
        }
        _ = reader.MergedRanges(0);
    }

    /// <summary>A package whose document part inflates to <paramref name="inflatedBytes"/> of one repeated character.</summary>
    private static byte[] Bomb(long inflatedBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            document.Write(Encoding.UTF8.GetBytes($"""<w:document xmlns:w="{WordNs}"><w:body><w:p><w:r><w:t>"""));
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (long written = 0; written < inflatedBytes; written += chunk.Length)
            {
                document.Write(chunk);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void ZipBombDocumentIsRefusedWithAWordFix()
    {
        var bomb = Bomb(64L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);

        var error = Rejected(() => Consume(bomb));

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
        Assert.Contains("giải nén", error.Message);
        Assert.Contains("Word", error.Message);
    }

    [Fact]
    public void DocumentInflatingPastTheTotalLimitIsRefused()
    {
        // Ordinary text compresses about 3:1, under the ratio bound; only the total inflate limit stops it.
        var builder = new WordLetterBuilder();
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            builder.Paragraph(string.Concat(Enumerable.Range(0, 60).Select(_ => (char)random.Next('a', 'z' + 1))));
        }
        var bytes = builder.ToBytes();

        var error = Rejected(() => Consume(bytes, new ReaderLimits { MaxDecompressedBytes = 20_000 }));

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
    }

    [Fact]
    public void DtdInTheDocumentPartIsRefused()
    {
        var bytes = Letters.EditPart(SeedLetters.Letter().ToBytes(), "word/document.xml",
            xml => xml.Replace("<w:document", """<!DOCTYPE w:document [<!ENTITY x "xx">]><w:document""", StringComparison.Ordinal));

        var error = Rejected(() => Consume(bytes));

        Assert.Equal(IssueCodes.FileUnsafeXml, error.Code);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void TruncatedLetterIsCorruptWithAWordFix()
    {
        var bytes = SeedLetters.Report2162().ToBytes();

        var error = Rejected(() => Consume(bytes[..(bytes.Length / 2)]));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("Tài liệu Word (*.docx)", error.Message);
    }

    [Fact]
    public void MalformedDocumentXmlIsCorrupt()
    {
        var bytes = Letters.EditPart(SeedLetters.Letter().ToBytes(), "word/document.xml", xml => xml.Replace("</w:body>", "", StringComparison.Ordinal));

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => Consume(bytes)).Code);
    }

    [Fact]
    public void DocumentPartThatIsNotWordprocessingMlIsCorrupt()
    {
        var bytes = Letters.EditPart(SeedLetters.Letter().ToBytes(), "word/document.xml", _ => "<w/>");

        var error = Rejected(() => Letters.Open(bytes).Dispose());

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("không phải văn bản Word", error.Message);
    }

    [Fact]
    public void DeeplyNestedElementsAreRefusedWithoutExhaustingTheStack()
    {
        var depth = 20_000;
        var nested = string.Concat(Enumerable.Repeat("<w:hyperlink>", depth)) + "<w:r><w:t>x</w:t></w:r>"
            + string.Concat(Enumerable.Repeat("</w:hyperlink>", depth));
        var bytes = Letters.EditPart(new WordLetterBuilder().Paragraph("a").ToBytes(), "word/document.xml",
            xml => xml.Replace("<w:body>", $"<w:body><w:p>{nested}</w:p>", StringComparison.Ordinal));

        var error = Rejected(() => Consume(bytes));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("lồng nhau", error.Message);
    }

    [Fact]
    public void LetterLongerThanTheRowLimitIsRefused()
    {
        var builder = new WordLetterBuilder();
        for (var i = 0; i < 11; i++)
        {
            builder.Paragraph($"Đoạn {i}");
        }

        var error = Rejected(() => Consume(builder.ToBytes(), new ReaderLimits { MaxRows = 10 }));

        Assert.Equal(IssueCodes.SheetTooManyRows, error.Code);
        Assert.Contains("đoạn văn và dòng bảng", error.Message);
    }

    [Fact]
    public void CellSpanningPastTheColumnLimitIsRefused()
    {
        var bytes = Letters.EditPart(new WordLetterBuilder().Table(t => t.Row("a", "b")).ToBytes(), "word/document.xml",
            xml => xml.Replace("<w:tcPr>", """<w:tcPr><w:gridSpan w:val="2147483647"/>""", StringComparison.Ordinal));

        var error = Rejected(() => Consume(bytes));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.StartsWith("Bảng 1 của tệp", error.Message);
    }
}
