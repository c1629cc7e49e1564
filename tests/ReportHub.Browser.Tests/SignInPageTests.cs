using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;
using ReportHub.Warehouse.Access;

namespace ReportHub.Browser.Tests;

/// <summary>
/// Sign-in, sign-out, one's own password and the admin's confirmation page in Chromium, on a process of their own
/// (<see cref="SignInSite"/>) reached at two client addresses, 127.0.0.1 and 127.0.0.2.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SignInPageTests(DemoSite browser, SignInSite site) : IClassFixture<SignInSite>
{
    private static async Task TypeAsync(IPage page, string userName, string password)
    {
        await page.FillAsync("#signin-user", userName);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
    }

    [Fact]
    public async Task FailuresFromAnotherAddressDoNotLockTheAccountHere()
    {
        await site.CreateAsync("lan");
        var elsewhere = await (await browser.NewContextAsync(site.SecondClient)).NewPageAsync();
        await elsewhere.GotoAsync("/signin");
        for (var i = 0; i < 5; i++)
        {
            await TypeAsync(elsewhere, "lan", "doan-mat-khau-" + i);
            await elsewhere.WaitForSelectorAsync("#signin-error");
        }
        var error = await elsewhere.InnerTextAsync("#signin-error");
        Assert.Contains("tạm bị chặn trên máy này", error, StringComparison.Ordinal);
        await Screenshots.SaveAsync(elsewhere, "signin-locked-elsewhere");
        // Even the right password is refused from there until the lock runs out.
        await TypeAsync(elsewhere, "lan", SignInSite.PasswordOf("lan"));
        Assert.Contains("tạm bị chặn trên máy này", await elsewhere.InnerTextAsync("#signin-error"), StringComparison.Ordinal);

        var here = await browser.SignInAsync("lan", SignInSite.PasswordOf("lan"), site.Api.BaseAddress);

        Assert.Equal("/unit", new Uri(here.Url).AbsolutePath);
        await Screenshots.SaveAsync(here, "signin-here-after-lock-elsewhere");
        await here.Context.CloseAsync();
        await elsewhere.Context.CloseAsync();
    }

    [Fact]
    public async Task SigningOutEndsACopyOfTheCookieInAnotherBrowser()
    {
        await site.CreateAsync("hoa");
        var first = await browser.SignInAsync("hoa", SignInSite.PasswordOf("hoa"), site.Api.BaseAddress);
        var second = await (await browser.NewContextAsync(site.Api.BaseAddress)).NewPageAsync();
        var cookies = await first.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "reporthub.session");
        await second.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));
        await second.GotoAsync("/unit");
        Assert.Equal("/unit", new Uri(second.Url).AbsolutePath);

        await first.ClickAsync("#signout");
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await second.GotoAsync("/unit");

        Assert.Equal("/signin", new Uri(second.Url).AbsolutePath);
        Assert.False(await second.Locator("#account-name").IsVisibleAsync());
        await Screenshots.SaveAsync(second, "signout-copied-cookie");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task APersonChangesTheirOwnPasswordFromTheHeader()
    {
        await site.CreateAsync("minh", Roles.Analyst, null);
        var page = await browser.SignInAsync("minh", SignInSite.PasswordOf("minh"), site.Api.BaseAddress);
        const string next = "hoa mai vang no som mua xuan";

        await page.ClickAsync("#change-password");
        Assert.Equal("/account/password", new Uri(page.Url).AbsolutePath);
        await page.FillAsync("#password-current", SignInSite.PasswordOf("minh"));
        await page.FillAsync("#password-new", "1234567890");
        await page.FillAsync("#password-confirm", "1234567890");
        await page.ClickAsync("#password-submit");
        Assert.Contains("quá dễ đoán", await page.InnerTextAsync("#password-error"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "password-refused");

        await page.FillAsync("#password-current", SignInSite.PasswordOf("minh"));
        await page.FillAsync("#password-new", next);
        await page.FillAsync("#password-confirm", next);
        await page.ClickAsync("#password-submit");
        Assert.True(await page.Locator("#password-done").IsVisibleAsync());
        await Screenshots.SaveAsync(page, "password-changed");
        // This browser is still signed in; the new password is the one that works from now on.
        await page.GotoAsync("/rounds");
        Assert.Equal("/rounds", new Uri(page.Url).AbsolutePath);
        await page.ClickAsync("#signout");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/signin");
        await TypeAsync(page, "minh", next);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/signin");
        Assert.True(await page.Locator("#account-name").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAdminConfirmsOnAPageBeforeLockingOrResetting()
    {
        await site.CreateAsync("quantri2", Roles.Admin, null);
        await site.CreateAsync("tuan");
        var page = await browser.SignInAsync("quantri2", SignInSite.PasswordOf("quantri2"), site.Api.BaseAddress);
        await page.GotoAsync("/admin");
        // The admin's own row offers no lock.
        Assert.Equal(0, await page.Locator("tr[data-user='quantri2'] [data-confirm]").CountAsync());

        await page.ClickAsync("tr[data-user='tuan'] [data-confirm='lock']");
        Assert.Equal("/admin/confirm", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Khóa tài khoản “tuan”", await page.InnerTextAsync("#confirm-question"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "admin-confirm-lock");
        await page.ClickAsync("#confirm-cancel");
        Assert.Equal("/admin", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Đang dùng", await page.InnerTextAsync("tr[data-user='tuan']"), StringComparison.Ordinal);

        await page.ClickAsync("tr[data-user='tuan'] [data-confirm='lock']");
        await page.ClickAsync("#confirm-submit");
        Assert.Contains("Đã khóa tài khoản “tuan”", await page.InnerTextAsync("#admin-message"), StringComparison.Ordinal);
        Assert.Contains("Đã khóa", await page.InnerTextAsync("tr[data-user='tuan']"), StringComparison.Ordinal);

        await page.ClickAsync("tr[data-user='tuan'] [data-confirm='reset']");
        Assert.Contains("Đặt lại mật khẩu của tài khoản “tuan”", await page.InnerTextAsync("#confirm-question"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "admin-confirm-reset");
        await page.ClickAsync("#confirm-submit");
        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("#admin-secret")));
        await page.Context.CloseAsync();
    }
}
