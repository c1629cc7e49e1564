using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportHub.Api.Access;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>
/// A session cookie is checked against its server-side session and its account on every request: disabling the
/// account, resetting its password or signing out ends it on the very next request, wherever the change was made.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SessionTests
{
    private static async Task AssertSignedInAsync(PageSession session)
    {
        var (status, _) = await session.GetAsync("/unit");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static void AssertSignInPage(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/signin", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }

    /// <summary>Pages send a dead session to the sign-in page; the API answers 401.</summary>
    private static async Task AssertRefusedAsync(HttpClient client)
    {
        var page = await client.GetAsync("/unit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        AssertSignInPage(page);
        var api = await client.GetAsync("/api/rounds");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DisabledAccountsCookieIsRefusedOnItsVeryNextRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        // The clerk's session is in use, so the API holds it as valid.
        await AssertSignedInAsync(clerk);
        await AssertSignedInAsync(clerk);

        var disable = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["userName"] = "vanthu", ["disabled"] = "true" }, "/admin?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        await AssertRefusedAsync(clerk.Client);
        // Enabling the account again does not bring the old session back: the person signs in anew.
        Assert.True((await app.Services.GetRequiredService<AccountService>().SetDisabledAsync("vanthu", false, CancellationToken.None)).Succeeded);
        await AssertRefusedAsync(clerk.Client);
    }

    [Fact]
    public async Task AccountDisabledByTheCliInAnotherProcessIsRefusedOnTheNextRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);
        await AssertSignedInAsync(clerk);
        await AssertSignedInAsync(clerk);

        var disable = await cli.RunProcessAsync("users", "disable", "vanthu");
        Assert.True(disable.ExitCode == 0, disable.ToString());

        await AssertRefusedAsync(clerk.Client);
    }

    [Fact]
    public async Task DisabledAccountCannotUploadWithItsOpenSession()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        var token = await clerk.TokenAsync("/unit");
        Assert.True((await app.Services.GetRequiredService<AccountService>().SetDisabledAsync("vanthu", true, CancellationToken.None)).Succeeded);
        var before = await WarehouseRows.CountAsync(app, "submissions");

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(ReportBuilder.Seed().ToXlsx()), "upload", "bao-cao.xlsx");
        var upload = await clerk.Client.PostAsync("/unit", form);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        AssertSignInPage(upload);
        Assert.Equal(before, await WarehouseRows.CountAsync(app, "submissions"));
    }

    [Fact]
    public async Task PasswordResetEndsEverySessionOfTheAccount()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var first = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var second = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await second.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
        using var other = await PageSession.SignedInAsync(app, "binhson", Roles.Department, "51.524");
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        await AssertSignedInAsync(first);
        await AssertSignedInAsync(second);

        var reset = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["userName"] = "vanthu" }, "/admin?handler=Reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        await AssertRefusedAsync(first.Client);
        await AssertRefusedAsync(second.Client);
        // Another account's session is untouched.
        await AssertSignedInAsync(other);
    }

    [Fact]
    public async Task PasswordResetByTheCliEndsTheSessions()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);
        await AssertSignedInAsync(clerk);

        var reset = await cli.RunAsync("users", "reset-password", "vanthu");
        Assert.True(reset.ExitCode == 0, reset.ToString());

        await AssertRefusedAsync(clerk.Client);
    }

    [Fact]
    public async Task CookieCopiedBeforeSignOutIsRefusedAfterSignOut()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var browser = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var laptop = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
        using var copy = PageSession.CopiedCookieClient(app, browser.SessionCookie!);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/unit")).StatusCode);

        var signOut = await browser.PostFormAsync("/unit", new Dictionary<string, string>(), "/signout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertRefusedAsync(copy);
        await AssertRefusedAsync(browser.Client);
        // The same person's session in another browser goes on.
        await AssertSignedInAsync(laptop);
        var audit = await app.GetJsonAsync("/api/audit");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.SignOut);
        Assert.Equal("user:vanthu", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task DisabledAdminsOldCookieCannotCreateAnApiKey()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        var token = await admin.TokenAsync("/admin");
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);
        var disable = await cli.RunProcessAsync("users", "disable", "quantri");
        Assert.True(disable.ExitCode == 0, disable.ToString());
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var before = (await keys.ListAsync(CancellationToken.None)).Count;

        var create = await admin.Client.PostAsync("/admin?handler=CreateKey", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["role"] = Roles.Admin,
            ["label"] = "từ phiên cũ",
        }));

        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        AssertSignInPage(create);
        Assert.DoesNotContain("rh_", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await keys.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ASessionInUseStaysValidAcrossOtherWrites()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        await AssertSignedInAsync(clerk);

        // Other commits move the warehouse version; the session is read again and is still good.
        var upload = await clerk.UploadAsync(ReportBuilder.Seed().ToXlsx(), "bao-cao.xlsx");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        await app.Services.GetRequiredService<AccountService>().CreateAsync("khac", "Khác", Roles.Analyst, null, "mat-khau-khac-2025", CancellationToken.None);

        await AssertSignedInAsync(clerk);
    }

    [Fact]
    public async Task GenuineCookieThatNamesNoSessionIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AccessClaims.CookieScheme).TicketDataFormat;
        var ticket = format.Unprotect(admin.SessionCookie!.Split('=', 2)[1]);
        Assert.NotNull(ticket);
        // The ticket as this server signs it is accepted: the control for the one below.
        using var resigned = PageSession.CopiedCookieClient(app, $"{PageSession.SessionCookieName}={format.Protect(ticket)}");
        Assert.Equal(HttpStatusCode.OK, (await resigned.GetAsync("/api/rounds")).StatusCode);

        // A cookie issued before sessions were kept: signed by this server, the admin's claims, but no session.
        var identity = new ClaimsIdentity(ticket.Principal.Claims.Where(c => c.Type != AccessClaims.SessionClaim),
            AccessClaims.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        var old = new AuthenticationTicket(new ClaimsPrincipal(identity), ticket.Properties, AccessClaims.CookieScheme);
        using var client = PageSession.CopiedCookieClient(app, $"{PageSession.SessionCookieName}={format.Protect(old)}");

        await AssertRefusedAsync(client);
        AssertSignInPage(await client.GetAsync("/admin"));
    }
}
