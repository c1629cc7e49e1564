using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

public sealed class TemplateParserTests
{
    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);

    private static ParseResult Parse(SheetBuilder sheet) =>
        Parser.Parse(sheet, new ParseOptions { Today = new DateOnly(2021, 10, 27) });

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(40, 12)]
    public void SeedAppendixParsesAtAnyOffset(int row, int column)
    {
        var result = Parse(SeedReport.Full(row, column));

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => i.Message)));
        var report = result.Report!;
        Assert.Equal(3, report.Directives.Count);
        Assert.Equal(1, report.QrCodes);
        Assert.Equal(541, report.QrScans);
        var second = report.Directives[1];
        Assert.Equal("1532", second.Citation!.Number);
        Assert.Equal("SCT-QLTM", second.Citation.Symbol);
        Assert.Equal(new DateOnly(2021, 8, 9), second.Citation.Date);
        Assert.Equal(3, second.Recipients.Count);
        Assert.Equal("Chợ Đầu mối Nông sản Quảng Ngãi", second.Recipients[1]);
        Assert.Equal(2, report.Directives[2].Recipients.Count);
        Assert.Equal(new DateOnly(2021, 8, 30), report.Directives[2].Citation!.Date);
    }

    [Fact]
    public void HeaderLinesAreRead()
    {
        var header = Parse(SeedReport.Full(3, 2)).Report!.Header;

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], header.IssuingBody);
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", header.GoverningBody);
        Assert.Equal("SỞ CÔNG THƯƠNG", header.IssuingBodyLine);
        Assert.Equal("2162", header.Number!.Number);
        Assert.Equal("SCT-VP", header.Number.Symbol);
        Assert.Equal("Quảng Ngãi", header.PlaceDate!.Place);
        Assert.Equal(new DateOnly(2021, 10, 27), header.PlaceDate.Date);
        Assert.StartsWith("báo cáo tình hình", header.Subject);
        Assert.Equal(["Sở Thông tin và Truyền thông tỉnh Quảng Ngãi"], header.Recipients);
        Assert.Equal("1406", header.RequestCited!.Number);
        Assert.Equal("STTTT-BCVT&CNTT", header.RequestCited.Symbol);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], header.Signer);
        Assert.Equal("Nguyễn Đức Huy", header.SignerName);
        // Offset (3, 2): the header starts at B3; the issuer, the line to fix when it is wrong, is under it.
        Assert.Equal("B3", header.Cells["governingBody"]);
        Assert.Equal("B4", header.Cells["issuingBody"]);
        Assert.Equal("B5", header.Cells["number"]);
        Assert.Equal("E5", header.Cells["placeDate"]);
        Assert.Equal("B8", header.Cells["request"]);
    }

    [Fact]
    public void NarrativeSectionsAreKeptAndNoneMeansEmpty()
    {
        var narratives = Parse(SeedReport.Full()).Report!.Narratives;

        Assert.Equal(["inspection", "results", "recommendations"], narratives.Select(n => n.Key));
        Assert.Contains("phòng chống dịch", narratives[0].Text);
        Assert.False(narratives[0].IsEmpty);
        Assert.True(narratives[2].IsEmpty);
    }

    [Fact]
    public void ColumnOrderComesFromTheHeaderRow()
    {
        var sheet = SeedReport.Section1(SeedReport.Header(new SheetBuilder()))
            .Line("2. KẾT QUẢ TẠO, QUẢN LÝ MÃ QR ĐỊA ĐIỂM")
            .Line("Ghi chú", "Tổng số lượt quét mã QR của các địa điểm:", "ĐỐI TƯỢNG  THỐNG KÊ", "TT", "Tổng số mã QR địa điểm đã tạo và quản lý")
            .Line(null, "1.234", "Xã Bình Thạnh", 1, 12)
            .Line("mới", "2,500", "Xã Bình Thanh", 2, 30);

        var report = Parse(sheet).Report!;

        Assert.Equal(42, report.QrCodes);
        Assert.Equal(3734, report.QrScans);
        Assert.Equal("Xã Bình Thạnh", report.QrRows[0].Entity);
    }

    [Fact]
    public void DecomposedTextIsReadLikeComposedText()
    {
        var sheet = new SheetBuilder()
            .Line("1. Công tác chỉ đạo, triển khai và tuyên truyền".Normalize(System.Text.NormalizationForm.FormD))
            .Line("STT", "Nội dung thực hiện".Normalize(System.Text.NormalizationForm.FormD), "Số, ngày ban hành văn bản".Normalize(System.Text.NormalizationForm.FormD), "Đơn vị ban hành")
            .Line(1, "Tuyên truyền", "12/UBND-VP ngày 01/10/2021", "UBND huyện")
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm".Normalize(System.Text.NormalizationForm.FormD))
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR", "Tổng số lượt quét mã QR")
            .Line(1, "Xã A", 2, 3);

        var report = Parse(sheet).Report!;

        Assert.Single(report.Directives);
        Assert.Equal(3, report.QrScans);
    }

    [Fact]
    public void TotalRowIsCheckedAndNotCounted()
    {
        var good = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú")
            .Line(1, "Thị trấn Châu Ổ", 10, 1000)
            .Line(2, "Xã Bình Đông", 5, 500)
            .Line(null, "Tổng cộng", 15, 1500);
        var goodReport = Parse(good);
        Assert.False(goodReport.HasErrors);
        Assert.Equal(1500, goodReport.Report!.QrScans);
        Assert.Equal(2, goodReport.Report.QrRows.Count);

        var bad = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú")
            .Line(1, "Thị trấn Châu Ổ", 10, 1000)
            .Line(2, "Xã Bình Đông", 5, 500)
            .Line("Cộng", null, 15, 1600);
        var issue = Assert.Single(Parse(bad).Issues, i => i.Code == IssueCodes.TotalMismatch);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("D12", issue.Cell);
        Assert.Contains("1.500", issue.Message);
    }

    [Theory]
    [InlineData("-5", IssueCodes.NumberNegative)]
    [InlineData("2,5", IssueCodes.NumberFractional)]
    [InlineData("mười", IssueCodes.NumberInvalid)]
    public void BadCountsAreErrorsNamingTheCell(string value, string code)
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm")
            .Line(1, "Sở Công Thương", value, 10);

        var issue = Assert.Single(Parse(sheet).Issues, i => i.Code == code);

        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("C10", issue.Cell);
        Assert.Contains("Tổng số mã QR địa điểm đã tạo và quản lý", issue.Message);
    }

    [Fact]
    public void MissingQrSectionIsAnError()
    {
        var result = Parse(SeedReport.Section1(new SheetBuilder()));

        Assert.Contains(result.Issues, i => i.Code == IssueCodes.SectionMissing && i.Severity == Severity.Error && i.Message.Contains("2. Kết quả"));
    }

    [Fact]
    public void BlankSignatureBlockFollowedByTheAppendixHasNoSignerName()
    {
        // A blank letter: the title and the signature note, no name yet, then the appendix heading in capitals.
        var sheet = new SheetBuilder()
            .Line("SỞ CÔNG THƯƠNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Line(null, null, null, "Độc lập – Tự do – Hạnh phúc")
            .Line("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")
            .Line("Nơi nhận:", null, null, "GIÁM ĐỐC")
            .Line("- Lưu: VT.", null, null, "(Ký, ghi rõ họ tên, đóng dấu)")
            .Blank();
        SeedReport.Narratives(SeedReport.Section2(SeedReport.Section1(sheet)));

        var header = Parse(sheet).Report!.Header;

        Assert.Equal(["GIÁM ĐỐC"], header.Signer);
        Assert.Null(header.SignerName);
    }

    [Theory]
    [InlineData("PHỤ LỤC II")]
    [InlineData("Phụ lục kèm theo Công văn")]
    public void AppendixHeadingIsNeverTakenForTheSignersName(string heading)
    {
        var sheet = new SheetBuilder()
            .Line("SỞ CÔNG THƯƠNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Line(null, null, null, "GIÁM ĐỐC")
            .Line(heading)
            .Blank();
        SeedReport.Narratives(SeedReport.Section2(SeedReport.Section1(sheet)));

        var header = Parse(sheet).Report!.Header;

        Assert.Null(header.SignerName);
    }

    [Fact]
    public void SheetWithoutAppendixIsRejected()
    {
        var result = Parse(new SheetBuilder().Line("Bảng lương tháng 10").Line("Họ tên", "Lương"));

        Assert.Null(result.Report);
        Assert.Equal(IssueCodes.SheetNotFound, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void IssuingUnitMergedDownIsGivenToEachRow()
    {
        var sheet = new SheetBuilder()
            .Line("1. Công tác chỉ đạo, triển khai và tuyên truyền")
            .Line("STT", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Đơn vị ban hành")
            .Line(1, "Tuyên truyền A", "10/SYT-VP ngày 01/10/2021", "Sở Y tế")
            .Line(2, "Tuyên truyền B", "11/SYT-VP ngày 02/10/2021", null)
            .Merge(3, 4, 4, 4)
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR", "Tổng số lượt quét mã QR")
            .Line(1, "Sở Y tế", 3, 30);

        var directives = Parse(sheet).Report!.Directives;

        Assert.Equal(["Sở Y tế", "Sở Y tế"], directives.Select(d => d.IssuingUnit));
    }

    [Fact]
    public void GroupTitleMergedAcrossTheTableIsNotAnEntity()
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú");
        var title = sheet.CurrentRow + 1;
        sheet.Line("I. Các cơ sở y tế tuyến tỉnh")
            .Merge(title, 1, title, 5)
            .Line(1, "Bệnh viện Đa khoa tỉnh", 4, 1200)
            .Line(2, "Trung tâm Kiểm soát bệnh tật", 2, 300);

        var result = Parse(sheet);

        Assert.False(result.HasErrors, string.Join("\n", result.Issues.Select(i => i.Message)));
        Assert.Equal(["Bệnh viện Đa khoa tỉnh", "Trung tâm Kiểm soát bệnh tật"], result.Report!.QrRows.Select(r => r.Entity));
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.NumberInvalid);
    }

    [Fact]
    public void LegacyTcvn3CellsAreConvertedAndReported()
    {
        var tcvn = ReportHub.Core.Text.LegacyText.FromUnicode("Tổng cộng", ReportHub.Core.Text.LegacyCharset.Tcvn3);
        var entity = ReportHub.Core.Text.LegacyText.FromUnicode("Xã Bình Thạnh", ReportHub.Core.Text.LegacyCharset.Tcvn3);
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý", "Tổng số lượt quét mã QR của các địa điểm")
            .Line(1, (entity, ".VnTime"), "1.234", 5)
            .Line(null, (tcvn, ".VnTime"), "1.234", 5);

        var result = Parse(sheet);

        Assert.False(result.HasErrors);
        Assert.Equal("Xã Bình Thạnh", Assert.Single(result.Report!.QrRows).Entity);
        Assert.Equal(1234, result.Report.QrCodes);
        Assert.Contains(result.Issues, i => i.Code == IssueCodes.LegacyTextConverted);
    }

    [Fact]
    public void FontlessTcvn3SheetIsConvertedThroughout()
    {
        static string T(string s) => ReportHub.Core.Text.LegacyText.FromUnicode(s, ReportHub.Core.Text.LegacyCharset.Tcvn3);
        var sheet = new SheetBuilder()
            .Line(T("UBND TỈNH QUẢNG NGÃI"))
            .Line(T("HUYỆN BÌNH SƠN"))
            .Line(T("1. Công tác chỉ đạo, triển khai và tuyên truyền"))
            .Line("STT", T("Nội dung thực hiện"), T("Số, ngày ban hành văn bản"), T("Đơn vị ban hành"))
            .Line(1, T("Tuyên truyền ứng dụng"), T("12/UBND-VP ngày 01/10/2021"), T("UBND huyện"))
            .Line(T("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm"))
            .Line("TT", T("Đối tượng thống kê"), T("Tổng số mã QR địa điểm đã tạo và quản lý"), T("Tổng số lượt quét mã QR của các địa điểm"), T("Ghi chú"))
            .Line(1, T("Xã Bình Dương"), "1.234", "5")
            .Line(null, T("Tổng cộng"), "1.234", "5");

        var result = Parse(sheet);

        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.ColumnUnknown);
        Assert.Equal("Xã Bình Dương", Assert.Single(result.Report!.QrRows).Entity);
        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "HUYỆN BÌNH SƠN"], result.Report!.Header.IssuingBody);
        Assert.Equal(1234, result.Report.QrCodes);
    }
}
