using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Tests.Support;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xlsx;

public sealed class XlsxRejectionTests
{
    private const long BombBytes = 300L * 1024 * 1024;

    /// <summary>A sheet part of <paramref name="inflatedBytes"/> repeated bytes, compressed as small as deflate allows.</summary>
    private static byte[] Bomb(long inflatedBytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new Dictionary<string, string>
            {
                ["xl/workbook.xml"] = $"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""",
                ["xl/_rels/workbook.xml.rels"] = $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""",
            })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write(Encoding.UTF8.GetBytes($"""<worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""));
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (long written = 0; written < inflatedBytes; written += chunk.Length)
            {
                sheet.Write(chunk);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Rewrites the declared uncompressed size of an entry in both its local header and the central directory.</summary>
    private static byte[] LieAboutSize(byte[] zip, string entryName, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
            }
        }
        return bytes;
    }

    [Fact]
    public void ZipBombIsRefusedBeforeInflating()
    {
        var bomb = Bomb(BombBytes);
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        var error = Rejected(() => Consume(bomb));

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
        Assert.Contains("giải nén", error.Message);
    }

    [Fact]
    public void ZipBombWithLyingSizeHeaderIsRefusedWhileInflating()
    {
        // .NET 10 itself stops an entry that inflates past its declared size and reports it as invalid data,
        // so the lie surfaces as a corrupt file; the counting stream is the backstop (see CountingStreamTests).
        var bomb = LieAboutSize(Bomb(BombBytes), "xl/worksheets/sheet1.xml", 4096);
        using var reader = Open(bomb);

        var error = Rejected(() => reader.ReadRows(0).ToList());

        Assert.Contains(error.Code, new[] { IssueCodes.FileZipBomb, IssueCodes.FileCorrupt });
    }

    [Fact]
    public void TotalInflatedSizeIsBoundedEvenWhenEveryPartLooksReasonable()
    {
        var limits = new ReaderLimits { MaxDecompressedBytes = 2 * 1024 * 1024, MaxCompressionRatio = double.MaxValue };

        var error = Rejected(() => Consume(Bomb(3 * 1024 * 1024), limits: limits));

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
    }

    [Fact]
    public void DoctypeInASheetIsRefusedAsUnsafeXml()
    {
        var sheet = $"""<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>""";
        using var reader = Open(Package(sheet));

        var error = Rejected(() => reader.ReadRows(0).ToList());

        Assert.Equal(IssueCodes.FileUnsafeXml, error.Code);
    }

    [Fact]
    public void DoctypeInSharedStringsIsRefusedOnOpen()
    {
        var sst = $"""<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sst xmlns="{MainNs}"><si><t>&lol2;</t></si></sst>""";

        var error = Rejected(() => Open(Package(Sheet(""), sst)));

        Assert.Equal(IssueCodes.FileUnsafeXml, error.Code);
    }

    [Fact]
    public void TruncatedZipIsCorrupt()
    {
        var bytes = ClosedXmlWorkbooks.Appendix();

        var error = Rejected(() => Consume(bytes[..(bytes.Length / 2)]));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("Lưu thành", error.Message);
    }

    [Fact]
    public void ZipWithoutWorkbookButWithExcelPartsIsCorrupt()
    {
        var bytes = Zip(new Dictionary<string, string> { ["xl/worksheets/sheet1.xml"] = Sheet("") });

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => Open(bytes)).Code);
    }

    [Fact]
    public void ZipThatIsNotAWorkbookIsNotASpreadsheet()
    {
        // A zip with word/document.xml is a Word letter now (see DocxRejectionTests); this one is neither.
        var bytes = Zip(new Dictionary<string, string> { ["readme.txt"] = "xin chào", ["docProps/app.xml"] = "<Properties/>" });

        var error = Rejected(() => Open(bytes));

        Assert.Equal(IssueCodes.FileNotSpreadsheet, error.Code);
        Assert.Contains("văn bản Word (.docx)", error.Message);
    }

    [Fact]
    public void MalformedSheetXmlIsCorrupt()
    {
        using var reader = Open(Package("<worksheet><sheetData><row><c><v>1</v></row>"));

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => reader.ReadRows(0).ToList()).Code);
    }

    [Fact]
    public void SharedStringIndexOutOfRangeIsCorrupt()
    {
        using var reader = Open(Package(Sheet("""<row r="1"><c r="A1" t="s"><v>7</v></c></row>""")));

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => reader.ReadRows(0).ToList()).Code);
    }

    [Fact]
    public void RowsBeyondTheLimitAreRefused()
    {
        var bytes = ClosedXmlWorkbooks.Save(workbook =>
        {
            var sheet = workbook.AddWorksheet("Dài");
            for (var row = 1; row <= 11; row++)
            {
                sheet.Cell(row, 1).Value = row;
            }
        });
        using var reader = Open(bytes, limits: new ReaderLimits { MaxRows = 10 });

        var error = Rejected(() => reader.ReadRows(0).ToList());

        Assert.Equal(IssueCodes.SheetTooManyRows, error.Code);
        Assert.Contains("Dài", error.Message);
        Assert.Equal(10, reader.ReadRows(0).Take(10).Count());
    }

    [Fact]
    public void ColumnsBeyondTheLimitAreRefused()
    {
        using var reader = Open(Package(Sheet("""<row r="1"><c r="AAAA1"><v>1</v></c></row>""")));

        Assert.Equal(IssueCodes.FileCorrupt, Rejected(() => reader.ReadRows(0).ToList()).Code);
    }
}
