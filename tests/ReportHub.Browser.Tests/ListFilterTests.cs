using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>The history and the audit log in Chromium: filters by text, status, action, actor and days, with pages.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class ListFilterTests(DemoSite site)
{
    [Fact]
    public async Task TheHistoryFiltersByTextAndStatusAndPages()
    {
        // Read only: the clerk's own history, which the demo's sample reports fill.
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.GotoAsync("/unit");
        var all = await page.Locator("#history tbody tr").CountAsync();
        Assert.True(all >= 2, $"51.SCT has {all} reports in the demo");

        await page.FillAsync("#history-text", "2025-Q3");
        await page.ClickAsync("#history-filter-submit");
        await page.WaitForURLAsync(url => url.Contains("hq=2025-Q3", StringComparison.Ordinal));
        var rounds = await page.Locator("#history tbody td[data-label='Đợt']").AllInnerTextsAsync();
        Assert.NotEmpty(rounds);
        Assert.All(rounds, r => Assert.Equal("2025-Q3", r));

        await page.FillAsync("#history-text", "");
        await page.SelectOptionAsync("#history-status", "current");
        await page.ClickAsync("#history-filter-submit");
        await page.WaitForURLAsync(url => url.Contains("hstatus=current", StringComparison.Ordinal));
        Assert.All(await page.Locator("#history tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.getAttribute('data-status'))"),
            s => Assert.Equal("current", s));
        await Screenshots.SaveAsync(page, "history-filtered");

        await page.GotoAsync("/unit?hsize=1");
        Assert.Equal(1, await page.Locator("#history tbody tr").CountAsync());
        var total = Total(await page.InnerTextAsync("#history-summary"));
        Assert.Equal($"Hiển thị 1–1 trên {total} mục", await page.InnerTextAsync("#history-summary"));
        var first = await page.GetAttributeAsync("#history tbody tr", "data-submission");
        await page.ClickAsync("#history-pager a[rel='next']");
        await page.WaitForURLAsync(url => url.Contains("hpage=2", StringComparison.Ordinal));
        Assert.Equal($"Hiển thị 2–2 trên {total} mục", await page.InnerTextAsync("#history-summary"));
        Assert.NotEqual(first, await page.GetAttributeAsync("#history tbody tr", "data-submission"));
        await Screenshots.SaveAsync(page, "history-page-2");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheAuditLogHasItsOwnPageWithFiltersAndPages()
    {
        // Sign-ins of its own, so the log has more than a page of two whatever ran before.
        for (var i = 0; i < 2; i++)
        {
            await (await site.SignInAsync("quantri", "demo-quantri-2025")).Context.CloseAsync();
        }
        var page = await site.SignInAsync("quantri", "demo-quantri-2025");
        await page.GotoAsync("/admin");
        await page.ClickAsync("#audit-link");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/audit");
        Assert.StartsWith("Hiển thị 1–", await page.InnerTextAsync("#audit-summary"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#audit-action", "session.sign-in");
        await page.FillAsync("#audit-actor", "quantri");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#audit-from", today);
        await page.FillAsync("#audit-to", today);
        await page.ClickAsync("#audit-filter-submit");
        await page.WaitForURLAsync(url => url.Contains("action=session.sign-in", StringComparison.Ordinal));
        var actions = await page.Locator("#audit tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.getAttribute('data-action'))");
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("session.sign-in", a));
        Assert.All(await page.Locator("#audit tbody td[data-label='Người thực hiện']").AllInnerTextsAsync(), a => Assert.Contains("quantri", a, StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "audit-filtered");

        await page.GotoAsync("/admin/audit?size=2");
        var total = Total(await page.InnerTextAsync("#audit-summary"));
        Assert.True(total > 2, $"the demo's audit log has {total} entries");
        Assert.Equal(2, await page.Locator("#audit tbody tr").CountAsync());
        await page.ClickAsync("#audit-pager a[rel='next']");
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        Assert.Matches(@"^Hiển thị 3–[34] trên [\d.]+ mục$", await page.InnerTextAsync("#audit-summary"));
        Assert.True(await page.IsVisibleAsync("#audit-pager a[rel='prev']"));
        await Screenshots.SaveAsync(page, "audit-page-2");

        await page.GotoAsync("/admin/audit?from=2000-01-01&to=2000-01-02");
        Assert.Equal("Không có thao tác nào khớp bộ lọc.", await page.InnerTextAsync("#audit-empty"));
        await page.Context.CloseAsync();
    }

    private static int Total(string summary) =>
        int.Parse(TotalOf().Match(summary).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"trên ([\d.]+) mục")]
    private static partial Regex TotalOf();
}
