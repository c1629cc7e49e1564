using System.Globalization;
using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using ReportHub.Readers.Xlsx;
using ReportHub.Readers.Tests.Support;
using ReportHub.Testing.Repo;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xlsx;

/// <summary>
/// The byte scanner against XmlReader: every workbook is read both ways and must give the same rows, cells, merges
/// and rejections; the edge cases also check what the scanner yields and whether it had to hand a part back.
/// </summary>
public sealed class XlsxScannerTests
{
    private static readonly string Styles = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MainNs}"><fonts count="2"><font><name val="Calibri"/></font><font><name val=".VnTime"/></font></fonts><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>""";

    public static TheoryData<string> SampleWorkbooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepoPaths.Samples, "*.xlsx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Samples, path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleWorkbooks))]
    public void SampleWorkbookReadsTheSameThroughTheScannerAsThroughXmlReader(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, relativePath));

        var (scanned, fallbacks) = Dump(bytes, useScanner: true);
        var (reference, _) = Dump(bytes, useScanner: false);

        Assert.Equal(reference, scanned);
        Assert.Contains("\nR ", scanned, StringComparison.Ordinal);
        Assert.Equal(0, fallbacks);
    }

    [Fact]
    public void ClosedXmlAppendixReadsTheSameThroughTheScannerAsThroughXmlReader()
    {
        var bytes = ClosedXmlWorkbooks.Appendix();

        var (scanned, fallbacks) = Dump(bytes, useScanner: true);

        Assert.Equal(Dump(bytes, useScanner: false).Text, scanned);
        Assert.Equal(0, fallbacks);
    }

    [Fact]
    public void EntitiesAndCharacterReferencesAreDecoded()
    {
        var sheet = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>A &amp; B &lt;&gt;&quot;&apos; &#7889;&#x1EA1;</t></is></c><c r="B1" t="str"><v>&#65;&#x42;C</v></c><c r="C1"><v>&#49;&#50;</v></c></row>""");

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal("A & B <>\"' ốạ", rows.Cell("A1").Text);
        Assert.Equal("ABC", rows.Cell("B1").Text);
        Assert.Equal(12d, rows.Cell("C1").Number);
    }

    [Fact]
    public void LineBreaksAreNormalisedAsXmlReaderDoes()
    {
        var sheet = Sheet("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\r\nb\rc&#13;d</v></c></row>");

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal("a\nb\nc\rd", rows.Cell("A1").Text);
    }

    [Fact]
    public void DeclaredPrefixesAreReadByLocalName()
    {
        var sheet = $"""<?xml version="1.0" encoding="utf-8" standalone="yes"?><x:worksheet xmlns:x="{MainNs}" xmlns:x14ac="urn:x14ac"><x:sheetData><x:row r="2" x14ac:dyDescent="0.25"><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> Sở Y tế </x:t></x:is></x:c><x:c r="C2"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>""";

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal(" Sở Y tế ", rows.Cell("B2").Text);
        Assert.Equal(5d, rows.Cell("C2").Number);
    }

    [Fact]
    public void UndeclaredPrefixGoesToXmlReaderWhichCallsTheFileCorrupt()
    {
        var sheet = Sheet("""<row r="1"><c r="A1"><v>1</v></c></row><y:row r="2"><c r="A2"><v>2</v></c></y:row>""");

        var (text, fallbacks) = Dump(Package(sheet), useScanner: true);

        Assert.Equal(Dump(Package(sheet), useScanner: false).Text, text);
        Assert.Contains(IssueCodes.FileCorrupt, text, StringComparison.Ordinal);
        Assert.Contains("nội dung XML không hợp lệ", text, StringComparison.Ordinal);
        Assert.NotEqual(0, fallbacks);
    }

    [Theory]
    [InlineData("<!-- ghi chú -->")]
    [InlineData("<?mso-application progid=\"Excel.Sheet\"?>")]
    [InlineData("<row r=\"3\"><c r=\"A3\"><v><![CDATA[7]]></v></c></row>")]
    [InlineData("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>")]
    public void WhatTheScannerDoesNotReadMidSheetIsReadByXmlReaderWithoutRepeatingRows(string oddity)
    {
        var sheet = Sheet($"""<row r="1"><c r="A1"><v>1</v></c></row>{oddity}<row r="4"><c r="A4"><v>4</v></c></row>""", """<mergeCells><mergeCell ref="A1:B1"/></mergeCells>""");

        var (text, fallbacks) = Dump(Package(sheet), useScanner: true);

        Assert.Equal(Dump(Package(sheet), useScanner: false).Text, text);
        Assert.NotEqual(0, fallbacks);
    }

    [Fact]
    public void CdataRowsAreReadOnceAndInOrderAfterTheFallback()
    {
        var sheet = Sheet("""<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v><![CDATA[2]]></v></c></row><row r="3"><c r="A3"><v>3</v></c></row>""");

        var rows = ReadSame(Package(sheet), expectFallback: true);

        Assert.Equal([1, 2, 3], rows.Select(r => r.Index));
        Assert.Equal([1d, 2d, 3d], rows.Select(r => r.Cells.Single().Number!.Value));
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("UTF-16")]
    public void PartsInOtherEncodingsAreLeftToXmlReader(string encoding)
    {
        var text = $"""<?xml version="1.0" encoding="{encoding}"?><worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tổng cộng</t></is></c></row></sheetData></worksheet>""";
        var bytes = encoding == "UTF-16"
            ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]
            : Encoding.Latin1.GetBytes(text.Replace("Tổng cộng", "Tong cong", StringComparison.Ordinal));
        var package = Zip(new Dictionary<string, byte[]> { ["xl/worksheets/sheet1.xml"] = bytes });

        var rows = ReadSame(package, expectFallback: false);

        Assert.Equal(encoding == "UTF-16" ? "Tổng cộng" : "Tong cong", rows.Cell("A1").Text);
    }

    [Fact]
    public void InlineRichTextJoinsRunsAndTakesTheFirstRunFont()
    {
        var sheet = Sheet("""<row r="1"><c r="A1" t="inlineStr" s="2"><is><r><rPr><b/><rFont val="Times New Roman"/></rPr><t>Sở </t></r><r><rPr><rFont val="Arial"/></rPr><t xml:space="preserve">Tài chính</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="B1" t="inlineStr" s="2"><is><t>Không định dạng</t></is></c></row>""");

        var rows = ReadSame(Package(sheet, stylesXml: Styles), expectFallback: false);

        Assert.Equal(("Sở Tài chính", "Times New Roman"), (rows.Cell("A1").Text, rows.Cell("A1").Font));
        Assert.Equal(".VnTime", rows.Cell("B1").Font);
    }

    [Fact]
    public void SharedStringRunsKeepTheirFonts()
    {
        var sst = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MainNs}"><si><r><rPr><rFont val="Arial"/></rPr><t>Mã </t></r><r><t>QR</t></r></si><si><t>Sở_x000D_ Nội vụ</t></si><si/></sst>""";
        var sheet = Sheet("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>""");

        var rows = ReadSame(Package(sheet, sst), expectFallback: false);

        Assert.Equal(("Mã QR", "Arial"), (rows.Cell("A1").Text, rows.Cell("A1").Font));
        Assert.Equal("Sở\r Nội vụ", rows.Cell("B1").Text);
        Assert.Equal(2, rows.Single().Cells.Count);
    }

    [Fact]
    public void DatesOfA1904WorkbookAreShifted()
    {
        var workbook = $"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        var sheet = Sheet("""<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44500</v></c><c r="C1" t="d"><v>2021-10-26T00:00:00</v></c></row>""");

        var rows = ReadSame(Package(sheet, stylesXml: Styles, workbookXml: workbook), expectFallback: false);

        Assert.Equal((CellKind.Date, "01/01/1904"), (rows.Cell("A1").Kind, rows.Cell("A1").Text));
        Assert.Equal(DateTime.FromOADate(44500 + 1462).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), rows.Cell("B1").Text);
        Assert.Equal("26/10/2021", rows.Cell("C1").Text);
    }

    [Fact]
    public void MissingReferencesFollowTheCellOrRowBefore()
    {
        var sheet = Sheet("""<row><c><v>1</v></c><c r="D1"><v>4</v></c><c><v>5</v></c></row><row r="7"><c><v>7</v></c></row><row><c r="B8"/><c><v>3</v></c></row>""");

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal(["A1", "D1", "E1", "A7", "C8"], rows.SelectMany(r => r.Cells).Select(c => c.Address));
    }

    [Fact]
    public void EmptyCellsErrorsBooleansAndOddValuesKeepTheirKinds()
    {
        var sheet = Sheet("""<row r="1"><c r="A1"/><c r="B1" s="2"/><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="b"><v> 1 </v></c><c r="E1" t="b"><v>0</v></c><c r="F1"><v>không số</v></c><c r="G1"><v>  </v></c><c r="H1"><v>1E3</v></c><c r="I1" t="s"><v> </v></c><c r="J1"><f>SUM(A1:B1)</f><v>-0.5</v></c><c r="K1" t="inlineStr"><v>thẳng</v></c></row>""");

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal(
            ["C1 Error #DIV/0!", "D1 Boolean TRUE", "E1 Boolean FALSE", "F1 Text không số", "H1 Number 1000", "J1 Number -0.5", "K1 Text thẳng"],
            rows.Single().Cells.Select(c => $"{c.Address} {c.Kind} {c.Text}"));
    }

    [Fact]
    public void FormulaCellsAreMarkedAndKeepTheirCachedValuesOnBothPaths()
    {
        var sheet = Sheet("""<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1" t="str"><f>"x"&amp;A1</f><v>x2</v></c><c r="D1"><f>A1</f></c></row>""");

        var rows = ReadSame(Package(sheet), expectFallback: false);

        Assert.Equal(["A1 Number 2 False", "B1 Number 4 True", "C1 Text x2 True"],
            rows.Single().Cells.Select(c => $"{c.Address} {c.Kind} {c.Text} {c.IsFormula}"));
    }

    [Fact]
    public void CellOverTheCharacterLimitIsRefusedNamingTheCell()
    {
        var sheet = Sheet($"""<row r="3"><c r="B3" t="str"><v>{new string('ả', 11)}</v></c></row>""");

        var text = ReadSameRejection(Package(sheet), new ReaderLimits { MaxCellCharacters = 10 });

        Assert.Contains(IssueCodes.CellTooLong, text, StringComparison.Ordinal);
        Assert.Contains("Ô B3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRowsColumnsCellsAndMergesAreRefusedAsBefore()
    {
        var many = Sheet(string.Concat(Enumerable.Range(1, 12).Select(r => $"""<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"/></row>""")),
            $"""<mergeCells>{string.Concat(Enumerable.Range(1, 12).Select(r => $"""<mergeCell ref="A{r}:B{r}"/>"""))}</mergeCells>""");

        Assert.Contains(IssueCodes.SheetTooManyRows, ReadSameRejection(Package(many), new ReaderLimits { MaxRows = 10 }), StringComparison.Ordinal);
        Assert.Contains(IssueCodes.SheetTooManyCells, ReadSameRejection(Package(many), new ReaderLimits { MaxCellsPerSheet = 20 }), StringComparison.Ordinal);
        Assert.Contains(IssueCodes.SheetTooManyMerges, ReadSameRejection(Package(many), new ReaderLimits { MaxMergedRanges = 11 }), StringComparison.Ordinal);
        var wide = Sheet("""<row r="1"><c r="A1"><v>1</v></c><c r="AB1"><v>2</v></c></row>""");
        Assert.Contains("quá 20 cột", ReadSameRejection(Package(wide), new ReaderLimits { MaxColumns = 20 }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")]
    [InlineData("<row r=\"1\"><c r=\"A1\" r=\"B1\"><v>1</v></c></row>")]
    [InlineData("<row r=\"1\"><c r=\"A1\"><v>1 &#0; 2</v></c></row>")]
    [InlineData("<row r=\"1\"><c r=\"A1\" t=\"s<\"><v>1</v></c></row>")]
    public void MalformedXmlIsTheVietnameseCorruptFileRejection(string sheetData)
    {
        var sheet = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MainNs}"><sheetData>{sheetData}""";
        if (!sheetData.EndsWith("2", StringComparison.Ordinal))
        {
            sheet += "</sheetData></worksheet>";
        }

        var text = ReadSameRejection(Package(sheet), null);

        Assert.Contains(IssueCodes.FileCorrupt, text, StringComparison.Ordinal);
        Assert.Contains("nội dung XML không hợp lệ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsLeftToXmlReader()
    {
        var head = Encoding.UTF8.GetBytes($"""<worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""");
        var tail = Encoding.UTF8.GetBytes("</t></is></c></row></sheetData></worksheet>");
        var package = Zip(new Dictionary<string, byte[]> { ["xl/worksheets/sheet1.xml"] = [.. head, 0xC3, 0x28, .. tail] });

        // A part this small is checked whole before the first row, so it goes to XmlReader from the start.
        var (text, _) = Dump(package, useScanner: true);

        Assert.Equal(Dump(package, useScanner: false).Text, text);
    }

    [Fact]
    public void ASheetLongerThanTheScanBufferReadsTheSame()
    {
        // Rows of varied lengths make tags and texts straddle every buffer refill.
        var rows = string.Concat(Enumerable.Range(1, 20_000).Select(r =>
            $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{new string('ư', r % 37)}&amp;{r}</t></is></c><c r="B{r}"><v>{(r * 1.25).ToString(CultureInfo.InvariantCulture)}</v></c></row>"""));
        var bytes = Package(Sheet(rows));

        var (scanned, fallbacks) = Dump(bytes, useScanner: true);

        Assert.Equal(Dump(bytes, useScanner: false).Text, scanned);
        Assert.Equal(0, fallbacks);
    }

    /// <summary>Rows read both ways must agree; returns the scanner's rows.</summary>
    private static List<SheetRow> ReadSame(byte[] bytes, bool expectFallback)
    {
        var (scanned, fallbacks) = Dump(bytes, useScanner: true);
        Assert.Equal(Dump(bytes, useScanner: false).Text, scanned);
        Assert.DoesNotContain("REJECTED", scanned, StringComparison.Ordinal);
        Assert.Equal(expectFallback, fallbacks > 0);
        using var reader = new XlsxWorkbookReader(bytes, "bao-cao.xlsx", ReaderLimits.Default);
        return [.. reader.ReadRows(0)];
    }

    private static string ReadSameRejection(byte[] bytes, ReaderLimits? limits)
    {
        var (scanned, _) = Dump(bytes, useScanner: true, limits);
        Assert.Equal(Dump(bytes, useScanner: false, limits).Text, scanned);
        Assert.Contains("REJECTED", scanned, StringComparison.Ordinal);
        return scanned;
    }

    /// <summary>
    /// Everything a caller can see, as text: each sheet's merges asked first (a fresh reader), then its rows and the
    /// merges after them; a rejection ends the dump with its code and message.
    /// </summary>
    private static (string Text, int Fallbacks) Dump(byte[] bytes, bool useScanner, ReaderLimits? limits = null)
    {
        var text = new StringBuilder();
        var fallbacks = 0;
        try
        {
            using (var first = new XlsxWorkbookReader(bytes, "bao-cao.xlsx", limits ?? ReaderLimits.Default, useScanner))
            {
                try
                {
                    for (var sheet = 0; sheet < first.Sheets.Count; sheet++)
                    {
                        text.Append("M ").AppendJoin(' ', first.MergedRanges(sheet)).AppendLine();
                    }
                }
                finally
                {
                    fallbacks += first.ScannerFallbacks;
                }
            }
            using var reader = new XlsxWorkbookReader(bytes, "bao-cao.xlsx", limits ?? ReaderLimits.Default, useScanner);
            for (var sheet = 0; sheet < reader.Sheets.Count; sheet++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"S {reader.Sheets[sheet]}");
                try
                {
                    foreach (var row in reader.ReadRows(sheet))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"R {row.Index}:");
                        foreach (var c in row.Cells)
                        {
                            text.Append(CultureInfo.InvariantCulture, $" [{c.Row},{c.Column},{c.Kind},{c.Text},{c.Number?.ToString("R", CultureInfo.InvariantCulture)},{c.Font}{(c.IsFormula ? ",f" : "")}]");
                        }
                        text.AppendLine();
                    }
                    text.Append("M ").AppendJoin(' ', reader.MergedRanges(sheet)).AppendLine();
                }
                finally
                {
                    fallbacks += reader.ScannerFallbacks;
                }
            }
        }
        catch (FileRejectedException e)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"REJECTED {e.Code}: {e.Message}");
        }
        return (text.ToString(), fallbacks);
    }

    private static byte[] Zip(Dictionary<string, byte[]> sheets)
    {
        var parts = new Dictionary<string, byte[]>();
        using (var reader = new System.IO.Compression.ZipArchive(new MemoryStream(Package(Sheet("")))))
        {
            foreach (var entry in reader.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts[entry.FullName] = copy.ToArray();
            }
        }
        foreach (var (name, content) in sheets)
        {
            parts[name] = content;
        }
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
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
