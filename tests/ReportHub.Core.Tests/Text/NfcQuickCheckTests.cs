using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

/// <summary>The quick NFC check skips ICU only where ICU would have said the same.</summary>
public sealed class NfcQuickCheckTests
{
    [Fact]
    public void EveryCharacterTheQuickCheckPassesIsNfcAloneAndAfterAnyOtherItPasses()
    {
        var passed = Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && VietnameseText.IsSurelyNfc([c])).ToList();
        Assert.Contains('ệ', passed);
        foreach (var c in passed)
        {
            Assert.True(c.ToString().IsNormalized(NormalizationForm.FormC), $"U+{(int)c:X4}");
        }
        // Composition happens between neighbours; no pair of passed characters may compose.
        foreach (var base1 in "AaEeOoUuIiYyDdĂăÂâÊêÔôƠơƯưạệ")
        {
            foreach (var c in passed)
            {
                Assert.True($"{base1}{c}".IsNormalized(NormalizationForm.FormC), $"{base1} U+{(int)c:X4}");
            }
        }
    }

    [Fact]
    public void DecomposedVietnameseIsLeftToIcu()
    {
        var nfd = "Quảng Ngãi".Normalize(NormalizationForm.FormD);
        Assert.False(VietnameseText.IsSurelyNfc(nfd));
        Assert.True(VietnameseText.IsSurelyNfc("Quảng Ngãi"));
        Assert.Equal("Quảng Ngãi", VietnameseText.Clean(nfd));
    }
}
