using System.Text;
using ReportHub.Core.Issues;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Csv;

public sealed class CsvSeparatorTests
{
    private static string[] Texts(Core.Grid.SheetRow row) => [.. row.Cells.Select(c => c.Text)];

    [Theory]
    [InlineData('§')]
    [InlineData('；')]
    [InlineData('¦')]
    [InlineData('·')]
    public void NonAsciiSeparatorNamedBySepLineIsHonoured(char separator)
    {
        var text = $"sep={separator}\r\nSố, ngày{separator}Đơn vị{separator}Ghi chú\r\n780/SCT-VP; 07/05/2021{separator}\"Sở{separator}Công Thương\"{separator}a|b\r\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Equal([1, 2], rows.Select(r => r.Index));
        Assert.Equal(["Số, ngày", "Đơn vị", "Ghi chú"], Texts(rows[0]));
        Assert.Equal(["780/SCT-VP; 07/05/2021", $"Sở{separator}Công Thương", "a|b"], Texts(rows[1]));
    }

    [Fact]
    public void NonAsciiSeparatorInUtf16IsHonoured()
    {
        var text = "sep=§\r\na,b§c\r\nd§e;f\r\n";

        var rows = ReadAll(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), fileName: "bc.csv");

        Assert.Equal([["a,b", "c"], ["d", "e;f"]], rows.Select(Texts));
    }

    [Fact]
    public void SeparatorThatCannotBeStoodInForIsRefusedPlainly()
    {
        var everyAscii = new string([.. Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => c != '"')]);
        var text = $"sep=§\r\n\"{everyAscii}\"§b\r\n\tx§y\r\n";

        var rejected = Rejected(() => ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv"));

        Assert.Equal(IssueCodes.CsvSeparatorUnusable, rejected.Code);
        Assert.Contains("“§”", rejected.Message);
    }

    [Fact]
    public void LineWrittenWithAnotherSeparatorIsRefusedNamingItNotAsAnUnclosedQuote()
    {
        var lines = new List<string> { "STT,Đơn vị,Số mã QR,Số lượt quét" };
        for (var i = 1; i <= 10; i++)
        {
            lines.Add($"{i},\"Xã {i}, huyện Bình Sơn\",{i * 10},{i * 100}");
        }
        lines.Add("11;\"Xã 11, huyện Sơn Tịnh\";110;1100");
        lines.Add("12,Xã 12,120,1200");
        lines.Add("13;Xã 13;130;1300");

        var rejected = Rejected(() => ReadAll(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), fileName: "bc.csv"));

        Assert.Equal(IssueCodes.CsvMixedSeparators, rejected.Code);
        Assert.Contains("dòng 12 dùng dấu “;”; dòng 14 dùng dấu “;” trong khi các dòng khác dùng dấu “,”", rejected.Message);
    }

    [Fact]
    public void MixedSeparatorLinesAfterASepLineAreCountedFromTheFileStart()
    {
        var text = "sep=;\r\nSTT;Đơn vị;Số mã QR\r\n1;Xã A;10\r\n2,Xã B,20\r\n";

        var rejected = Rejected(() => ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv"));

        Assert.Equal(IssueCodes.CsvMixedSeparators, rejected.Code);
        Assert.Contains("dòng 4 dùng dấu “,” trong khi các dòng khác dùng dấu “;”", rejected.Message);
    }

    [Theory]
    [InlineData("Kính gửi: Sở Y tế; Sở Công Thương; UBND các huyện")]
    [InlineData("Ghi chú;số liệu đến 27/10/2021")]
    [InlineData("\"a;b;c\"")]
    public void OneCellLinesOfProseAreNotMistakenForAnotherSeparator(string line)
    {
        var text = $"{line}\r\nSTT,Đơn vị,Số mã QR\r\n1,Xã A,10\r\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Single(rows[0].Cells);
        Assert.Equal(["1", "Xã A", "10"], Texts(rows[2]));
    }

    [Fact]
    public void UnclosedQuoteIsStillReportedAsOne()
    {
        var text = "STT,Đơn vị,Số mã QR\r\n1,\"Xã A,10\r\n2,Xã B,20\r\n";

        var rejected = Rejected(() => ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv"));

        Assert.Equal(IssueCodes.CsvUnbalancedQuote, rejected.Code);
    }
}
