using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>What a person sees when something goes wrong, and where the analysts find the API reference.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class ErrorPageTests(DemoSite site)
{
    [Fact]
    public async Task FileOf25MegabytesSentFromTheUploadPageShowsThePageNaming20Megabytes()
    {
        // Scripts off: the browser itself sends the form, as it does when the page's script checks nothing.
        var page = await site.SignInAsync("sct", "demo-sct-2025", javaScript: false);
        var folder = RepoPaths.NewTempFolder("rh-browser-413");
        try
        {
            var file = Path.Combine(folder, "bao-cao-25mb.xlsx");
            await using (var stream = File.Create(file))
            {
                stream.SetLength(25L * 1024 * 1024);
            }
            await page.GotoAsync("/unit");
            await page.SetInputFilesAsync("#upload-file", file);

            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#upload-submit"),
                r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/unit");
            await page.WaitForLoadStateAsync(LoadState.Load);

            Assert.Equal(413, response.Status);
            Assert.Equal("Tệp quá lớn", await page.InnerTextAsync("h1"));
            Assert.Contains("tối đa 20 MB", await page.InnerTextAsync("#error-what"), StringComparison.Ordinal);
            Assert.True(await page.Locator("#nav-unit").IsVisibleAsync(), "the error page is not in the site's layout");
            Assert.Equal("/unit", await page.GetAttributeAsync("#error-back", "href"));
            await Screenshots.SaveAsync(page, "error-413");
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MistypedAddressShowsThe404PageInTheSiteLayout()
    {
        var page = await site.SignInAsync("binhson", "demo-binhson-2025");

        var response = await page.GotoAsync("/bao-cao-don-vi");

        Assert.Equal(404, response?.Status);
        Assert.Equal("Không tìm thấy trang", await page.InnerTextAsync("h1"));
        Assert.Contains("/bao-cao-don-vi", await page.InnerTextAsync("#error-what"), StringComparison.Ordinal);
        Assert.DoesNotContain("openapi", await page.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);
        await AssertStyledAsync(page);
        await Screenshots.SaveAsync(page, "error-404");
        await page.ClickAsync("#error-home");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/unit");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TooManyRequestsShowsThePageSayingHowLongToWait()
    {
        // Its own process: spending an account's budget on the shared site would refuse the other tests.
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Access:RequestsPerMinute"] = "4" }, demo: true);
        var page = await site.SignInAsync("sct", "demo-sct-2025", api: api);

        IResponse? response = null;
        for (var i = 0; i < 10 && response?.Status != 429; i++)
        {
            response = await page.GotoAsync("/unit");
        }

        Assert.Equal(429, response?.Status);
        Assert.Equal("Quá nhiều yêu cầu", await page.InnerTextAsync("h1"));
        var seconds = int.Parse(await response!.HeaderValueAsync("retry-after") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(WaitInWords(), await page.InnerTextAsync("#error-advice"));
        Assert.Contains(seconds < 60 ? $"{seconds} giây" : $"{seconds / 60} phút", await page.InnerTextAsync("#error-advice"), StringComparison.Ordinal);
        await AssertStyledAsync(page);
        await Screenshots.SaveAsync(page, "error-429");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnalystOpensTheApiReferenceFromTheMenuWithoutScalarsToolbar()
    {
        var page = await site.SignInAsync("phantich", "demo-phantich-2025");
        var origin = site.Api.BaseAddress.GetLeftPart(UriPartial.Authority);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.ClickAsync("#nav-api");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/scalar", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByText("ReportHub API").First.WaitForAsync();

        Assert.Empty(elsewhere);
        Assert.Equal(0, await page.GetByText("Generate SDK").CountAsync());
        Assert.Equal(0, await page.GetByText("Deploy", new() { Exact = true }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Open API Client" }).CountAsync());
        await Screenshots.SaveAsync(page, "api-reference");
        await page.Context.CloseAsync();

        var clerk = await site.SignInAsync("sct", "demo-sct-2025");
        Assert.Equal(0, await clerk.Locator("#nav-api").CountAsync());
        await clerk.Context.CloseAsync();
    }

    /// <summary>The stylesheet reached the page: the header has its coloured band, not the browser's default.</summary>
    private static async Task AssertStyledAsync(IPage page)
    {
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
    }

    [GeneratedRegex(@"^Hãy đợi khoảng \d+ (giây|phút)( \d+ giây)? rồi thử lại\.$")]
    private static partial Regex WaitInWords();
}
