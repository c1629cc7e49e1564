using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// Every page as the person who uses it, at desktop and phone widths: the screenshots are what a reviewer looks at,
/// and at phone width no page may be wider than the screen.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PageGalleryTests(DemoSite site)
{
    [Fact]
    public async Task SignInPageIsScreenshottedAtBothWidths()
    {
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.Api.BaseAddress.ToString(), ViewportSize = DemoSite.Desktop, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        Assert.Equal("Đăng nhập", await page.InnerTextAsync("h1"));
        await Screenshots.SaveAsync(page, "page-signin");
        await AssertFitsPhoneAsync(page);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("binhson", "demo-binhson-2025", "/unit", "page-unit")]
    [InlineData("phantich", "demo-phantich-2025", "/rounds", "page-rounds")]
    [InlineData("phantich", "demo-phantich-2025", "/rounds/2021-10", "page-dashboard")]
    [InlineData("phantich", "demo-phantich-2025", "/templates", "page-templates")]
    [InlineData("phantich", "demo-phantich-2025", "/exports", "page-exports")]
    [InlineData("quantri", "demo-quantri-2025", "/admin", "page-admin")]
    public async Task PageIsScreenshottedAtBothWidths(string user, string password, string path, string name)
    {
        var page = await site.SignInAsync(user, password);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);
        // Charts are images drawn on request: wait until they are in, so the screenshot shows them.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("h1")), $"{path} has no heading");
        await Screenshots.SaveAsync(page, name);
        await AssertFitsPhoneAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsPhoneAsync(IPage page)
    {
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= DemoSite.Phone.Width, $"{page.Url} is {width} px wide on a {DemoSite.Phone.Width} px phone");
    }
}
