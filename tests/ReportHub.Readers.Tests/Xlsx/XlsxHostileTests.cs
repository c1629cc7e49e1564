using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Readers.Common;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xlsx;

/// <summary>Packages built to exhaust memory or mislead: each must fail fast with the precise Vietnamese reason.</summary>
public sealed class XlsxHostileTests
{
    private static string InlineCell(string address, string text) =>
        $"""<c r="{address}" t="inlineStr"><is><t>{text}</t></is></c>""";

    [Fact]
    public void DoctypeAfterALongCommentIsUnsafeXmlNotCorrupt()
    {
        var comment = "<!--" + new string('c', 20_000) + "-->";
        var sheet = $"""<?xml version="1.0"?>{comment}<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet xmlns="{MainNs}"><sheetData/></worksheet>""";

        var error = Rejected(() => Consume(Package(sheet)));

        Assert.Equal(IssueCodes.FileUnsafeXml, error.Code);
    }

    [Fact]
    public void Utf16DoctypeDeepInAPartIsUnsafeXml()
    {
        var sheet = $"""<?xml version="1.0" encoding="UTF-16"?><!--{new string('c', 9_000)}--><!DOCTYPE worksheet><worksheet xmlns="{MainNs}"><sheetData/></worksheet>""";
        var parts = PartsOf(Package(Sheet("")));
        var bytes = ZipBytes(parts.Select(p => p.Name == "xl/worksheets/sheet1.xml"
            ? (p.Name, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(sheet)).ToArray())
            : p).ToList());

