using System.Diagnostics;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// A published build as it is deployed: its own folder, started from another one in Production. Its sign-in page
/// must come with its style, served before sign-in is asked for.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PublishedBuildTests(DemoSite site)
{
    [Fact]
    public async Task PublishedBuildStartedFromAnotherFolderServesItsStylesheet()
    {
        var folder = RepoPaths.NewTempFolder("rh-publish");
        try
        {
            var dll = await PublishAsync(folder);
            Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "css", "site.css")), "the publish output has no stylesheet");
            // ApiProcess starts it in Production from a temp folder of its own, with a SQLite (or the suite's) warehouse there.
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>(), dll: dll);
            var context = await site.Browser.NewContextAsync(new() { BaseURL = api.BaseAddress.ToString(), ViewportSize = DemoSite.Desktop, Locale = "vi-VN" });
            var page = await context.NewPageAsync();

            var response = await page.GotoAsync("/signin");

            Assert.Equal(200, response?.Status);
            var href = await page.GetAttributeAsync("link[rel=stylesheet]", "href");
            Assert.NotNull(href);
            var style = await context.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
            Assert.Equal(200, style.Status);
            Assert.StartsWith("text/css", style.Headers["content-type"], StringComparison.Ordinal);
            // 28rem in site.css: only the stylesheet gives the sign-in card a width.
            Assert.Equal("448px", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.signin')).maxWidth"));
            var missing = await context.APIRequest.GetAsync("/css/khong-co.css", new() { MaxRedirects = 0 });
            Assert.Equal(404, missing.Status);
            await Screenshots.SaveAsync(page, "published-signin");
            await context.CloseAsync();
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }

    /// <summary>
    /// Publishes the API into <paramref name="folder"/> from the build this test run already made (--no-build): the
    /// layout of the folder is what is under test, and it is the same in every configuration.
    /// </summary>
    private static async Task<string> PublishAsync(string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine(RepoPaths.Root, "src", "ReportHub.Api", "ReportHub.Api.csproj"), "-c", "Debug", "--no-build",
                     "-o", folder, "--nologo", "-v", "q",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed: {await output}{await errors}");
        var dll = Path.Combine(folder, "ReportHub.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} was not published: {await output}");
        return dll;
    }
}
