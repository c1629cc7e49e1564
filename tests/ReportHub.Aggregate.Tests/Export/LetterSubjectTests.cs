using ReportHub.Aggregate.Export;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class LetterSubjectTests
{
    [Theory]
    [InlineData("V/v báo cáo tình hình Wi-Fi công cộng", "V/v báo cáo tình hình Wi-Fi công cộng")]
    [InlineData("báo cáo tình hình Wi-Fi công cộng", "V/v báo cáo tình hình Wi-Fi công cộng")]
    [InlineData("v/v: báo cáo tình hình Wi-Fi công cộng", "V/v báo cáo tình hình Wi-Fi công cộng")]
    [InlineData("V/v V/v báo cáo tình hình Wi-Fi công cộng", "V/v báo cáo tình hình Wi-Fi công cộng")]
    [InlineData("  V/V   báo cáo tình hình Wi-Fi công cộng  ", "V/v báo cáo tình hình Wi-Fi công cộng")]
    public void SubjectIsWrittenWithOneVvWhateverTheDefinitionSays(string subject, string expected)
    {
        var template = SampleRound.Template with { Subject = subject };

        Assert.Equal(expected, LetterSubject.Of(template));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("V/v")]
    public void TemplateWithoutASubjectGetsOneFromItsTitle(string? subject)
    {
        var template = SampleRound.Template with { Subject = subject, Title = "BIỂU MẪU BÁO CÁO TÌNH HÌNH ĐIỂM WI-FI CÔNG CỘNG" };

        Assert.Equal("V/v báo cáo tình hình điểm wi-fi công cộng", LetterSubject.Of(template));
    }
}
