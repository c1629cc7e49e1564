using System.Globalization;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>The round dashboard in Chromium: live tiles, overdue units, the per-unit table's frame and filters, empty charts.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class DashboardPageTests(DemoSite site)
{
    [Fact]
    public async Task TilesChangeInPlaceWhenAReportArrives()
    {
        var (code, document) = await DemoRounds.CreateAsync(site, "LIVE");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync($"/rounds/{code}");
        Assert.Equal("0", await page.InnerTextAsync("#stat-reported"));
        var awaited = int.Parse(await page.InnerTextAsync("#stat-missing"), CultureInfo.InvariantCulture);
        Assert.StartsWith("Số liệu lúc", await page.InnerTextAsync("#live-time"), StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("#live-notice"));
        // A mark in the page's own script state: a reload would lose it.
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await DemoRounds.UploadCitingAsync(site, document, code);

        await page.WaitForFunctionAsync("() => document.getElementById('stat-reported').textContent === '1'", null, new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the page was reloaded");
        Assert.Equal((awaited - 1).ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#stat-missing"));
        Assert.Equal("1", await page.InnerTextAsync("#stat-ontime"));
        Assert.Matches(@"^Đã cập nhật lúc \d{2}:\d{2}$", await page.InnerTextAsync("#live-time"));
        Assert.True(await page.IsVisibleAsync("#live-notice"));
        await Screenshots.SaveAsync(page, "dashboard-live-updated");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADemoRoundPastItsDeadlineShowsOverdueUnits()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds/2021-10");

        Assert.True(await page.IsVisibleAsync("#tile-overdue"));
        Assert.False(await page.IsVisibleAsync("#tile-missing"));
        Assert.Equal("Quá hạn, chưa gửi", await page.InnerTextAsync("#tile-overdue .stat-label"));
        var overdue = int.Parse(await page.InnerTextAsync("#stat-overdue"), CultureInfo.InvariantCulture);
        Assert.True(overdue > 0, "2021-10 has no overdue unit");
        Assert.Contains("quá hạn, chưa gửi", await page.InnerTextAsync("#missing-heading"), StringComparison.Ordinal);
        var badges = await page.Locator("#units tr[data-status='overdue'] .badge").AllInnerTextsAsync();
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Equal("Quá hạn, chưa gửi", b));
        await page.Locator("#completeness").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "dashboard-overdue-2021-10");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePerUnitTableStaysWithinItsFrameOnDesktopAndPhone()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        foreach (var viewport in new[] { DemoSite.Desktop, DemoSite.Phone })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await page.GotoAsync("/rounds/2021-10");
            var frame = await page.EvaluateAsync<double[]>(
                "() => { const f = document.getElementById('units-frame'); const r = f.getBoundingClientRect(); return [r.right, f.scrollWidth, f.clientWidth, document.documentElement.scrollWidth, getComputedStyle(f).overflowX === 'auto' ? 1 : 0]; }");
            Assert.True(frame[0] <= viewport.Width, $"the per-unit frame ends at {frame[0]} px on a {viewport.Width} px screen");
            Assert.True(frame[3] <= viewport.Width, $"the page is {frame[3]} px wide on a {viewport.Width} px screen");
            // What does not fit scrolls inside the frame, not the page.
            Assert.Equal(1, frame[4]);
            var table = await page.EvaluateAsync<double>("() => document.getElementById('units').getBoundingClientRect().width");
            Assert.True(table <= frame[0] || frame[1] > frame[2], "the table is wider than its frame, yet the frame does not scroll");
        }
        await page.SetViewportSizeAsync(DemoSite.Desktop.Width, DemoSite.Desktop.Height);
        await page.Locator("#units-heading").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "dashboard-units-frame");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePerUnitTableFiltersByTextAndStatusAndPages()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds/2021-10");
        var all = await page.Locator("#units tbody tr").CountAsync();

        await page.FillAsync("#units-text", "sở");
        await page.SelectOptionAsync("#units-status", "overdue");
        await page.ClickAsync("#units-filter-submit");
        await page.WaitForURLAsync(url => url.Contains("status=overdue", StringComparison.Ordinal));
        var rows = page.Locator("#units tbody tr");
        var count = await rows.CountAsync();
        Assert.InRange(count, 1, all - 1);
        Assert.All(await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.getAttribute('data-status'))"), s => Assert.Equal("overdue", s));
        Assert.All(await page.Locator("#units tbody tr td:nth-child(2)").AllInnerTextsAsync(),
            name => Assert.Contains("sở", name.ToLowerInvariant(), StringComparison.Ordinal));
        Assert.Equal($"Hiển thị 1–{count} trên {count} mục", await page.InnerTextAsync("#units-summary"));
        Assert.Equal("sở", await page.InputValueAsync("#units-text"));
        await Screenshots.SaveAsync(page, "dashboard-units-filtered");

        await page.GotoAsync("/rounds/2021-10?size=5");
        Assert.Equal(5, await rows.CountAsync());
        Assert.Equal($"Hiển thị 1–5 trên {all} mục", await page.InnerTextAsync("#units-summary"));
        await page.ClickAsync("#units-pager a[rel='next']");
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        Assert.Equal($"Hiển thị 6–10 trên {all} mục", await page.InnerTextAsync("#units-summary"));
        Assert.Equal("Trang 2", await page.InnerTextAsync("#units-pager [aria-current='page']"));
        await Screenshots.SaveAsync(page, "dashboard-units-page-2");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnEmptyRoundSaysSoInsteadOfDrawingEmptyCharts()
    {
        var (code, _) = await DemoRounds.CreateAsync(site, "EMPTY");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync($"/rounds/{code}");

        Assert.Contains("Chưa có báo cáo nào", await page.InnerTextAsync("#charts-empty"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".chart img").CountAsync());
        Assert.Equal("0", await page.InnerTextAsync("#stat-reported"));
        // The chart itself, asked for directly, counts from 0: no negative tick label.
        var svg = await page.EvaluateAsync<string>($"() => fetch('/rounds/{code}/charts/types.svg').then(r => r.text())");
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotMatch(@">\s*[−-]\d", svg);
        await page.Locator("#charts-empty").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "dashboard-empty-round");
        await page.Context.CloseAsync();
    }
}
