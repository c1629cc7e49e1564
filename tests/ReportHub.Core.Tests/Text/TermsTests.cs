using System.Text;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

public sealed class TermsTests
{
    [Fact]
    public void EveryUnitTypeHasItsOwnVietnameseWords()
    {
        var words = UnitTypes.All.Select(Terms.UnitType).ToList();

        Assert.Equal(["Tỉnh", "Sở, ban, ngành", "Huyện, thị xã, thành phố", "Xã, phường, thị trấn", "Khác"], words);
        Assert.All(words, w => Assert.True(w.IsNormalized(NormalizationForm.FormC), w));
    }

    [Theory]
    [InlineData("ward")]
    [InlineData("Department")]
    public void UnitTypeThisReleaseDoesNotKnowIsOtherNotItsCode(string type) => Assert.Equal(Terms.OtherUnits, Terms.UnitType(type));

    [Fact]
    public void NoTypeIsBlank() => Assert.Equal("", Terms.UnitType(null));
}
