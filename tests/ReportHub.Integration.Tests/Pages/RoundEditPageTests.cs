using System.Net;
using ReportHub.Integration.Tests.Support;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The edit page of a round (/rounds/{code}/edit), posted as a browser posts it: preview, then save.</summary>
public sealed class RoundEditPageTests
{
    [Fact]
    public async Task AnAnalystEditsAnOpenRoundOnItsEditPageAndABadDateIsExplained()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "Báo cáo dịch vụ công trực tuyến quý III năm 2025 (đã sửa)",
            ["RequestDocument"] = "1234/SKHCN-CĐS",
            ["RequestDate"] = "2025-10-01",
            ["Deadline"] = "2025-10-31",
            ["Units"] = "51.SCT, 51.STP",
        };

        var preview = await (await analyst.PostFormAsync("/rounds/2025-Q3/edit", fields, "/rounds/2025-Q3/edit?handler=Preview")).Content.ReadAsStringAsync();
        Assert.Contains("<span id=\"preview-count\">2</span> đơn vị phải báo cáo", preview);
        fields["Previewed"] = "51.SCT,51.STP";
        var saved = await analyst.PostFormAsync("/rounds/2025-Q3/edit", fields, "/rounds/2025-Q3/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await analyst.FollowAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Đã lưu thay đổi của đợt 2025-Q3: 2 đơn vị phải báo cáo, hạn nộp 31/10/2025.", page.Html);
        Assert.Contains("(đã sửa)", page.Html);
        var round = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3");
        Assert.Equal("2025-10-31", round.GetProperty("deadline").GetString());
        Assert.Equal(2, round.GetProperty("unitsExpected").GetInt32());

        var refused = await analyst.PostFormAsync("/rounds/2025-Q3/edit", new Dictionary<string, string>(fields) { ["Deadline"] = "2025-09-01" }, "/rounds/2025-Q3/edit?handler=Save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Chưa lưu được thay đổi", html);
        Assert.Contains("Hạn nộp 01/09/2025 sớm hơn ngày yêu cầu báo cáo 01/10/2025", html);
        Assert.Equal("2025-10-31", Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3").GetProperty("deadline").GetString());
    }
}
