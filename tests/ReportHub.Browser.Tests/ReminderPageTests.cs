using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;
using ReportHub.Testing.Documents;
using ReportHub.Testing.Mail;

namespace ReportHub.Browser.Tests;

/// <summary>
/// Reminders in Chromium: the dashboard's công văn đôn đốc and its "Gửi nhắc nhở" button, and the admin page's contact
/// addresses. Mail needs an API process of its own (the shared demo site has no mail server), which also keeps the
/// addresses set here away from other tests.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ReminderPageTests(DemoSite site)
{
    private static readonly string[] Units = ["51.SNV", "51.STP", "51.VPUBND"];

    [Fact]
    public async Task DashboardDownloadsTheReminderLetterAndSendsRemindersShowingSentAndSkipped()
    {
        var smtp = await SmtpServer.GetAsync();
        await using var api = await ApiProcess.StartAsync(smtp.Settings().ToDictionary(s => s.Key, s => s.Value), demo: true);
        var code = "NHAC-" + Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        var snv = SmtpServer.NewAddress("snv");
        var stp = SmtpServer.NewAddress("stp");
        using (var client = new HttpClient { BaseAddress = api.BaseAddress })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.AdminKeyAsync());
            using var created = await client.PostAsJsonAsync(new Uri("/api/rounds", UriKind.Relative), new
            {
                code,
                title = "Báo cáo tình hình chuyển đổi số quý I năm 2024",
                template = "covid-tech-2021",
                requestDocument = "321/STTTT-CĐS",
                requestDate = "2024-03-01",
                deadline = "2024-03-15",
                expected = new { units = Units },
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            foreach (var (unit, email) in new[] { ("51.SNV", snv), ("51.STP", stp) })
            {
                using var set = await client.PutAsJsonAsync(new Uri($"/api/units/{unit}/contact", UriKind.Relative), new { email });
                Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
            }
        }
        var page = await site.SignInAsync("phantich", "demo-phantich-2025", api: api);
        await page.GotoAsync($"/rounds/{code}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-reminder"));
        Assert.Null(await download.FailureAsync());
        Assert.Equal($"don-doc-{code}.docx", download.SuggestedFilename);
        var path = Path.Combine(Screenshots.Folder, "..", "downloads", download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var text = await LibreOffice.TextOfAsync(await File.ReadAllBytesAsync(path), "docx");
        Assert.Contains("321/STTTT-CĐS", text, StringComparison.Ordinal);
        Assert.Contains("Văn phòng UBND tỉnh Quảng Ngãi", text, StringComparison.Ordinal);

        await page.ClickAsync("#send-reminders");
        await page.WaitForSelectorAsync("#reminders-result");

        Assert.Equal("Đã gửi 2 thư nhắc: 51.SNV, 51.STP.", await page.InnerTextAsync("#reminders-sent"));
        var skipped = page.Locator("#reminders-skipped li");
        Assert.Equal(1, await skipped.CountAsync());
        Assert.Equal("51.VPUBND", await skipped.GetAttributeAsync("data-unit"));
        Assert.Contains("chưa có địa chỉ thư điện tử", await skipped.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(await smtp.WaitForAsync(snv, 1));
        Assert.Single(await smtp.WaitForAsync(stp, 1));
        foreach (var viewport in new[] { DemoSite.Desktop, DemoSite.Phone })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            await page.Locator("#reminders").ScrollIntoViewIfNeededAsync();
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"the page scrolls sideways at {viewport.Width} px");
        }
        await Screenshots.SaveAsync(page, "dashboard-reminders-sent");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithoutMailTheDashboardSaysMailIsNotConfigured()
    {
        var (code, _) = await DemoRounds.CreateAsync(site, "NHAC");
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        await page.GotoAsync($"/rounds/{code}");

        await page.ClickAsync("#send-reminders");
        await page.WaitForSelectorAsync("#reminders-problem");

        Assert.Contains("Chưa cấu hình máy chủ thư", await page.InnerTextAsync("#reminders-problem"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "dashboard-reminders-no-mail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AdminSetsAUnitsAddressAndAMalformedOneIsRefused()
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>(), demo: true);
        var page = await site.SignInAsync("quantri", "demo-quantri-2025", api: api);
        await page.GotoAsync("/admin");

        await page.SelectOptionAsync("#contact-unit", "51.SYT");
        await page.FillAsync("#contact-email", "vanthu-syt");
        await page.ClickAsync("#contact-submit");
        Assert.Contains("không phải địa chỉ thư điện tử hợp lệ", await page.InnerTextAsync("#admin-error"), StringComparison.Ordinal);
        Assert.Equal("vanthu-syt", await page.InputValueAsync("#contact-email"));

        await page.FillAsync("#contact-email", "vanthu@syt.quangngai.gov.vn");
        await page.ClickAsync("#contact-submit");

        Assert.Contains("Đã lưu địa chỉ thư của Sở Y tế tỉnh Quảng Ngãi (51.SYT)", await page.InnerTextAsync("#admin-message"), StringComparison.Ordinal);
        Assert.Equal("vanthu@syt.quangngai.gov.vn", await page.InnerTextAsync("#contacts tr[data-unit='51.SYT'] td[data-label='Địa chỉ thư']"));
        await Screenshots.SaveAsync(page, "admin-contacts");
        await page.Context.CloseAsync();
    }
}
