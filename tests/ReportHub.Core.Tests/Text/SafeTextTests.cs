using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Core.Tests.Text;

/// <summary>The one cleaner: what no stored text or written file may carry is gone, and NFC never throws after it.</summary>
public sealed class SafeTextTests
{
    public static TheoryData<int> Hostile()
    {
        var data = new TheoryData<int>();
        foreach (var c in Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D or 0x0B or 0x0C)))
        {
            data.Add(c);
        }
        data.Add(0x7F);
        foreach (var c in Enumerable.Range(0xFDD0, 0x20))
        {
            data.Add(c);
        }
        foreach (var c in new[] { 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF })
        {
            data.Add(c);
        }
        foreach (var c in Enumerable.Range(0x202A, 5).Concat(Enumerable.Range(0x2066, 4)))
        {
            data.Add(c);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void SafeDropsEveryHostileCharacterAndNormalisesAfter(int code)
    {
        var hostile = ((char)code).ToString();
        var text = "Báo cáo" + hostile + " quý IV".Normalize(NormalizationForm.FormD);

        var safe = VietnameseText.Safe(text);

        Assert.Equal("Báo cáo quý IV", safe);
        Assert.True(safe.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Báo cáo quý IV", VietnameseText.Clean(text));
        Assert.Equal("Báo cáo quý IV", VietnameseText.CleanMultiline(text));
        Assert.Equal("bao cao quy iv", VietnameseText.Fold(text));
    }

    [Theory]
    [InlineData(0x1FFFE)]
    [InlineData(0x1FFFF)]
    [InlineData(0x10FFFE)]
    [InlineData(0x10FFFF)]
    public void SafeDropsSupplementaryNoncharactersButKeepsOtherPairs(int code)
    {
        var text = "Đợt" + char.ConvertFromUtf32(code) + " 1 " + char.ConvertFromUtf32(0x1F600);

        Assert.Equal("Đợt 1 " + char.ConvertFromUtf32(0x1F600), VietnameseText.Safe(text));
    }

    [Fact]
    public void SafeKeepsLineBreaksAndTabsWhileCleanReadsVerticalTabAndFormFeedAsSpaces()
    {
        Assert.Equal("Dòng 1\r\nDòng\t2 abc", VietnameseText.Safe("Dòng 1\r\nDòng\t2 a\vb\fc"));
        Assert.Equal("a b c", VietnameseText.Clean("a\vb\fc"));
        Assert.Equal("Dòng 1\nDòng 2", VietnameseText.CleanMultiline("Dòng 1\u0000\nDòng\uFFFE 2"));
    }

    [Fact]
    public void SafeReturnsTheSameStringWhenNothingIsHostile()
    {
        const string text = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi";

        Assert.Same(text, VietnameseText.Safe(text));
        Assert.Equal(string.Empty, VietnameseText.Safe(null));
    }

    [Fact]
    public void EveryBmpCharacterNormalisesOnceMadeSafe()
    {
        var all = new StringBuilder(0x10000);
        for (var c = 0; c <= 0xFFFF; c++)
        {
            all.Append((char)c);
        }

        var safe = VietnameseText.Safe(all.ToString());

        Assert.True(safe.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\uFFFE', safe);
        Assert.DoesNotContain('\0', safe);
    }
}
