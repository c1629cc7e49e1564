using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Pipeline.Resolution;

namespace ReportHub.Integration.Tests.Resolving;

/// <summary>A unit outside a round's expected units is refused at the header cell naming it, with its successor when it has one.</summary>
public sealed class ExpectedUnitResolverTests
{
    private static Round QuarterThree(params string[] expected) =>
        HeaderGrid.RoundOn(new DateOnly(2025, 10, 1)) with { ExpectedUnits = expected };

    private static Resolution Resolve(IReadOnlyList<object> block, Round round) =>
        new Resolver(HeaderGrid.Registry, [round]).Resolve(HeaderGrid.Read(block), null, round.Code, "Báo cáo");

    [Fact]
    public void AbolishedDistrictIsNotExpectedAndItsSuccessorIsNamed()
    {
        var round = QuarterThree("51.SCT", "51.STP");

        var resolution = Resolve(["UBND TỈNH QUẢNG NGÃI", "UBND HUYỆN BÌNH SƠN"], round);

        Assert.Equal("51.524", resolution.Unit?.Code);
        var issue = Assert.Single(resolution.Issues);
        Assert.Equal(IssueCodes.UnitNotExpected, issue.Code);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("A2", issue.Cell);
        Assert.True(issue.Message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains($"không thuộc danh sách đơn vị phải báo cáo của đợt {round.Code} (đơn vị đã sáp nhập vào Tỉnh Quảng Ngãi từ ngày 01/07/2025)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("hãy ghi mã đơn vị 51 (Tỉnh Quảng Ngãi)", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActiveUnitOfAnotherProvinceIsNotExpectedWithoutASuccessor()
    {
        var resolution = Resolve(["UBND TỈNH QUẢNG TRỊ", "SỞ CÔNG THƯƠNG"], QuarterThree("51.SCT"));

        Assert.Equal("45.SCT", resolution.Unit?.Code);
        var issue = Assert.Single(resolution.Issues);
        Assert.Equal(IssueCodes.UnitNotExpected, issue.Code);
        Assert.DoesNotContain("sáp nhập", issue.Message, StringComparison.Ordinal);
        Assert.Contains("đề nghị chuyên viên Sở bổ sung đơn vị vào đợt", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergedDepartmentNamesTheLastSuccessorThatExistsOnTheRequestDate()
    {
        var resolution = Resolve(["UBND TỈNH QUẢNG NGÃI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"], QuarterThree("51.STC"));

        Assert.Equal("51.SKHDT", resolution.Unit?.Code);
        Assert.Contains("sáp nhập vào Sở Tài chính tỉnh Quảng Ngãi", Assert.Single(resolution.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedUnitAndRoundWithoutExpectedUnitsAreNotRefused()
    {
        var expected = Resolve(["UBND TỈNH QUẢNG NGÃI", "UBND HUYỆN BÌNH SƠN"], QuarterThree("51.SCT", "51.524"));
        var unlisted = Resolve(["UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG"], QuarterThree());

        Assert.DoesNotContain(expected.Issues, i => i.Severity == Severity.Error);
        Assert.Contains(expected.Issues, i => i.Code == IssueCodes.UnitInactive);
        Assert.Empty(unlisted.Issues);
    }
}
