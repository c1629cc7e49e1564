using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;
using ReportHub.Warehouse.Access;

namespace ReportHub.Browser.Tests;

/// <summary>
/// Review in the browser: the analyst returns or approves Sở Tư pháp's report from the per-unit table of a round of
/// the test's own; the department reads the comment on its page and meets the approval's refusal as a headline.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ReviewPageTests(DemoSite site)
{
    private const string Unit = "51.STP";
    private const string SampleCsv = "stp-2876.csv";
    private const string SampleDocument = "1234/SKHCN-CĐS";
    private const string Comment = "Số hồ sơ tiếp nhận trực tuyến chưa khớp với hệ thống một cửa; đề nghị rà soát và gửi lại.";

    [Fact]
    public async Task AnalystReturnsAReportAndTheDepartmentReadsTheComment()
    {
        var (code, document) = await DemoRounds.CreateAsync(site, "duyet-tra");
        await DemoRounds.UploadCitingAsync(site, document, code);
        var analyst = await site.SignInAsync("phantich", "demo-phantich-2025");
        await analyst.GotoAsync($"/rounds/{code}?q={Unit}");

        await analyst.ClickAsync($"#return-{Escaped(Unit)}");
        await analyst.FillAsync($"#comment-{Escaped(Unit)}", Comment);
        await analyst.ClickAsync($"#return-submit-{Escaped(Unit)}");

        await analyst.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/rounds/{code}");
        Assert.Contains("Đã trả lại báo cáo", await analyst.InnerTextAsync("#notice"), StringComparison.Ordinal);
        var row = analyst.Locator($"#units tr[data-unit='{Unit}']");
        Assert.Equal("returned", await row.Locator("[data-review]").GetAttributeAsync("data-review"));
        Assert.Contains(Comment, await row.Locator(".review-comment").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(analyst, "review-returned-dashboard");
        await analyst.Context.CloseAsync();

        var clerk = await SignInClerkAsync();
        Assert.Equal("/unit", new Uri(clerk.Url).AbsolutePath);
        var listed = clerk.Locator("#returned-list li", new() { HasText = code });
        Assert.Equal(1, await listed.CountAsync());
        var shown = await listed.Locator("blockquote").InnerTextAsync();
        Assert.Equal(Comment, shown.Trim());
        Assert.True(shown.IsNormalized(NormalizationForm.FormC));
        var notice = clerk.Locator("#page-notices li[data-kind='returned']", new() { HasText = code });
        Assert.Contains(Comment, await notice.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(clerk, "review-returned-unit");

        // Closed without script: the form posts and the page comes back without that notice; the list stays.
        await notice.Locator("button").ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/unit");
        Assert.Equal(0, await clerk.Locator("#page-notices li[data-kind='returned']", new() { HasText = code }).CountAsync());
        Assert.Equal(1, await clerk.Locator("#returned-list li", new() { HasText = code }).CountAsync());
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task ApprovedReportRefusesANewUploadWithAHeadlineUntilSetBackToPending()
    {
        var (code, document) = await DemoRounds.CreateAsync(site, "duyet-chot");
        await DemoRounds.UploadCitingAsync(site, document, code);
        var analyst = await site.SignInAsync("phantich", "demo-phantich-2025");
        await analyst.GotoAsync($"/rounds/{code}?q={Unit}");
        await analyst.ClickAsync($"#approve-{Escaped(Unit)}");
        await analyst.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/rounds/{code}");
        Assert.Equal("approved", await analyst.Locator($"#units tr[data-unit='{Unit}'] [data-review]").GetAttributeAsync("data-review"));
        await Screenshots.SaveAsync(analyst, "review-approved-dashboard");

        var folder = RepoPaths.NewTempFolder("rh-review");
        try
        {
            var revision = await WriteRevisionAsync(folder, document);
            var clerk = await SignInClerkAsync();

            var status = await UploadAsync(clerk, revision);

            Assert.Equal(409, status);
            Assert.Equal("refused", await clerk.GetAttributeAsync("#result-status", "data-kind"));
            Assert.Equal("rejected", await clerk.GetAttributeAsync("#result-status", "data-status"));
            var detail = await clerk.InnerTextAsync("#result-detail");
            Assert.Contains("đã được chuyên viên Sở duyệt", detail, StringComparison.Ordinal);
            Assert.Contains("chờ duyệt", detail, StringComparison.Ordinal);
            Assert.True(detail.IsNormalized(NormalizationForm.FormC));
            Assert.DoesNotContain("ô được đánh dấu", await clerk.InnerTextAsync("#result-title") + detail, StringComparison.Ordinal);
            await clerk.Locator("#result").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(clerk, "review-approved-409");

            await analyst.GotoAsync($"/rounds/{code}?q={Unit}");
            await analyst.ClickAsync($"#pending-{Escaped(Unit)}");
            await analyst.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/rounds/{code}");
            Assert.Equal("pending", await analyst.Locator($"#units tr[data-unit='{Unit}'] [data-review]").GetAttributeAsync("data-review"));

            Assert.Equal(200, await UploadAsync(clerk, revision));
            Assert.Equal("accepted", await clerk.GetAttributeAsync("#result-status", "data-status"));
            await clerk.Context.CloseAsync();
        }
        finally
        {
            RepoPaths.TryDelete(folder);
            await analyst.Context.CloseAsync();
        }
    }

    private static string Escaped(string id) => id.Replace(".", "\\.", StringComparison.Ordinal);

    /// <summary>A department account of Sở Tư pháp of the test's own, so no demo account's page changes.</summary>
    private async Task<IPage> SignInClerkAsync()
    {
        var name = "stp" + Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        var password = $"mat-khau-{name}-2025";
        await site.Api.CreateUserAsync(name, Roles.Department, Unit, password);
        return await site.SignInAsync(name, password);
    }

    /// <summary>Sở Tư pháp's sample citing the round's document, with other bytes than the one sent (a trailing line).</summary>
    private static async Task<string> WriteRevisionAsync(string folder, string document)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.SampleReports, "2025-Q3", SampleCsv));
        var path = Path.Combine(folder, "stp-ban-sua.csv");
        await File.WriteAllTextAsync(path, text.Replace(SampleDocument, document, StringComparison.Ordinal) + "\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>Sends the file from the unit page and answers the page's HTTP status.</summary>
    private static async Task<int> UploadAsync(IPage page, string path)
    {
        await page.GotoAsync("/unit");
        await page.SetInputFilesAsync("#upload-file", path);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#upload-submit"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/unit");
        await page.Locator("#result-status").WaitForAsync();
        return response.Status;
    }
}
