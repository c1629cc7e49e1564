using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Csv;

/// <summary>Broken and hostile CSVs: each is refused with a Vietnamese message that says where, or read safely.</summary>
public sealed class CsvHostileTests
{
    private static FileRejectedException RejectedOnRead(byte[] bytes, ReaderLimits? limits = null) =>
        Rejected(() => Consume(bytes, "bc.csv", limits));

    private static byte[] Seed(char separator) => ExcelCsv.Utf8(ExcelCsv.Text(Seed004.Rows, separator), bom: true);

    [Fact]
    public void QuoteOpenedAndNeverClosedIsRefusedNamingItsLine()
    {
        // Row 2 of section 1 lost its closing quote: the rest of the file would become one cell and every later
        // column would shift.
        var text = ExcelCsv.Text(Seed004.Rows, ',');
        var broken = text.Replace("Covid-19 trong tình hình mới\",", "Covid-19 trong tình hình mới,");
        Assert.NotEqual(text, broken);
        var line = broken[..broken.IndexOf("Về việc triển khai, sử dụng", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = RejectedOnRead(ExcelCsv.Utf8(broken, bom: true));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains($"dòng {line}", error.Message);
        Assert.Contains("dấu ngoặc kép", error.Message);
        Assert.True(error.Message.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void StrayQuoteThatSwallowsLinesUntilAnotherQuoteIsRefused()
    {
        // The quote opened on line 2 is "closed" by the quote that opens a cell on line 3, and text follows it:
        // Excel would shift the columns of both rows.
        var text = "STT,Nội dung,Ghi chú\r\n1,\"Triển khai văn bản,x\r\n2,\"Chợ Đầu mối\",y\r\n3,Hết,z\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void QuoteClosedMidCellOnOneLineIsRefusedRatherThanShiftingTheRow()
    {
        // The closing quote of "Về việc…" is missing, so the quote opening the last cell closes it: Excel would
        // read this row one column short, with half the recipients in the issuing-unit column.
        var text = "STT,Nội dung thực hiện,\"Số, ngày ban hành văn bản\",Đơn vị ban hành,Đối tượng tiếp nhận thông tin\r\n"
            + "1,\"Về việc triển khai, sử dụng các giải pháp,780/SCT-VP ngày 07/05/2021,Sở Công Thương,\"Công chức, viên chức\"\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void SpacesAfterAClosingQuoteAreKept()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("a,\"Công văn, số 12\" ,c\r\nd,e,f\r\n"), fileName: "bc.csv");

        Assert.Equal("Công văn, số 12 ", rows.Cell("B1").Text);
        Assert.Equal("c", rows.Cell("C1").Text);
    }

    [Fact]
    public void TextAfterAClosingQuoteAndASpaceIsRefused()
    {
        var error = RejectedOnRead(Encoding.UTF8.GetBytes("a,b,c\r\nd,\"Công văn\" số 12,f\r\n"));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void QuoteInsideAnUnquotedCellIsText()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("Tên;Ghi chú\r\nChợ \"Đầu mối\";Bảng 2\"\r\n"), fileName: "bc.csv");

        Assert.Equal("Chợ \"Đầu mối\"", rows.Cell("A2").Text);
        Assert.Equal("Bảng 2\"", rows.Cell("B2").Text);
    }

    [Fact]
    public void HugeUnquotedCellIsRefusedNamingItsLineBeforeItIsRead()
    {
        var text = "STT;Nội dung\r\n1;Triển khai\r\n2;" + new string('x', 19 * 1024 * 1024) + "\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CellTooLong, error.Code);
        Assert.Contains("dòng 3", error.Message);
        Assert.Contains("32.767", error.Message);
    }

    [Fact]
    public void CellJustUnderTheLimitIsRead()
    {
        var content = new string('ệ', 32_767);

        var rows = ReadAll(Encoding.UTF8.GetBytes($"a;b\r\n1;\"{content}\"\r\n"), fileName: "bc.csv");

        Assert.Equal(content, rows.Cell("B2").Text);
    }

    [Fact]
    public void HugeQuotedCellOnOneLineIsTooLong()
    {
        var error = RejectedOnRead(Encoding.UTF8.GetBytes("a;b\r\n1;\"" + new string('y', 40_000) + "\"\r\n"),
            new ReaderLimits { MaxCellCharacters = 32_767 });

        Assert.Equal(IssueCodes.CellTooLong, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void UnclosedQuoteOverManyLinesIsReportedAsTheQuoteOnceTheCellOverflows()
    {
        var text = "STT,Nội dung\r\n1,\"Triển khai\r\n" + string.Concat(Enumerable.Repeat("2,Công văn số 780/SCT-VP\r\n", 20));

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text), new ReaderLimits { MaxCellCharacters = 100 });

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void QuoteNeverClosedInAFileLargerThanARecordMayGrowIsRefusedNamingItsLine()
    {
        // Megabytes of rows after the open quote: CsvHelper stops buffering the record, and the line it began on is named.
        var text = "STT;Nội dung\r\n1;\"Triển khai\r\n" + string.Concat(Enumerable.Repeat("2;Công văn số 780/SCT-VP\r\n", 150_000));

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void HugeCellAfterAHintAndAMultiLineCellNamesTheLineNotepadShows()
    {
        // Line 1 is the "sep=;" hint and the quoted cell on lines 3–4 is one row: the giant cell starts on line 5.
        var text = "sep=;\r\nSTT;Nội dung\r\n\"Chỉ thị\r\nsố 12\";x\r\n2;" + new string('x', 3 * 1024 * 1024) + "\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CellTooLong, error.Code);
        Assert.Contains("dòng 5", error.Message);
    }

    [Fact]
    public void QuotedCellOverTheLimitAcrossLinesIsReportedAsTheQuote()
    {
        var text = "STT;Nội dung\r\n1;\"Triển khai\r\n" + string.Concat(Enumerable.Repeat("văn bản số 780\r\n", 20)) + "\";x\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text), new ReaderLimits { MaxCellCharacters = 100 });

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsRefusedEvenAfterAStrayQuoteInTheSameRow()
    {
        // The stray quote in column B is text; the quoted cell in column C closes early and text follows it.
        var text = "STT,Tên,Ghi chú,X\r\n1,Chợ \"Đầu mối,\"Bảng 2\" và 3,x\r\n";

        var error = RejectedOnRead(Encoding.UTF8.GetBytes(text));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 2", error.Message);
    }

    [Fact]
    public void LinesOfAFileWithAHintAreCountedAsNotepadCountsThem()
    {
        var error = RejectedOnRead(Encoding.UTF8.GetBytes("sep=;\r\nSTT;Nội dung\r\n1;\"Công văn\" số 12\r\n"));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 3", error.Message);
    }

    [Fact]
    public void OldMacLineEndingsEndRowsAndLines()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("STT;Tên\r1;Sở Y tế\r\r3;Sở Công Thương\r"), fileName: "bc.csv");
        Assert.Equal([1, 2, 4], rows.Select(r => r.Index));
        Assert.Equal("Sở Công Thương", rows.Cell("B4").Text);

        var error = RejectedOnRead(Encoding.UTF8.GetBytes("STT;Tên\r1;Sở Y tế\r2;\"Sở\" Công Thương\r"));
        Assert.Equal(IssueCodes.CsvUnbalancedQuote, error.Code);
        Assert.Contains("dòng 3", error.Message);
    }

    [Fact]
    public void ByteOrderMarkAtTheStartOfACellIsDropped()
    {
        var rows = ReadAll(Encoding.UTF8.GetBytes("STT;Tên\r\n1;\uFEFFSở Y tế\r\n"), fileName: "bc.csv");

        Assert.Equal("Sở Y tế", rows.Cell("B2").Text);
    }

    [Fact]
    public void SheetWithMoreCellsThanTheLimitIsRefused()
    {
        var limits = new ReaderLimits { MaxCellsPerSheet = 100 };
        var ok = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i};Sở {i};x;y;z\r\n"));

        Assert.Equal(20, ReadAll(Encoding.UTF8.GetBytes(ok), fileName: "bc.csv", limits: limits).Count);
        var error = RejectedOnRead(Encoding.UTF8.GetBytes(ok + "21;Sở 21;x;y;z\r\n"), limits);
        Assert.Equal(IssueCodes.SheetTooManyCells, error.Code);
        Assert.Contains("100", error.Message);
    }

    [Fact]
    public void LineWithMoreFieldsThanColumnsIsRefusedWhileSplitting()
    {
        var error = RejectedOnRead(Encoding.UTF8.GetBytes("a;b\r\n" + new string(';', 20_000) + "x\r\n"));

        Assert.Equal(IssueCodes.FileCorrupt, error.Code);
        Assert.Contains("16.384 cột", error.Message);
    }

    [Fact]
    public void IsolatedNulAfterTheFirst64KbIsStrippedFromTheCell()
    {
        var filler = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"{i};Sở Công Thương tỉnh Quảng Ngãi\r\n"));
        Assert.True(Encoding.UTF8.GetByteCount(filler) > 64 * 1024);
        var bytes = Encoding.UTF8.GetBytes(filler + "2001;Chợ\0 Đầu\u0007 mối\r\n");

        var rows = ReadAll(bytes, fileName: "bc.csv");

        Assert.Equal("Chợ Đầu mối", rows.Cell("B2001").Text);
        Assert.DoesNotContain(rows.SelectMany(r => r.Cells), c => c.Text.Any(ch => char.IsControl(ch)));
    }

