using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class UnitMatcherTests
{
    private static readonly UnitMatcher Matcher = new(TextFixtures.Units);

    [Fact]
    public void RegistryFixtureLoadsEveryRowWithQuotedNames()
    {
        Assert.Equal(37, TextFixtures.Units.Count);
        var culture = TextFixtures.Units.Single(u => u.Code == "51.SVHTTDL");
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi", culture.Name);
        Assert.Contains("Sở VH,TT&DL", culture.Aliases);
    }

    [Theory]
    [InlineData("SỞ CÔNG THƯƠNG", "51", "51.SCT")]
    [InlineData("SỞ CÔNG THƯƠNG", "45", "45.SCT")]
    [InlineData("Sở Công Thương tỉnh Quảng Ngãi", null, "51.SCT")]
    [InlineData("Sở Công Thương tỉnh Quảng Trị", "51", "45.SCT")]
    [InlineData("Uỷ ban nhân dân huyện Bình Sơn", null, "51.524")]
    [InlineData("Ủy ban nhân dân huyện Bình Sơn", null, "51.524")]
    [InlineData("UBND huyện Bình Sơn", null, "51.524")]
    [InlineData("HUYỆN BÌNH SƠN", null, "51.524")]
    [InlineData("ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", null, "51.525")]
    [InlineData("UBND TỈNH QUẢNG NGÃI", null, "51")]
    [InlineData("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", null, "51.STTTT")]
    [InlineData("Sở Thông tin và Truyền thông", "51", "51.STTTT")]
    [InlineData("Văn phòng UBND tỉnh", null, "51.VPUBND")]
    [InlineData("Văn phòng Uỷ ban nhân dân tỉnh Quảng Ngãi.", null, "51.VPUBND")]
    [InlineData("Sở KH & ĐT", null, "51.SKHDT")]
    [InlineData("Sở Khoa học và Công nghệ:", null, "51.SKHCN")]
    [InlineData("UBND TX. ĐỨC PHỔ", null, "51.534")]
    [InlineData("UBND TX.Đức Phổ", null, "51.534")]
    [InlineData("UBND THỊ XÃ ĐỨC PHỔ", null, "51.534")]
    [InlineData("Ủy ban nhân dân TP. Quảng Ngãi", null, "51.522")]
    [InlineData("UBND TP QUẢNG NGÃI", null, "51.522")]
    [InlineData("UBND THÀNH PHỐ QUẢNG NGÃI", null, "51.522")]
    public void MatchNameFindsTheUnitByNameOrAlias(string text, string? province, string code)
    {
        Assert.Equal(code, Matcher.MatchName(text, province)?.Code);
    }

    [Fact]
    public void MatchNameIsNullWhenAnAliasIsSharedAndNoProvinceIsGiven()
    {
        Assert.Null(Matcher.MatchName("Sở Công Thương"));
    }

    [Theory]
    [InlineData("Sở Ngoại giao")]
    [InlineData("Bộ Công Thương")]
    [InlineData("")]
    [InlineData(null)]
    public void MatchNameIsNullForUnknownNames(string? text)
    {
        Assert.Null(Matcher.MatchName(text, "51"));
    }

    [Fact]
    public void MatchNamePrefersTheUnitActiveOnTheDate()
    {
        var units = TextFixtures.Units.Append(new Unit
        {
            // A predecessor that closed before 51.SCT opened (2008-04-01) and was written the same way.
            Code = "51.SCT0",
            Name = "Sở Công nghiệp và Thương mại tỉnh Quảng Ngãi",
            Type = UnitTypes.Department,
            Parent = "51",
            Aliases = ["Sở Công Thương"],
            ValidFrom = new DateOnly(1989, 7, 1),
            ValidTo = new DateOnly(2008, 3, 31),
        });
        var matcher = new UnitMatcher(units);
        Assert.Equal("51.SCT", matcher.MatchName("Sở Công Thương", "51", new DateOnly(2021, 10, 27))?.Code);
        Assert.Equal("51.SCT0", matcher.MatchName("Sở Công Thương", "51", new DateOnly(2005, 1, 1))?.Code);
        Assert.Null(matcher.MatchName("Sở Công Thương", "51"));
    }

    [Theory]
    [InlineData("SCT-VP", "51", "51.SCT")]
    [InlineData("SCT-VP", "45", "45.SCT")]
    [InlineData("TB-SCT", "51", "51.SCT")]
    [InlineData("SCT-QLTM", "51", "51.SCT")]
    [InlineData("SKHCN-VP", null, "51.SKHCN")]
    [InlineData("VP-HCTC", null, "51.VPUBND")]
    [InlineData("STTTT-BCVT&CNTT", null, "51.STTTT")]
    [InlineData("QĐ-SKHĐT", null, "51.SKHDT")]
    [InlineData("SNgV-VP", null, "51.SNGV")]
    public void MatchSymbolFindsTheIssuerAbbreviation(string symbol, string? province, string code)
    {
        Assert.Equal(code, Matcher.MatchSymbol(symbol, province)?.Code);
    }

    [Theory]
    [InlineData("SCT-VP")]
    [InlineData("UBND-KGVX")]
    [InlineData("CT/TU")]
    [InlineData("TB")]
    [InlineData("")]
    [InlineData(null)]
    public void MatchSymbolIsNullWhenNoPartNamesOneUnit(string? symbol)
    {
        Assert.Null(Matcher.MatchSymbol(symbol));
    }

    [Fact]
    public void MatchSymbolDoesNotLetTheDraftingOfficeOverrideAnAmbiguousIssuer()
    {
        // Without a province, SCT is ambiguous; the trailing VP is the Sở's own office, not the provincial Văn phòng.
        Assert.Null(Matcher.MatchSymbol("SCT-VP"));
    }

    [Fact]
    public void MatchSymbolPrefersTheUnitActiveOnTheDate()
    {
        Assert.Equal("51.STTTT", Matcher.MatchSymbol("STTTT-CNTT", on: new DateOnly(2021, 8, 26))?.Code);
    }

    [Theory]
    [InlineData("UBND TỈNH QUẢNG NGÃI", "51")]
    [InlineData("Quảng Ngãi, ngày 27 tháng 10 năm 2021", "51")]
    [InlineData("Quảng Trị, ngày 16 tháng 4 năm 2020", "45")]
    [InlineData("Sở Công Thương tỉnh Quảng Trị", "45")]
    [InlineData("Ủy ban nhân dân tỉnh Quảng Ngãi", "51")]
    public void MatchProvinceFindsTheProvinceNamedInTheText(string text, string code)
    {
        Assert.Equal(code, Matcher.MatchProvince(text)?.Code);
    }

    [Theory]
    [InlineData("Bình Sơn, ngày tháng năm 2021")]
    [InlineData("Quảng Ngãiii")]
    [InlineData(null)]
    public void MatchProvinceIsNullWhenNoProvinceIsNamed(string? text)
    {
        Assert.Null(Matcher.MatchProvince(text));
    }
}
