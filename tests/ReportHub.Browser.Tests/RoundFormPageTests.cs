using System.Globalization;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// The round forms in Chromium at desktop and phone widths: the units are previewed before a round is opened, the
/// ticked boxes survive a refused post, closing asks first, and only real actions show a notice. Each test opens its
/// own rounds, so the demo rounds other tests read are left as they are.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class RoundFormPageTests(DemoSite site)
{
    /// <summary>Quảng Ngãi's districts before the 2025 merger, the day these rounds are requested.</summary>
    private const int Districts = 13;

    [Fact]
    public async Task ADistrictsOnlyRoundIsPreviewedWithItsCountAndListAndOpensWithThatCount()
    {
        var (code, document) = NewCode("HUYEN");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds");
        await FillAsync(page, code, document);
        await page.UncheckAsync("#round-type-department");
        await page.CheckAsync("#round-type-district");

        await page.ClickAsync("#round-preview-button");

        await page.Locator("#round-preview").WaitForAsync();
        Assert.Equal(Districts.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#preview-count"));
        Assert.Equal(Districts, await page.Locator("#preview-units li").CountAsync());
        Assert.Equal(1, await page.Locator("#preview-units li[data-unit='51.524']").CountAsync());
        Assert.Equal(0, await page.Locator("#preview-units li[data-unit='51.SCT']").CountAsync());
        Assert.True(await page.IsCheckedAsync("#round-type-district"));
        Assert.False(await page.IsCheckedAsync("#round-type-department"));
        await Screenshots.SaveAsync(page, "round-form-districts-preview");

        await page.ClickAsync("#round-submit");
        await page.Locator("#notice").WaitForAsync();
        Assert.Contains($"Đã mở đợt {code} với {Districts} đơn vị phải báo cáo.", await page.InnerTextAsync("#notice"), StringComparison.Ordinal);
        await page.GotoAsync($"/rounds/{code}");
        Assert.Equal(Districts.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#stat-expected"));
        await Screenshots.SaveAsync(page, "round-districts-dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheTickedBoxesKeepTheirStateAfterARefusedPost()
    {
        var (code, _) = NewCode("LOI");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds");
        await FillAsync(page, code, "không phải số công văn");
        await page.UncheckAsync("#round-type-department");
        await page.CheckAsync("#round-type-district");
        await page.CheckAsync("#round-type-commune");

        await page.ClickAsync("#round-preview-button");

        await page.Locator("#round-problems").WaitForAsync();
        Assert.Contains("Số, ký hiệu công văn yêu cầu", await page.InnerTextAsync("#round-problems li[data-field='requestDocument']"), StringComparison.Ordinal);
        Assert.DoesNotContain("(requestDocument)", await page.InnerTextAsync("#round-problems"), StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("#round-type-district"));
        Assert.True(await page.IsCheckedAsync("#round-type-commune"));
        Assert.False(await page.IsCheckedAsync("#round-type-department"));
        Assert.Equal(code, await page.InputValueAsync("#round-code"));
        await Screenshots.SaveAsync(page, "round-form-refused-keeps-boxes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClosingARoundAsksOnItsOwnPageAndOnlyTheRealActionShowsANotice()
    {
        var (code, document) = NewCode("DONG");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync("/rounds");
        await FillAsync(page, code, document);
        await page.ClickAsync("#round-preview-button");
        await page.ClickAsync("#round-submit");
        await page.Locator("#notice").WaitForAsync();

        await page.GotoAsync("/rounds?done=" + Uri.EscapeDataString("Hệ thống sẽ bảo trì, hãy gửi mật khẩu cho quản trị"));
        Assert.Equal(0, await page.Locator("#notice").CountAsync());
        Assert.DoesNotContain("mật khẩu", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "rounds-done-link-no-notice");

        await page.ClickAsync($"#close-{code}");
        await page.Locator("#close-confirm").WaitForAsync();
        Assert.EndsWith($"/rounds/{code}/close", page.Url, StringComparison.Ordinal);
        Assert.Contains($"Đóng đợt {code}?", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "round-close-confirmation");
        await page.ClickAsync("#close-cancel");
        Assert.Equal("Đang mở", await page.InnerTextAsync($"#rounds tr[data-round='{code}'] .badge"));

        await page.ClickAsync($"#close-{code}");
        await page.ClickAsync("#close-submit");
        await page.Locator("#notice").WaitForAsync();
        Assert.Contains($"Đã đóng đợt {code}", await page.InnerTextAsync("#notice"), StringComparison.Ordinal);
        Assert.Equal("Đã đóng", await page.InnerTextAsync($"#rounds tr[data-round='{code}'] .badge"));
        await Screenshots.SaveAsync(page, "rounds-closed-notice");
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#notice").CountAsync());
        await page.Context.CloseAsync();
    }

    private static (string Code, string Document) NewCode(string prefix)
    {
        // Five digits: the other browser tests number their request documents with four, and one document opens one round.
        var suffix = Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        return ($"{prefix}-{suffix}", $"{suffix}/SKHCN-CĐS");
    }

    private static async Task FillAsync(IPage page, string code, string document)
    {
        await page.FillAsync("#round-code", code);
        await page.FillAsync("#round-title", "Báo cáo của các huyện (kiểm thử trình duyệt)");
        await page.SelectOptionAsync("#round-template", "covid-tech-2021");
        await page.FillAsync("#round-document", document);
        await page.FillAsync("#round-request-date", "2024-05-06");
        await page.FillAsync("#round-deadline", "2030-12-31");
    }
}
