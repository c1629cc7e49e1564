using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;
using ReportHub.Testing.Appendix;
using ReportHub.Testing.Archives;

namespace ReportHub.Browser.Tests;

/// <summary>
/// The analyst's bulk intake page (demo account phantich): a .zip of e-mailed reports sent through the page, answered
/// with one row per file. Each test sends into a round of its own, answering a request document only it cites, so the
/// demo round 2021-10 and the other tests are untouched.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class BulkPageTests(DemoSite site)
{
    [Fact]
    public async Task AZipSentThroughThePageListsEachFileWithItsOutcome()
    {
        var (round, document) = await NewRoundAsync();
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");

        await SendAsync(page, round, Zip(document));

        await AssertOutcomesAsync(page, round);
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement && document.activeElement.id === 'result')"));
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= DemoSite.Phone.Width, "the page is wider than the phone");
        await Screenshots.SaveAsync(page, "bulk-outcomes");
        await OpensItsSubmissionAsync(page);
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task WithoutScriptsThePlainFormPostRendersTheSameList()
    {
        var (round, document) = await NewRoundAsync();
        var page = await site.SignInAsync("phantich", "demo-phantich-2025", javaScript: false);

        await SendAsync(page, round, Zip(document));

        await AssertOutcomesAsync(page, round);
        await Screenshots.SaveAsync(page, "bulk-outcomes-no-script");
        await OpensItsSubmissionAsync(page);
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task TheNavigationLeadsAnalystsToThePageAndAZipThatIsNotOneIsExplained()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds");
        await page.ClickAsync("#nav-bulk");
        await page.WaitForURLAsync("**/bulk");
        Assert.Equal("page", await page.GetAttributeAsync("#nav-bulk", "aria-current"));

        await page.SetInputFilesAsync("#bulk-file", new FilePayload { Name = "bao-cao.zip", MimeType = "application/zip", Buffer = "không phải tệp nén"u8.ToArray() });
        await page.ClickAsync("#bulk-submit");
        await page.Locator("#bulk-error").WaitForAsync();

        Assert.Contains("không phải tệp nén .zip", await page.InnerTextAsync("#bulk-error"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "bulk-not-a-zip");
        await page.Context.CloseAsync();
    }

    private static async Task AssertOutcomesAsync(IPage page, string round)
    {
        var rows = page.Locator("#bulk-files tbody tr");
        Assert.Equal(5, await rows.CountAsync());
        var statuses = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await rows.Nth(i).GetAttributeAsync("data-status"));
        }
        Assert.Equal(["accepted", "accepted", "rejected", "refused", "refused"], statuses);
        Assert.Equal("51.SCT", await rows.Nth(0).GetAttributeAsync("data-unit"));
        Assert.Equal("51.527", await rows.Nth(1).GetAttributeAsync("data-unit"));
        Assert.Contains("thư đến/Sơn Tịnh.xlsx", await rows.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(round, await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("không được là số âm", await rows.Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("không an toàn", await rows.Nth(3).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("tệp nén nằm trong tệp nén", await rows.Nth(4).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2", await page.InnerTextAsync("#summary-accepted"));
        Assert.Equal("1", await page.InnerTextAsync("#summary-rejected"));
        Assert.Equal("2", await page.InnerTextAsync("#summary-refused"));
    }

    /// <summary>Each stored file links to its own page (last: the answer of a post cannot be gone back to).</summary>
    private static async Task OpensItsSubmissionAsync(IPage page)
    {
        await page.Locator("#bulk-files tbody tr").Nth(1).Locator("a[href^='/submissions/']").ClickAsync();
        await page.WaitForURLAsync("**/submissions/*");
        Assert.Contains("Sơn Tịnh.xlsx", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private static byte[] Zip(string document)
    {
        var request = ReportBuilder.RequestLine.Replace("1406/STTTT-BCVT&CNTT", document, StringComparison.Ordinal);
        var sonTinh = UnitReports.SonTinh();
        sonTinh.Request = sonTinh.Request!.Replace("1406/STTTT-BCVT&CNTT", document, StringComparison.Ordinal);
        return new ZipFiles()
            .Add("Công Thương.xlsx", new ReportBuilder { Request = request }.ToXlsx())
            .Folder("thư đến")
            .Add("thư đến/Sơn Tịnh.xlsx", sonTinh.ToXlsx())
            .Add("sai.xlsx", new ReportBuilder { Request = request, QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", -1L, 5L)] }.ToXlsx())
            .Add("../ngoai.xlsx", [1, 2, 3])
            .Add("lồng.zip", new ZipFiles().Add("a.xlsx", [1]).ToBytes())
            .ToBytes();
    }

    private static async Task SendAsync(IPage page, string round, byte[] zip)
    {
        await page.GotoAsync("/bulk");
        await page.SelectOptionAsync("#bulk-round", round);
        await page.SetInputFilesAsync("#bulk-file", new FilePayload { Name = "thu-den.zip", MimeType = "application/zip", Buffer = zip });
        await page.ClickAsync("#bulk-submit");
        await page.Locator("#bulk-files").WaitForAsync(new() { Timeout = 60_000 });
    }

    private async Task CloseRoundAsync(string code)
    {
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var response = await client.PostAsync(new Uri($"/api/rounds/{code}/close", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"close {code}: {(int)response.StatusCode}");
    }

    /// <summary>An open round of the first template for 51.SCT and Huyện Sơn Tịnh, answering a request document of its own.</summary>
    private async Task<(string Round, string Document)> NewRoundAsync()
    {
        var suffix = Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        var code = "BULK-" + suffix;
        var document = suffix + "/STTTT-BCVT&CNTT";
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var response = await client.PostAsJsonAsync(new Uri("/api/rounds", UriKind.Relative), new
        {
            code,
            title = "Báo cáo công nghệ phòng, chống dịch (kiểm thử nhận hàng loạt)",
            template = "covid-tech-2021",
            requestDocument = document,
            requestDate = "2021-10-26",
            deadline = "2030-12-31",
            expected = new { units = new[] { "51.SCT", "51.527" } },
        });
        Assert.True(response.IsSuccessStatusCode, $"round: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (code, document);
    }
}
