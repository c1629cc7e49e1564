using Microsoft.Playwright;

namespace ReportHub.Browser.Tests.Site;

/// <summary>Full-page screenshots at desktop and phone widths, kept as test artifacts for people to look at.</summary>
public static class Screenshots
{
    /// <summary>REPORTHUB_SCREENSHOTS, else TestResults/screenshots beside the test binaries.</summary>
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("REPORTHUB_SCREENSHOTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Saves name-desktop.png and name-phone.png and leaves the page at desktop width.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        foreach (var (width, viewport) in new[] { ("desktop", DemoSite.Desktop), ("phone", DemoSite.Phone) })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            var path = Path.Combine(Folder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            Assert.True(new FileInfo(path).Length > 0, $"empty screenshot {path}");
        }
        await page.SetViewportSizeAsync(DemoSite.Desktop.Width, DemoSite.Desktop.Height);
    }
}
