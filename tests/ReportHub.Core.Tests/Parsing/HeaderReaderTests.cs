using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Tests.Text;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Parsing;

/// <summary>The issuing-body block of a letter's header, read from a grid the way the parser reads it.</summary>
public sealed class HeaderReaderTests
{
    private const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private const string Freedom = "Độc lập – Tự do – Hạnh phúc";

    private static ReportHeader Read(SheetBuilder sheet)
    {
        var grid = SheetGrid.Build("Báo cáo", sheet.ReadRows(0), () => sheet.MergedRanges(0));
        return HeaderReader.Read(grid, grid.RowNumbers, FirstTemplateView.Definition);
    }

    /// <summary>The block's lines down column A, the motto beside them in column D, then the number and date.</summary>
    private static SheetBuilder Letter(params object[] block)
    {
        var sheet = new SheetBuilder();
        for (var i = 0; i < block.Length; i++)
        {
            sheet.Line(block[i], null, null, i switch { 0 => Motto, 1 => Freedom, _ => null });
        }
        return sheet
            .Line("Số: 2162/SCT-VP", null, null, "Quảng Ngãi, ngày 27 tháng 10 năm 2021")
            .Line("V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ");
    }

    [Fact]
    public void TwoRowsBesideTheMottoAreTheGoverningAndTheIssuingBody()
    {
        var header = Read(Letter("UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"));

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], header.IssuingBody);
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", header.GoverningBody);
        Assert.Equal("SỞ CÔNG THƯƠNG", header.IssuingBodyLine);
        Assert.Equal("A1", header.Cells["governingBody"]);
        Assert.Equal("A2", header.Cells["issuingBody"]);
    }

    [Fact]
    public void OneCellWithLineBreaksIsOneBlock()
    {
        // A Word header table: the block in one cell, the motto in the cell to its right.
        var header = Read(new SheetBuilder()
            .Line("UBND TỈNH QUẢNG NGÃI\nSỞ CÔNG THƯƠNG", Motto + "\n" + Freedom)
            .Line("Số: 2162/SCT-VP", "Quảng Ngãi, ngày 27 tháng 10 năm 2021"));

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", header.GoverningBody);
        Assert.Equal("SỞ CÔNG THƯƠNG", header.IssuingBodyLine);
        Assert.Equal("A1", header.Cells["issuingBody"]);
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN|HUYỆN SƠN TỊNH", null, "ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH")]
    [InlineData("UỶ BAN NHÂN DÂN|HUYỆN SƠN TỊNH", null, "UỶ BAN NHÂN DÂN HUYỆN SƠN TỊNH")]
    [InlineData("UBND|HUYỆN SƠN TỊNH", null, "UBND HUYỆN SƠN TỊNH")]
    [InlineData("UBND HUYỆN BÌNH SƠN", null, "UBND HUYỆN BÌNH SƠN")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|UBND huyện Bình Sơn", "UBND TỈNH QUẢNG NGÃI", "UBND huyện Bình Sơn")]
    [InlineData("Ubnd tỉnh Quảng Ngãi|Ubnd huyện Bình Sơn", "Ubnd tỉnh Quảng Ngãi", "Ubnd huyện Bình Sơn")]
    [InlineData("ubnd tỉnh quảng ngãi|sở công thương", "ubnd tỉnh quảng ngãi", "sở công thương")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|ỦY BAN NHÂN DÂN|HUYỆN TRÀ BỒNG", "UBND TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG")]
    [InlineData("ỦY BAN NHÂN DÂN|TỈNH QUẢNG NGÃI", null, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")]
    [InlineData("UBND TỈNH QUẢNG NGÃI", null, "UBND TỈNH QUẢNG NGÃI")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|SỞ THÔNG TIN VÀ|TRUYỀN THÔNG", "UBND TỈNH QUẢNG NGÃI", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|SỞ VĂN HÓA, THỂ THAO|VÀ DU LỊCH", "UBND TỈNH QUẢNG NGÃI", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|SỞ LAO ĐỘNG - THƯƠNG BINH|VÀ XÃ HỘI", "UBND TỈNH QUẢNG NGÃI", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|Văn phòng", "UBND TỈNH QUẢNG NGÃI", "Văn phòng")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|SỞ KHÔNG TỒN TẠI", "UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI")]
    [InlineData("UBND TỈNH QUẢNG NGÃI|CÔNG AN TỈNH", "UBND TỈNH QUẢNG NGÃI", "CÔNG AN TỈNH")]
    [InlineData("UBND HUYỆN BÌNH SƠN|PHÒNG VĂN HÓA VÀ THÔNG TIN", "UBND HUYỆN BÌNH SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN")]
    public void BlockFormsGiveTheIssuerAndTheBodyAboveIt(string lines, string? governing, string issuing)
    {
        var header = Read(Letter(lines.Split('|')));

        Assert.Equal(lines.Split('|'), header.IssuingBody);
        Assert.Equal(governing, header.GoverningBody);
        Assert.Equal(issuing, header.IssuingBodyLine);
    }

    public static TheoryData<string, object, object> LegacyBlocks()
    {
        static (string, string) Tcvn3(string s) => (LegacyText.FromUnicode(s, LegacyCharset.Tcvn3), ".VnTime");
        static (string, string) Vni(string s) => (LegacyText.FromUnicode(s, LegacyCharset.Vni), "VNI-Times");
        return new()
        {
            { "tcvn3-mixed-case", Tcvn3("UBND TỈNH QUẢNG NGÃI"), Tcvn3("UBND huyện Bình Sơn") },
            { "tcvn3-capitals-font", (LegacyText.FromUnicode("UBND TỈNH QUẢNG NGÃI", LegacyCharset.Tcvn3), ".VnTimeH"), (LegacyText.FromUnicode("UBND HUYỆN BÌNH SƠN", LegacyCharset.Tcvn3), ".VnTimeH") },
            { "vni-mixed-case", Vni("UBND TỈNH QUẢNG NGÃI"), Vni("UBND huyện Bình Sơn") },
            { "nfd", "UBND TỈNH QUẢNG NGÃI".Normalize(NormalizationForm.FormD), "UBND huyện Bình Sơn".Normalize(NormalizationForm.FormD) },
        };
    }

    [Theory]
    [MemberData(nameof(LegacyBlocks))]
    public void LegacyAndDecomposedBlocksAreReadAsUnicode(string form, object governing, object issuing)
    {
        _ = form;
        var header = Read(Letter(governing, issuing));

        Assert.Equal("UBND TỈNH QUẢNG NGÃI", header.GoverningBody);
        Assert.Equal("UBND HUYỆN BÌNH SƠN", VietnameseText.Clean(header.IssuingBodyLine).ToUpperInvariant());
        Assert.True(header.IssuingBodyLine!.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void TitlesRecipientsSignersAndTheRightColumnAreNotPartOfTheBlock()
    {
        var header = Read(new SheetBuilder()
            .Line("UBND TỈNH QUẢNG NGÃI", null, null, Motto)
            .Line("SỞ CÔNG THƯƠNG", null, null, Freedom)
            .Line("BÁO CÁO", null, null, "PHÒNG KINH TẾ")
            .Line("Số: 2162/SCT-VP", null, null, "Quảng Ngãi, ngày 27 tháng 10 năm 2021")
            .Line("V/v báo cáo tình hình triển khai")
            .Line("Kính gửi:")
            .Line("- Sở Thông tin và Truyền thông;")
            .Line("- UBND các huyện, thị xã, thành phố.")
            .Line("BIỂU MẪU TỔNG HỢP")
            .Line("SỞ Y TẾ")
            .Line("Nơi nhận:", null, null, "TM. ỦY BAN NHÂN DÂN")
            .Line("- UBND tỉnh (b/c);", null, null, "CHỦ TỊCH")
            .Line("- Lưu: VT, VP.", null, null, "Nguyễn Văn An"));

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], header.IssuingBody);
        Assert.Equal("SỞ CÔNG THƯƠNG", header.IssuingBodyLine);
        Assert.Equal(["Sở Thông tin và Truyền thông", "UBND các huyện, thị xã, thành phố"], header.Recipients);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], header.Signer);
    }

    [Fact]
    public void BlockUnderTheMottoInOneColumnEndsAtTheMotto()
    {
        // The way a sheet is often typed: everything down column A.
        var header = Read(new SheetBuilder()
            .Line("UBND TỈNH QUẢNG NGÃI")
            .Line("SỞ CÔNG THƯƠNG")
            .Line(Motto)
            .Line(Freedom)
            .Line("PHÒNG KINH TẾ")
            .Line("Số: 2162/SCT-VP"));

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], header.IssuingBody);
        Assert.Equal("SỞ CÔNG THƯƠNG", header.IssuingBodyLine);
    }

    [Fact]
    public void LetterWithoutBlockHasNoIssuer()
    {
        var header = Read(new SheetBuilder()
            .Line("Số: /SKHCN-VP", null, null, "Quảng Ngãi, ngày 07 tháng 7 năm 2021")
            .Line("V/v tiếp tục thực hiện nghiêm túc")
            .Line("Kính gửi: Trưởng các phòng, đơn vị thuộc Sở"));

        Assert.Empty(header.IssuingBody);
        Assert.Null(header.GoverningBody);
        Assert.Null(header.IssuingBodyLine);
        Assert.False(header.Cells.ContainsKey("issuingBody"));
    }

    [Theory]
    [InlineData("000", null, null)]
    [InlineData("001", null, null)]
    [InlineData("002", null, null)]
    [InlineData("003", null, "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN")]
    [InlineData("004", "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG")]
    public void SeedHeadersTypedDownOneColumnGiveTheirIssuer(string seed, string? governing, string? issuing)
    {
        var sheet = new SheetBuilder();
        // The seed's text down to the subject line, one line a row; the markdown bold marks are not text.
        foreach (var line in TextFixtures.SeedLines(seed).TakeWhile(l => !l.StartsWith("V/v", StringComparison.Ordinal)))
        {
            sheet.Line(line.Replace("*", "", StringComparison.Ordinal));
        }

        var header = Read(sheet);

        Assert.Equal(governing, header.GoverningBody);
        Assert.Equal(issuing, header.IssuingBodyLine);
    }

    [Fact]
    public void SeedThreeBlockInOneCellIsOneBody()
    {
        var lines = TextFixtures.SeedLines("003");
        var block = string.Join('\n', lines.SkipWhile(l => !l.Contains("ỦY BAN", StringComparison.Ordinal)).Take(2)).Replace("*", "", StringComparison.Ordinal);

        var header = Read(new SheetBuilder().Line(block, Motto).Line("Số: /UBND-CNTT", "Bình Sơn, ngày tháng năm 2021"));

        Assert.Null(header.GoverningBody);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", header.IssuingBodyLine);
        Assert.Equal("51.524", new UnitMatcher(TextFixtures.Units).MatchName(header.IssuingBodyLine)?.Code);
    }
}
