using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Core.Text;

namespace ReportHub.Corpus.Tests.Corpus;

/// <summary>
/// The real-shaped fixtures are what they claim to be, checked with the format's own rules rather than with
/// ReportHub's readers: otherwise a builder that drifted (a merge never written, a CSV silently in UTF-8) would let
/// the corpus pass without testing the shape it names.
/// </summary>
public sealed class RealShapedFixtureTests
{
    static RealShapedFixtureTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Bytes(string name) => Cases.Get(name).Bytes();

    private static List<Table> Tables(string name)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Bytes(name)), false);
        return [.. document.MainDocumentPart!.Document.Body!.Elements<Table>().Select(t => (Table)t.CloneNode(true))];
    }

    [Fact]
    public void SeedLetterMergesTheIssuingUnitDownItsDirectivesAndListsRecipientsAsParagraphs()
    {
        var directives = Tables("word-seed-004")[2];
        var issuing = directives.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ElementAt(3).TableCellProperties?.VerticalMerge).ToList();

        Assert.Equal(MergedCellValues.Restart, issuing[0]?.Val?.Value);
        Assert.All(issuing.Skip(1), m => Assert.True(m is not null && m.Val is null));
        Assert.True(directives.Elements<TableRow>().ElementAt(2).Elements<TableCell>().Last().Elements<Paragraph>().Count() >= 2);
    }

    [Fact]
    public void TitleRowLetterSpansEachHeadingAcrossItsTableAndEndsWithATotalRow()
    {
        var tables = Tables("word-title-rows-and-total-row");

        foreach (var table in tables.Skip(2))
        {
            var title = table.Elements<TableRow>().First().Elements<TableCell>().Single();
            Assert.Equal(5, title.TableCellProperties!.GridSpan!.Val!.Value);
        }
        Assert.Equal("Tổng cộng", tables[3].Elements<TableRow>().Last().Elements<TableCell>().ElementAt(1).InnerText);
    }

    [Fact]
    public void Tcvn3LetterTypesItsLetterheadInVnTimeHAndItsBodyInVnTime()
    {
        var tables = Tables("word-typed-in-tcvn3");
        var letterhead = tables[0].Elements<TableRow>().First().Elements<TableCell>().First().Descendants<Run>().ToList();

        Assert.All(letterhead, r => Assert.Equal(".VnTimeH", r.RunProperties?.RunFonts?.Ascii?.Value));
        Assert.Equal(
            new[] { "UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ", "CÔNG NGHỆ" }.Select(l => LegacyText.FromUnicode(l, LegacyCharset.Tcvn3)),
            letterhead.Select(r => r.InnerText));
        var entity = tables[3].Elements<TableRow>().ElementAt(1).Elements<TableCell>().ElementAt(1).Descendants<Run>().Single();
        Assert.Equal((".VnTime", LegacyText.FromUnicode("Trụ sở Sở Khoa học và Công nghệ", LegacyCharset.Tcvn3)), (entity.RunProperties?.RunFonts?.Ascii?.Value, entity.InnerText));
    }

    [Fact]
    public void UnicodeTextExportIsTabSeparatedUtf16LittleEndianWithABom()
    {
        var bytes = Bytes("excel-unicode-text");
        var text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);

        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Contains("TT\tĐối tượng thống kê\tTổng số mã QR địa điểm đã tạo và quản lý\t", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1258CsvWritesTonesAsCombiningBytesAfterTheVowel()
    {
        var bytes = Bytes("csv-excel-vi-windows-1258");

        Assert.False(Utf8.IsValid(bytes));
        // "Số": S, ô (0xF4), then the acute tone on its own (0xEC).
        Assert.True(bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[(byte)'S', 0xF4, 0xEC]) >= 0);
        Assert.Contains(";Số, ngày ban hành văn bản;", Encoding.GetEncoding(1258).GetString(bytes).Normalize(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv-tcvn3-bytes", LegacyCharset.Tcvn3, "Xã Tịnh Phong")]
    [InlineData("csv-vni-bytes", LegacyCharset.Vni, "Chi cục Tiêu chuẩn Đo lường Chất lượng")]
    public void LegacyCsvHoldsTheFontsOneByteCodes(string name, LegacyCharset charset, string cell)
    {
        var bytes = Bytes(name);

        Assert.False(Utf8.IsValid(bytes));
        Assert.True(bytes.AsSpan().IndexOf(Encoding.Latin1.GetBytes(LegacyText.FromUnicode(cell, charset))) >= 0);
    }

    [Fact]
    public void LibreOfficeCsvQuotesEveryTextCellAndKeepsQuotesAndLineBreaksInside()
    {
        var text = Encoding.UTF8.GetString(Bytes("csv-libreoffice-quoted-prose"));

        Assert.DoesNotContain('\r', text);
        Assert.StartsWith("\"Ủy ban nhân dân tỉnh Quảng Ngãi\",,,,\n", text, StringComparison.Ordinal);
        Assert.Contains("\"\"khai báo y tế\"\"", text, StringComparison.Ordinal);
        Assert.Contains(",\"- Các phòng thuộc Sở;\n- Công chức, viên chức, người lao động.\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SeparatorHintIsTheFirstLine() =>
        Assert.StartsWith("sep=;\r\nỦY BAN NHÂN DÂN;", Encoding.UTF8.GetString(Bytes("csv-sep-line")), StringComparison.Ordinal);

    [Fact]
    public void DocIsACompoundFileWhoseWordDocumentStreamOpensWithTheFib()
    {
        var bytes = Bytes("refused-word-97-2003-doc");
        var directory = 512 * (1 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0x30)));
        var fat = 512 * (1 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0x4C)));

        var entries = Enumerable.Range(0, 4).Select(i => bytes.AsSpan(directory + i * 128, 128).ToArray()).ToList();
        var word = entries.Single(e => Encoding.Unicode.GetString(e, 0, Math.Max(0, BinaryPrimitives.ReadUInt16LittleEndian(e.AsSpan(0x40)) - 2)) == "WordDocument");
        var start = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(0x74));
        var size = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(0x78));

        Assert.Equal(0xA5EC, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(512 * (1 + start))));
        // The FAT chain from the stream's first sector covers its size and ends with ENDOFCHAIN.
        var sectors = 1;
        for (var s = start; BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(fat + s * 4)) is var next && next != 0xFFFFFFFE; s = (int)next)
        {
            Assert.Equal((uint)(s + 1), next);
            sectors++;
        }
        Assert.Equal((size + 511) / 512, sectors);
    }

    [Theory]
    [InlineData("refused-libreoffice-odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("refused-libreoffice-ods", "application/vnd.oasis.opendocument.spreadsheet")]
    public void OpenDocumentOpensWithItsStoredMimetype(string name, string mimeType)
    {
        using var zip = new ZipArchive(new MemoryStream(Bytes(name)), ZipArchiveMode.Read);
        var first = zip.Entries[0];

        Assert.Equal(("mimetype", first.Length), (first.FullName, first.CompressedLength));
        using var reader = new StreamReader(first.Open());
        Assert.Equal(mimeType, reader.ReadToEnd());
        Assert.NotNull(zip.GetEntry("content.xml"));
    }

    [Fact]
    public void PdfCrossReferencePointsAtEachObject()
    {
        var text = Encoding.Latin1.GetString(Bytes("refused-pdf"));
        var xref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
        var entries = text[xref..].Split('\n').Skip(3).TakeWhile(l => l.EndsWith(" n ", StringComparison.Ordinal)).ToList();

        Assert.Equal(5, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.StartsWith($"{i + 1} 0 obj", text[int.Parse(entries[i][..10], System.Globalization.CultureInfo.InvariantCulture)..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PngImageDataInflatesToEveryRowOfTheHeader()
    {
        var bytes = Bytes("refused-png-scan");
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        var idatLength = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(33));

        Assert.Equal("IDAT", Encoding.ASCII.GetString(bytes, 37, 4));
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(bytes, 41, idatLength), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        Assert.Equal(height * (width + 1), inflated.Length);
        Assert.EndsWith("IEND", Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4), StringComparison.Ordinal);
    }
}
