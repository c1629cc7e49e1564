using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>The pages people open on a phone: nothing wider than the screen, so no sideways scrolling of the page.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PhoneWidthTests(DemoSite site)
{
    [Fact]
    public async Task UnitPageFitsPhoneWidth()
    {
        var page = await site.SignInAsync("binhson", "demo-binhson-2025");
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        await page.GotoAsync("/unit");
        Assert.Contains("Bình Sơn", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "phone-unit");
        await AssertFitsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RoundDashboardFitsPhoneWidth()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        await page.GotoAsync("/rounds/2021-10");
        Assert.NotEqual("0", await page.InnerTextAsync("#stat-reported"));
        await Screenshots.SaveAsync(page, "phone-dashboard");
        await AssertFitsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Wide tables scroll inside their own frame; the page itself must not be wider than the phone.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)");
        Assert.True(width <= DemoSite.Phone.Width, $"{page.Url} is {width} px wide on a {DemoSite.Phone.Width} px phone; too wide: {string.Join(", ", wide)}");
    }
}
