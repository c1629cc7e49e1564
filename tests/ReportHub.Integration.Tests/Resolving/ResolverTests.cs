using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Text;
using ReportHub.Pipeline.Resolution;

namespace ReportHub.Integration.Tests.Resolving;

/// <summary>Whose report a file is: the issuing body decides, never the body above it, and a hint never overrules it.</summary>
public sealed class ResolverTests
{
    private static readonly Round October2021 = HeaderGrid.RoundOn(new DateOnly(2021, 10, 26));

    private static Resolution Resolve(ReportHeader header, string? hint = null, Round? round = null)
    {
        round ??= October2021;
        return new Resolver(HeaderGrid.Registry, [round]).Resolve(header, hint, round.Code, "Báo cáo");
    }

    private static Issue SingleError(Resolution resolution) => Assert.Single(resolution.Issues, i => i.Severity == Severity.Error);

    [Fact]
    public void UnknownIssuerUnderAKnownProvinceIsUnknownNotTheProvince()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"]));

        Assert.Null(resolution.Unit);
        var issue = SingleError(resolution);
        Assert.Equal(IssueCodes.UnitUnknown, issue.Code);
        Assert.Equal("A2", issue.Cell);
        Assert.Contains("“SỞ KHÔNG TỒN TẠI”", issue.Message, StringComparison.Ordinal);
        Assert.Contains("UBND TỈNH QUẢNG NGÃI", issue.Message, StringComparison.Ordinal);
        Assert.Contains("--unit", issue.Message, StringComparison.Ordinal);
        Assert.True(issue.Message.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void UnknownIssuerSentWithAUnitIsStillRejectedAndSaysWhatToWrite()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"]), hint: "51.SCT");

        Assert.Null(resolution.Unit);
        var issue = SingleError(resolution);
        Assert.Equal(IssueCodes.UnitUnknown, issue.Code);
        Assert.Contains("“SỞ KHÔNG TỒN TẠI”", issue.Message, StringComparison.Ordinal);
        Assert.Contains("51.SCT", issue.Message, StringComparison.Ordinal);
        Assert.Contains("“SỞ CÔNG THƯƠNG”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownIssuerIsNotRescuedByTheSymbolOfItsNumber()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"], "Số: 2162/SCT-VP"));

        Assert.Null(resolution.Unit);
        Assert.Equal(IssueCodes.UnitUnknown, SingleError(resolution).Code);
    }

    [Fact]
    public void SymbolNamesTheIssuerWhenTheLetterHasNoBlock()
    {
        var resolution = Resolve(HeaderGrid.Read([], "Số: 2162/SCT-VP"));

        Assert.Equal("51.SCT", resolution.Unit?.Code);
        Assert.DoesNotContain(resolution.Issues, i => i.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("UBND TỈNH QUẢNG NGÃI")]
    [InlineData("ỦY BAN NHÂN DÂN|TỈNH QUẢNG NGÃI")]
    [InlineData("Ủy ban nhân dân tỉnh Quảng Ngãi")]
    public void ProvinceIsTheUnitOnlyWhenItIsTheIssuer(string block)
    {
        // The department symbol does not override a block that names the province as the issuer.
        var resolution = Resolve(HeaderGrid.Read(block.Split('|'), "Số: 2162/SCT-VP"));

        Assert.Equal("51", resolution.Unit?.Code);
    }

    [Fact]
    public void HintThatDisagreesWithTheHeaderIsAMismatchNamingBoth()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"]), hint: "51.SYT");

        Assert.Null(resolution.Unit);
        var issue = SingleError(resolution);
        Assert.Equal(IssueCodes.UnitMismatch, issue.Code);
        Assert.Contains("51.SCT", issue.Message, StringComparison.Ordinal);
        Assert.Contains("51.SYT", issue.Message, StringComparison.Ordinal);
        Assert.Equal("A2", issue.Cell);
    }

    [Fact]
    public void HintThatAgreesWithTheHeaderIsAccepted()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "Sở Công Thương"]), hint: "51.sct");

        Assert.Equal("51.SCT", resolution.Unit?.Code);
        Assert.Empty(resolution.Issues);
    }

    [Fact]
    public void HeaderThatNamesNoUnitTakesTheHint()
    {
        var resolution = Resolve(HeaderGrid.Read([], "Số: 12/BC"), hint: "51.SYT");

        Assert.Equal("51.SYT", resolution.Unit?.Code);
        Assert.Empty(resolution.Issues);
    }

    [Fact]
    public void HeaderThatNamesNoUnitWithoutHintIsUnresolved()
    {
        var resolution = Resolve(HeaderGrid.Read([], "Số: 12/BC"));

        Assert.Null(resolution.Unit);
        Assert.Equal(IssueCodes.UnitUnresolved, SingleError(resolution).Code);
    }

    [Fact]
    public void LabelledUnitCodeOfTheBlankTemplateWinsOverTheBlock()
    {
        var header = HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"], after: [["Mã đơn vị:", "51.SYT"]]);

        var resolution = Resolve(header);

        Assert.Equal("51.SYT", resolution.Unit?.Code);
        Assert.Empty(resolution.Issues);
    }

    [Theory]
    [InlineData("UBND TỈNH QUẢNG TRỊ", "Quảng Ngãi", "45.SCT")]
    [InlineData("UBND TỈNH QUẢNG NGÃI", "Quảng Trị", "51.SCT")]
    [InlineData("UBND tỉnh Quảng Trị", "Đông Hà", "45.SCT")]
    public void GoverningBodySaysWhichProvinceTheDepartmentBelongsTo(string governing, string place, string code)
    {
        var resolution = Resolve(HeaderGrid.Read([governing, "SỞ CÔNG THƯƠNG"], place: place));

        Assert.Equal(code, resolution.Unit?.Code);
    }

    [Fact]
    public void DepartmentOfAProvinceMissingFromTheRegistryIsUnknown()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH BÌNH ĐỊNH", "SỞ CÔNG THƯƠNG"], place: "Quy Nhơn"));

        Assert.Null(resolution.Unit);
        Assert.Equal(IssueCodes.UnitUnknown, SingleError(resolution).Code);
    }

    [Theory]
    [InlineData("VĂN PHÒNG")]
    [InlineData("Văn phòng")]
    public void OfficeUnderTheProvinceIsTheProvincialOffice(string office)
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", office]));

        Assert.Equal("51.VPUBND", resolution.Unit?.Code);
    }

    [Fact]
    public void DistrictOfficeMissingFromTheRegistryIsNotFiledUnderItsDistrict()
    {
        var resolution = Resolve(HeaderGrid.Read(["UBND HUYỆN BÌNH SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN"], place: "Bình Sơn"));

        Assert.Null(resolution.Unit);
        Assert.Contains("“PHÒNG VĂN HÓA VÀ THÔNG TIN”", SingleError(resolution).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcvn3MixedCaseDistrictUnderTheProvinceIsTheDistrict()
    {
        var header = HeaderGrid.Read(
        [
            (LegacyText.FromUnicode("UBND TỈNH QUẢNG NGÃI", LegacyCharset.Tcvn3), ".VnTime"),
            (LegacyText.FromUnicode("UBND huyện Bình Sơn", LegacyCharset.Tcvn3), ".VnTime"),
        ], place: "Bình Sơn");

        var resolution = Resolve(header);

        Assert.Equal("51.524", resolution.Unit?.Code);
        Assert.Empty(resolution.Issues);
    }

    [Fact]
    public void HeaderWithOnlyTheLinesListStillResolves()
    {
        // Headers built before GoverningBody/IssuingBodyLine existed carry only the lines.
        var header = new ReportHeader { IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"] };

        Assert.Equal("51.SCT", Resolve(header).Unit?.Code);
    }

    [Theory]
    [InlineData("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "2021-10-26", "51.STTTT", null)]
    [InlineData("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "2025-04-15", "51.STTTT", "51.SKHCN")]
    [InlineData("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "2025-04-15", "51.SKHCN", null)]
    [InlineData("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "2025-03-01", "51.SKHDT", "51.STC")]
    [InlineData("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "2025-03-01", "51.SNNMT", null)]
    [InlineData("UBND HUYỆN BÌNH SƠN", "2025-06-30", "51.524", null)]
    [InlineData("UBND HUYỆN BÌNH SƠN", "2025-07-01", "51.524", "51")]
    [InlineData("UBND THỊ XÃ ĐỨC PHỔ", "2025-08-10", "51.534", "51")]
    public void UnitIsCheckedAgainstTheRoundRequestDate(string issuing, string requestDate, string code, string? successor)
    {
        var round = HeaderGrid.RoundOn(DateOnly.Parse(requestDate, System.Globalization.CultureInfo.InvariantCulture));

        var resolution = Resolve(HeaderGrid.Read(["UBND TỈNH QUẢNG NGÃI", issuing]), round: round);

        Assert.Equal(code, resolution.Unit?.Code);
        Assert.DoesNotContain(resolution.Issues, i => i.Severity == Severity.Error);
        var inactive = resolution.Issues.Where(i => i.Code == IssueCodes.UnitInactive).ToList();
        if (successor is null)
        {
            Assert.Empty(inactive);
        }
        else
        {
            Assert.Contains($"Đơn vị kế thừa là {successor}.", Assert.Single(inactive).Message, StringComparison.Ordinal);
        }
    }
}
