using System.Net.Http.Headers;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// The report filled in on its page by the department clerk (demo account sct, unit 51.SCT), each test in a round of
/// its own, so its draft and its report touch nothing another test reads.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class EntryPageTests(DemoSite site)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task TheFormIsFilledCheckedAndSent(int width, int height)
    {
        var (round, _) = await DemoRounds.CreateAsync(site, "NT");
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/unit");
        await page.ClickAsync($"#entry-{round}");
        await page.WaitForURLAsync(url => url.Contains("/unit/entry", StringComparison.Ordinal));
        Assert.Contains(round, await page.InnerTextAsync("#entry-round"), StringComparison.Ordinal);
        Assert.Contains("51.SCT", await page.InnerTextAsync("#entry-unit"), StringComparison.Ordinal);

        await FillAsync(page);
        Assert.True(await NoSidewaysScrollAsync(page), "the page is wider than the screen");
        await page.ClickAsync("#entry-check");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Contains(await page.GetAttributeAsync("#result-status", "data-kind"), new[] { "accepted", "warnings" });
        Assert.Equal("1.500", await page.InputValueAsync("#f-services-1-received"));

        await page.ClickAsync("#entry-send");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
        Assert.Equal("1.500", await page.InnerTextAsync("#read-figures [data-key=received] dd"));
        Assert.True(await NoSidewaysScrollAsync(page), "the answer is wider than the screen");
        await Screenshots.SaveAsync(page, $"entry-sent-{width}");
        await page.SetViewportSizeAsync(width, height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"entry-sent-at-{width}.png"), FullPage = true });
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task RowsAreAddedAndRemovedWithoutScript()
    {
        var (round, _) = await DemoRounds.CreateAsync(site, "NT");
        var page = await site.SignInAsync("sct", "demo-sct-2025", javaScript: false);
        await page.GotoAsync($"/unit/entry?round={round}");
        var rows = page.Locator("#t-services tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        await page.FillAsync("#f-services-1-entity", "Văn phòng Sở");
        await page.FillAsync("#f-services-2-entity", "Thanh tra Sở");

        await page.ClickAsync("#add-services");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal("Thanh tra Sở", await page.InputValueAsync("#f-services-2-entity"));
        await page.FillAsync("#f-services-3-entity", "Chi cục Quản lý thị trường");

        await page.ClickAsync("#remove-services-1");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("Thanh tra Sở", await page.InputValueAsync("#f-services-1-entity"));
        Assert.Equal("Chi cục Quản lý thị trường", await page.InputValueAsync("#f-services-2-entity"));
        await Screenshots.SaveAsync(page, "entry-rows-without-script");
        Assert.True(await NoSidewaysScrollAtPhoneAsync(page), "the form is wider than a phone");
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task ADraftIsSavedAndResumedAndErrorsLinkToTheirInputs()
    {
        var (round, _) = await DemoRounds.CreateAsync(site, "NT");
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.GotoAsync($"/unit/entry?round={round}");
        await FillAsync(page);
        await page.FillAsync("#f-services-1-procedures", "mười hai");
        await page.ClickAsync("#entry-save");
        Assert.Contains("Đã lưu bản nháp", await page.InnerTextAsync("#entry-notice"), StringComparison.Ordinal);

        // Another visit, in another browser, opens the draft where it was left.
        await page.Context.CloseAsync();
        page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.GotoAsync($"/unit/entry?round={round}");
        Assert.Contains("Đã mở bản nháp", await page.InnerTextAsync("#entry-notice"), StringComparison.Ordinal);
        Assert.Equal("mười hai", await page.InputValueAsync("#f-services-1-procedures"));
        Assert.Equal("Văn phòng Sở", await page.InputValueAsync("#f-services-1-entity"));

        await page.ClickAsync("#entry-send");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Equal("cells", await page.GetAttributeAsync("#result-status", "data-kind"));
        var message = page.Locator("#issues li[data-code='value.not-a-number']").First;
        Assert.Equal("#f-services-1-procedures", await message.Locator("a.issue-cell-link").GetAttributeAsync("href"));
        Assert.Equal("true", await page.GetAttributeAsync("#f-services-1-procedures", "aria-invalid"));
        await Screenshots.SaveAsync(page, "entry-error-on-input");
        Assert.True(await NoSidewaysScrollAtPhoneAsync(page), "the answer is wider than a phone");

        // Fixed and sent: the draft is gone.
        await page.FillAsync("#f-services-1-procedures", "120");
        await page.ClickAsync("#entry-send");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
        await page.GotoAsync($"/unit/entry?round={round}");
        Assert.Equal(0, await page.Locator("#entry-notice").CountAsync());
        Assert.Equal("", await page.InputValueAsync("#f-services-1-entity"));
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    private static async Task FillAsync(IPage page)
    {
        await page.FillAsync("#f-directives-1-content", "Kế hoạch cung cấp dịch vụ công trực tuyến");
        await page.FillAsync("#f-directives-1-citation", "Kế hoạch số 45/KH-SCT ngày 15/07/2025");
        await page.FillAsync("#f-services-1-entity", "Văn phòng Sở");
        foreach (var (column, value) in new[] { ("procedures", "120"), ("fullOnline", "80"), ("received", "1.500"), ("receivedOnline", "900"),
            ("resolved", "1.400"), ("resolvedOnTime", "1.350") })
        {
            await page.FillAsync($"#f-services-1-{column}", value);
        }
        await page.FillAsync("#f-inspection", "Không có");
        await page.FillAsync("#f-results", "Tỷ lệ hồ sơ trực tuyến tăng so với quý trước.");
        await page.FillAsync("#f-recommendations", "Không có");
    }

    private static async Task<bool> NoSidewaysScrollAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= page.ViewportSize!.Width;

    private static async Task<bool> NoSidewaysScrollAtPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        var fits = await NoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(DemoSite.Desktop.Width, DemoSite.Desktop.Height);
        return fits;
    }

    private async Task CloseRoundAsync(string code)
    {
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var response = await client.PostAsync(new Uri($"/api/rounds/{code}/close", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"close {code}: {(int)response.StatusCode}");
    }
}
