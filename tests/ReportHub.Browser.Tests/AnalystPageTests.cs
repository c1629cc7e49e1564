using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>A DOIC analyst (demo account phantich) in the browser: a new round from opening to the consolidated workbook.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AnalystPageTests(DemoSite site)
{
    /// <summary>A 2025-Q3 report of Sở Tư pháp; its header cites the Q3 round's request document.</summary>
    private const string SampleCsv = "stp-2876.csv";
    private const string SampleDocument = "1234/SKHCN-CĐS";

    [Fact]
    public async Task AnalystCreatesRoundWatchesDashboardClosesAndDownloadsWorkbook()
    {
        var suffix = Random.Shared.Next(1000, 10000).ToString(CultureInfo.InvariantCulture);
        var code = "BT-" + suffix;
        var document = suffix + "/SKHCN-CĐS";
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");

        await page.GotoAsync("/rounds");
        await page.FillAsync("#round-code", code);
        await page.FillAsync("#round-title", "Báo cáo dịch vụ công trực tuyến (kiểm thử trình duyệt)");
        await page.SelectOptionAsync("#round-template", "dvc-online-2025");
        await page.FillAsync("#round-document", document);
        await page.FillAsync("#round-request-date", "2025-10-01");
        await page.FillAsync("#round-deadline", "2030-12-31");
        await page.CheckAsync("#round-type-department");
        await page.UncheckAsync("#round-type-district");
        await Screenshots.SaveAsync(page, "analyst-round-form");
        await page.ClickAsync("#round-preview-button");
        await page.Locator("#round-preview").WaitForAsync();
        await page.ClickAsync("#round-submit");
        await page.Locator("#notice").WaitForAsync();
        Assert.Contains(code, await page.InnerTextAsync("#notice"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#rounds tr[data-round='{code}']").CountAsync());

        await page.GotoAsync($"/rounds/{code}");
        Assert.Equal("0", await page.InnerTextAsync("#stat-reported"));
        var expected = int.Parse(await page.InnerTextAsync("#stat-expected"), CultureInfo.InvariantCulture);
        Assert.True(expected > 0, "the round expects no unit");
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#stat-missing"));
        Assert.Equal(1, await page.Locator("#missing-units li[data-unit='51.STP']").CountAsync());

        // A department's file arrives through the API: the sample report re-dated to cite the new round's document.
        await UploadCitingAsync(document, code);
        await page.ReloadAsync();
        Assert.Equal("1", await page.InnerTextAsync("#stat-reported"));
        Assert.Equal((expected - 1).ToString(CultureInfo.InvariantCulture), await page.InnerTextAsync("#stat-missing"));
        Assert.Equal(0, await page.Locator("#missing-units li[data-unit='51.STP']").CountAsync());
        Assert.Equal(1, await page.Locator("#units tr[data-unit='51.STP'] a[href^='/submissions/']").CountAsync());
        await Screenshots.SaveAsync(page, "analyst-dashboard");

        await page.GotoAsync("/rounds");
        await page.ClickAsync($"#close-{code}");
        await page.ClickAsync("#close-submit");
        await page.Locator($"#reopen-{code}").WaitForAsync();
        Assert.Equal("Đã đóng", await page.InnerTextAsync($"#rounds tr[data-round='{code}'] .badge"));
        await page.GotoAsync($"/rounds/{code}");
        Assert.Contains("Đã đóng", await page.InnerTextAsync("main p.muted"), StringComparison.Ordinal);

        using (var workbook = await Downloads.WorkbookAsync(page, "#download-xlsx"))
        {
            Assert.Contains(workbook.Worksheets, sheet => sheet.CellsUsed().Any(c => c.GetString() == "51.STP"));
        }
        await Screenshots.SaveAsync(page, "analyst-dashboard-closed");
        await page.Context.CloseAsync();
    }

    private async Task UploadCitingAsync(string document, string round)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.SampleReports, "2025-Q3", SampleCsv));
        Assert.Contains(SampleDocument, text, StringComparison.Ordinal);
        var content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetBytes(text.Replace(SampleDocument, document, StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", SampleCsv);
        using var response = await client.PostAsync(new Uri("/api/submissions", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {body}");
        Assert.Contains("\"accepted\"", body, StringComparison.Ordinal);
        Assert.Contains(round, body, StringComparison.Ordinal);
    }
}
