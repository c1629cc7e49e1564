using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// The exports page's CSV link gives the form Vietnamese Excel opens in columns: semicolons after the BOM (no <c>sep=</c> line, which would make Excel drop the BOM),
/// Vietnamese headings and values. Only reads the demo site.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ExportsPageTests(DemoSite site)
{
    [Fact]
    public async Task CsvLinkDownloadsTheExcelFormWithVietnameseValuesAtDesktopAndPhoneWidths()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/exports");
        Assert.Equal("Tải báo cáo tổng hợp", await page.InnerTextAsync("h1"));
        await Screenshots.SaveAsync(page, "exports");

        foreach (var viewport in new[] { DemoSite.Desktop, DemoSite.Phone })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            var link = page.Locator("#csv-2021-10");
            Assert.True(await link.IsVisibleAsync(), $"the CSV link is hidden at {viewport.Width} px");

            var lines = await Downloads.CsvLinesAsync(page, "#csv-2021-10");

            Assert.StartsWith("Mã đơn vị;Tên đơn vị;Loại;Tình trạng;Ngày nhận;Mã báo cáo;", lines[0], StringComparison.Ordinal);
            var rows = lines.Skip(1).Select(l => l.Split(';')).ToList();
            Assert.Contains(rows, r => r[2] == "Sở, ban, ngành");
            Assert.Contains(rows, r => r[3] is "Đúng hạn" or "Trễ hạn");
            Assert.All(rows, r => Assert.Contains(r[3], (string[])["Đúng hạn", "Trễ hạn", "Chưa gửi"]));
            string[] codes = ["department", "district", "commune", "province", "other", "onTime", "late", "missing"];
            Assert.DoesNotContain(rows.SelectMany(r => r), codes.Contains);
        }
        await page.Context.CloseAsync();
    }
}
