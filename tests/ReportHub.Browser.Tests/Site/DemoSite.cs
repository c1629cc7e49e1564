using Microsoft.Playwright;

namespace ReportHub.Browser.Tests.Site;

/// <summary>
/// One API process in Development over the repository's samples (demo accounts, round 2021-10 populated) and one
/// headless Debian Chromium, shared by the browser tests: starting either takes seconds.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    /// <summary>Debian's Chromium; test.sh installs it with apt-get when it is missing.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ApiProcess? _api;

    public ApiProcess Api => _api ?? throw new InvalidOperationException("The site is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install it with `apt-get install -y chromium` (test.sh does).");
        _api = await ApiProcess.StartAsync(new Dictionary<string, string>(), demo: true);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--lang=vi-VN"] });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) at desktop width, signed in with a demo account, or with an account
    /// of another process at <paramref name="site"/>.
    /// </summary>
    /// <param name="javaScript">False for a browser with scripts off: forms are sent by the browser itself.</param>
    /// <param name="api">Another process than the shared one, e.g. one with its own limits.</param>
    public async Task<IPage> SignInAsync(string userName, string password, Uri? site = null, bool javaScript = true, ApiProcess? api = null)
    {
        var context = await NewContextAsync(site ?? (api ?? Api).BaseAddress, javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#signin-user", userName);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));
        // The header names whoever is signed in; without it the sign-in failed and the page says why.
        Assert.True(await page.Locator("#account-name").IsVisibleAsync(), $"{userName} is not signed in: {await page.InnerTextAsync("main")}");
        return page;
    }

    /// <summary>A fresh browser context (its own cookies) at desktop width on <paramref name="site"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri site, bool javaScript = true) =>
        await Browser.NewContextAsync(new()
        {
            BaseURL = site.ToString(),
            ViewportSize = Desktop,
            AcceptDownloads = true,
            Locale = "vi-VN",
            JavaScriptEnabled = javaScript,
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