    [Fact]
    public void BinaryAppendedAfterTheFirst64KbIsNotText()
    {
        var filler = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"{i};Sở Công Thương tỉnh Quảng Ngãi\r\n"));
        var blob = new byte[8 * 1024];
        new Random(1258).NextBytes(blob);

        var error = Rejected(() => Open([.. Encoding.UTF8.GetBytes(filler), .. blob], "bc.csv"));

        Assert.Equal(IssueCodes.FileNotSpreadsheet, error.Code);
    }

    [Fact]
    public void CsvSavedOverWithNulsIsNotText()
    {
        var bytes = Seed(';');
        var tail = bytes.Length / 2;
        Array.Clear(bytes, tail, bytes.Length - tail);

        Assert.Equal(IssueCodes.FileNotSpreadsheet, Rejected(() => Open(bytes, "bc.csv")).Code);
    }

    [Fact]
    public void FileOfSeparatorsAndQuotesAloneIsEmpty()
    {
        var bytes = ExcelCsv.Utf16(";;;;\r\n\"\";;;\r\n;;;;\r\n", bigEndian: false, bom: true);

        Assert.Equal(IssueCodes.FileEmpty, Rejected(() => Open(bytes, "bc.csv")).Code);
    }

    [Fact]
    public void RowsAreDecodedAsTheyAreRead()
    {
        // The first rows come back before the broken end of the file is reached.
        var text = ExcelCsv.Text(Seed004.Rows, ';') + "1;\"không đóng\r\n";
        using var reader = Open(Encoding.UTF8.GetBytes(text), "bc.csv");
        using var rows = reader.ReadRows(0).GetEnumerator();

        Assert.True(rows.MoveNext());
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", rows.Current.Cells[0].Text);
        Assert.Equal(IssueCodes.CsvUnbalancedQuote, Rejected(() =>
        {
            while (rows.MoveNext())
            {
            }
        }).Code);
    }
}