        Assert.Equal(IssueCodes.FileUnsafeXml, Rejected(() => Consume(bytes)).Code);
    }

    [Fact]
    public void ZipCryptoEntryIsEncryptedNotDamaged()
    {
        var bytes = SetEncryptedFlag(Package(Sheet($"""<row r="1">{InlineCell("A1", "Sở Công Thương")}</row>""")), "xl/worksheets/sheet1.xml");

        var error = Rejected(() => Consume(bytes));

        Assert.Equal(IssueCodes.FileEncrypted, error.Code);
        Assert.Contains("mật khẩu", error.Message);
    }

    [Fact]
    public void TwoEntriesWithOneNameAreRefused()
    {
        var parts = PartsOf(Package(Sheet($"""<row r="1">{InlineCell("A1", "thật")}</row>""")));
        parts.Add(("XL/worksheets/sheet1.xml", Encoding.UTF8.GetBytes(Sheet($"""<row r="1">{InlineCell("A1", "giả")}</row>"""))));

        var error = Rejected(() => Consume(ZipBytes(parts)));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("xuất hiện hai lần", error.Message);
        Assert.Contains("sheet1.xml", error.Message);
    }

    [Fact]
    public void HugeAttributeIsRefusedBeforeXmlReaderHoldsIt()
    {
        // 40 MB of attribute value compresses to a few tens of KB; XmlReader would materialise it whole.
        var sheet = new StringBuilder($"""<worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr" x=" """);
        sheet.Append('a', 40 * 1024 * 1024).Append("\"><is><t>x</t></is></c></row></sheetData></worksheet>");
        var bytes = Package(sheet.ToString(), level: CompressionLevel.SmallestSize);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Rejected(() => Consume(bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(IssueCodes.FileZipBomb, error.Code);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void SheetWithMoreCellsThanTheLimitIsRefusedEvenWhenTheCellsAreEmpty()
    {
        var cells = string.Concat(Enumerable.Range(1, 600).Select(_ => "<c/>"));
        var bytes = Package(Sheet($"""<row r="1">{cells}</row><row r="2">{cells}</row>"""));

        var error = Rejected(() => Consume(bytes, limits: new ReaderLimits { MaxCellsPerSheet = 1_000 }));

        Assert.Equal(IssueCodes.SheetTooManyCells, error.Code);
        Assert.Contains("“Sheet1”", error.Message);
        Assert.Contains("1.000", error.Message);
    }

    [Fact]
    public void InlineCellLongerThanExcelAllowsIsRefusedNamingTheCell()
    {
        var bytes = Package(Sheet($"""<row r="7">{InlineCell("C7", new string('ả', 32_768))}</row>"""));

        var error = Rejected(() => Consume(bytes));

        Assert.Equal(IssueCodes.CellTooLong, error.Code);
        Assert.Contains("Ô C7", error.Message);
        Assert.Contains("32.767", error.Message);
    }

    [Fact]
    public void SharedStringOfManySmallRunsLongerThanExcelAllowsIsRefused()
    {
        var runs = string.Concat(Enumerable.Range(0, 5_000).Select(_ => "<r><t>abcdefgh</t></r>"));
        var sst = $"""<sst xmlns="{MainNs}"><si>{runs}</si></sst>""";
        var bytes = Package(Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""), sst);

        Assert.Equal(IssueCodes.CellTooLong, Rejected(() => Consume(bytes)).Code);
    }

    [Fact]
    public void CellOfExactlyExcelsLimitIsRead()
    {
        var text = new string('ả', 32_767);
        var rows = ReadAll(Package(Sheet($"""<row r="1">{InlineCell("A1", text)}</row>""")));

        Assert.Equal(text, rows.Cell("A1").Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SheetWithMoreMergesThanTheLimitIsRefused(bool mergesFirst)
    {
        var merges = string.Concat(Enumerable.Range(1, 11).Select(i => $"""<mergeCell ref="A{i}:B{i}"/>"""));
        var bytes = Package(Sheet($"""<row r="1">{InlineCell("A1", "x")}</row>""", $"<mergeCells>{merges}</mergeCells>"));
        using var reader = Open(bytes, limits: new ReaderLimits { MaxMergedRanges = 10 });

        var error = Rejected(() =>
        {
            if (mergesFirst)
            {
                _ = reader.MergedRanges(0);
            }
            _ = reader.ReadRows(0).ToList();
            _ = reader.MergedRanges(0);
        });

        Assert.Equal(IssueCodes.SheetTooManyMerges, error.Code);
        Assert.Contains("quá 10 vùng ô được gộp", error.Message);
    }

    [Fact]
    public void CancellationIsObservedWhileReadingAMergeTable()
    {
        var merges = string.Concat(Enumerable.Range(1, 50_000).Select(i => $"""<mergeCell ref="A{i}:B{i}"/>"""));
        var bytes = Package(Sheet($"""<row r="1">{InlineCell("A1", "x")}</row>""", $"<mergeCells>{merges}</mergeCells>"));
        using var reader = Open(bytes);
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in reader.ReadRows(0, cancel.Token))
            {
                // The only row is out: cancel while the merge table after it is read.
                cancel.Cancel();
            }
        });
    }

    [Fact]
    public void NulAndOtherControlCharactersFromAnXlsxNeverReachTheGrid()
    {
        // Excel writes characters XML cannot carry as _xHHHH_; _x0000_ is a NUL, _x000D_ a carriage return.
        var sst = $"""<sst xmlns="{MainNs}"><si><t>Sở_x0000_ Công_x0001_ Thương</t></si><si><t>dòng 1_x000D__x000A_dòng 2</t></si><si><t>a_x005F_x0000_b</t></si></sst>""";
        var bytes = Package(Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="str"><v>x_x0000_y</v></c></row>"""), sst);
        using var reader = Open(bytes);

        var grid = SheetGrid.Build(reader.Sheets[0].Name, reader.ReadRows(0), () => reader.MergedRanges(0));

        Assert.Equal("Sở Công Thương", grid.At(1, 1)!.Text);
        Assert.Equal("dòng 1\ndòng 2", grid.At(1, 2)!.Text);
        Assert.Equal("a_x0000_b", grid.At(1, 3)!.Text);
        Assert.Equal("xy", grid.At(1, 4)!.Text);
        Assert.DoesNotContain(grid.RowNumbers.SelectMany(grid.Row), c => c.Text.Contains('\0'));
    }

    /// <summary>Sets general-purpose flag bit 0 (traditional PKWARE encryption) on an entry in both its headers.</summary>
    private static byte[] SetEncryptedFlag(byte[] zip, string entryName)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30).StartsWith(name))
            {
                bytes[i + 6] |= 1;
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46).StartsWith(name))
            {
                bytes[i + 8] |= 1;
            }
        }
        return bytes;
    }

    private static List<(string Name, byte[] Content)> PartsOf(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    /// <summary>Writes entries as given, duplicates included, which ZipArchive in create mode allows.</summary>
    private static byte[] ZipBytes(IReadOnlyList<(string Name, byte[] Content)> parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
