using System.Text;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Csv;

public sealed class CsvDelimiterTests
{
    private static string[] Texts(Core.Grid.SheetRow row) => [.. row.Cells.Select(c => c.Text)];

    private static Core.Grid.SheetRow RowStarting(List<Core.Grid.SheetRow> rows, string first) =>
        rows.Single(r => r.Cells.Count > 0 && r.Cells[0].Text == first);

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    [InlineData('\t')]
    [InlineData('|')]
    public void SeedAppendixIsSplitOnTheSeparatorItWasSavedWith(char separator)
    {
        var rows = ReadAll(ExcelCsv.Utf8(ExcelCsv.Text(Seed004.Rows, separator), bom: false), fileName: "bc.csv");

        Assert.Equal(Seed004.Rows.Count(r => r.Length > 0), rows.Count);
        Assert.Equal(["STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin"],
            Texts(RowStarting(rows, "STT")));
        Assert.Equal(Seed004.Rows.First(r => r.Length > 0 && r[0] == "2"), Texts(RowStarting(rows, "2")));
    }

    [Fact]
    public void UnpaddedRowsOfUnevenLengthsWithOneCellTitlesAreSplitOnSemicolons()
    {
        // Hand-made or exported by another program: no trailing separators, so titles have one field and the
        // table rows differ in length; prose in column A is full of commas.
        var text = "BÁO CÁO TÌNH HÌNH TRIỂN KHAI, ỨNG DỤNG CÔNG NGHỆ\r\n"
            + "Quảng Ngãi, ngày 27 tháng 10 năm 2021\r\n"
            + "1. Công tác chỉ đạo, triển khai và tuyên truyền\r\n"
            + "STT;Nội dung thực hiện;Số, ngày ban hành văn bản;Đơn vị ban hành;Đối tượng tiếp nhận thông tin\r\n"
            + "1;Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ;780/SCT-VP ngày 07/05/2021;Sở Công Thương\r\n"
            + "2;Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ;1532/SCT-QLTM ngày 09/08/2021\r\n"
            + "- Chấp hành nghiêm túc các yêu cầu khai báo y tế, thực hiện việc quét mã QR, khi ra vào cơ quan\r\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Equal(["Quảng Ngãi, ngày 27 tháng 10 năm 2021"], Texts(rows[1]));
        Assert.Equal(5, rows[3].Cells.Count);
        Assert.Equal(["1", "Về việc triển khai, sử dụng các biện pháp, giải pháp công nghệ", "780/SCT-VP ngày 07/05/2021", "Sở Công Thương"], Texts(rows[4]));
        Assert.Single(rows[6].Cells);
    }

    [Fact]
    public void QuotedSeparatorsAndLineBreaksDoNotMisleadTheDetection()
    {
        // Every data row has a quoted cell full of semicolons and line breaks; only the commas outside quotes separate.
        var rows = new[]
        {
            new[] { "TT", "Đối tượng thống kê", "Ghi chú" },
            ["1", "Sở Công Thương; Ban Quản lý chợ;\nChợ Đầu mối Nông sản", "a;b;c"],
            ["2", "UBND huyện Bình Sơn;\nUBND huyện Sơn Tịnh", "d;e"],
            ["3", "Văn phòng UBND tỉnh", "f;g;h;i"],
        };

        var read = ReadAll(ExcelCsv.Utf8(ExcelCsv.Text(rows, ','), bom: true), fileName: "bc.csv");

        Assert.Equal(rows.Select(r => r), read.Select(Texts));
        Assert.Equal([1, 2, 3, 4], read.Select(r => r.Index));
    }

    [Fact]
    public void ExcelSeparatorLineIsHonouredAndIsNotARow()
    {
        // Exports meant for Excel in any locale start with "sep=;"; without it, ',' would look as consistent here.
        var text = ExcelCsv.Text([["Số, ngày", "Đơn vị"], ["780/SCT-VP, ngày 07/05/2021", "Sở Công Thương"]], ';', separatorHint: "sep=;");

        var rows = ReadAll(ExcelCsv.Utf8(text, bom: true), fileName: "bc.csv");

        Assert.Equal([1, 2], rows.Select(r => r.Index));
        Assert.Equal(["Số, ngày", "Đơn vị"], Texts(rows[0]));
        Assert.Equal(["780/SCT-VP, ngày 07/05/2021", "Sở Công Thương"], Texts(rows[1]));
    }

    [Fact]
    public void SeparatorLineInUtf16IsHonoured()
    {
        var text = ExcelCsv.Text([["a,b", "c"], ["d", "e,f"]], '|', separatorHint: "sep=|");

        var rows = ReadAll(ExcelCsv.Utf16(text, bigEndian: false, bom: true), fileName: "bc.csv");

        Assert.Equal([["a,b", "c"], ["d", "e,f"]], rows.Select(Texts));
    }

    [Fact]
    public void DecimalCommasInASemicolonFileWithProseStillSplitOnSemicolons()
    {
        var text = "Tổng số;1,5;2,5\r\nHuế, Hà Nội;3,25;4,75\r\n";

        var rows = ReadAll(Encoding.UTF8.GetBytes(text), fileName: "bc.csv");

        Assert.Equal(["Huế, Hà Nội", "3,25", "4,75"], Texts(rows[1]));
    }
}
