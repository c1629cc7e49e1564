using System.Net;
using System.Net.Http.Headers;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>
/// The API reuses a key it already validated until the warehouse changes. A key just used (so held as
/// valid) must still be refused on the very next request once it is revoked, wherever the revocation comes from.
/// </summary>
public sealed class KeyReuseTests
{
    private static string PrefixOf(string key) => key.Split('_')[1];

    [Fact]
    public async Task KeyRevokedByTheCliInAnotherProcessIsRefusedOnTheNextRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.ClientFor(Roles.Analyst);
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2021-10/totals")).StatusCode);
        }

        var revoke = await cli.RunProcessAsync("keys", "revoke", PrefixOf(key));
        Assert.True(revoke.ExitCode == 0, revoke.ToString());

        var refused = await client.GetAsync("/api/rounds/2021-10/totals");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task KeyRevokedOnTheAdminPageIsRefusedOnTheNextRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.ClientFor(Roles.Analyst);
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds")).StatusCode);

        var revoke = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["prefix"] = PrefixOf(key) }, "/admin?handler=Revoke");
        Assert.True(revoke.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"revoke: {(int)revoke.StatusCode}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);
    }

    [Fact]
    public async Task OtherKeysStillWorkAfterOneIsRevoked()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var kept = app.ClientFor(Roles.Analyst);
        using var dropped = app.ClientFor(Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dropped.GetAsync("/api/rounds")).StatusCode);
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);

        var revoke = await cli.RunProcessAsync("keys", "revoke", PrefixOf(dropped.DefaultRequestHeaders.Authorization!.Parameter!));
        Assert.True(revoke.ExitCode == 0, revoke.ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await dropped.GetAsync("/api/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/rounds")).StatusCode);
    }

    [Fact]
    public async Task WrongSecretOfAKeyInUseIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.ClientFor(Roles.Analyst);
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key[..^1] + (key[^1] == 'A' ? 'B' : 'A'));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);
    }
}
