using System.Net;
using System.Text.Json;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Api;

/// <summary>
/// Anyone may ask <c>/health</c> whether the service and the warehouse are up; the URLs of the HTTP sources (with
/// whatever token they carry), where the warehouse is and the queue are for admins only.
/// </summary>
public sealed class HealthTests
{
    private const string Token = "bi-mat-cua-nguon-7f3a";
    private const string SourceUrl = "http://nguon.syt.example/bao-cao.xlsx?token=" + Token;

    private static ReportHubApp AppWithSource(IEnumerable<KeyValuePair<string, string>>? more = null) => ReportHubApp.ReferenceOnly(settings:
    [
        new("Ingest:HttpSources:0:Url", SourceUrl),
        new("Ingest:HttpSources:0:Unit", "51.SYT"),
        .. more ?? [],
    ]);

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertOnlyUpOrDown(string body, ReportHubApp app, string warehouse)
    {
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["status", "warehouse"], json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(warehouse, json.GetProperty("warehouse").GetString());
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
        Assert.DoesNotContain("http", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(app.Folder, body, StringComparison.Ordinal);
        Assert.DoesNotContain("reporthub.db", body, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Provider, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnonymousHealthSaysOnlyThatServiceAndWarehouseAreUp()
    {
        using var app = AppWithSource();
        using var anonymous = app.AnonymousClient();

        var (status, body) = await HealthAsync(anonymous);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        AssertOnlyUpOrDown(body, app, "up");
    }

    [Theory]
    [InlineData(Roles.Analyst, null)]
    [InlineData(Roles.Department, "51.SCT")]
    public async Task KeysBelowAdminGetTheAnonymousAnswer(string role, string? unit)
    {
        using var app = AppWithSource();
        using var client = app.ClientFor(role, unit);

        var (status, body) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertOnlyUpOrDown(body, app, "up");
    }

    [Fact]
    public async Task AnAdminKeySeesTheSourcesTheQueueAndTheDatabase()
    {
        using var app = AppWithSource();
        using var admin = app.ClientFor(Roles.Admin);

        var (status, body) = await HealthAsync(admin);

        Assert.Equal(HttpStatusCode.OK, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("up", json.GetProperty("warehouse").GetString());
        Assert.StartsWith(app.Provider, json.GetProperty("database").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, json.GetProperty("queue").GetInt32());
        var source = Assert.Single(json.GetProperty("sources").EnumerateArray());
        Assert.Equal(SourceUrl, source.GetProperty("url").GetString());
        Assert.Equal("51.SYT", source.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task AnAdminSessionSeesTheDetailsToo()
    {
        using var app = AppWithSource();
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (adminStatus, adminBody) = await admin.GetAsync("/health");
        var (analystStatus, analystBody) = await analyst.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, adminStatus);
        Assert.Contains(Token, adminBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, analystStatus);
        AssertOnlyUpOrDown(analystBody, app, "up");
    }

    [Fact]
    public async Task WarehouseDownIs503AndAnonymousLearnsNothingMore()
    {
        using var app = AppWithSource();
        using var anonymous = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(anonymous)).Status);

        await using (await WarehouseOutage.BeginAsync(app.Provider, app.ConnectionString))
        {
            var (status, body) = await HealthAsync(anonymous);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("unavailable", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
            AssertOnlyUpOrDown(body, app, "down");
        }
    }
}
