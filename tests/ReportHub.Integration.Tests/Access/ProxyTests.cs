using System.Net;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>
/// Behind the documented TLS proxy: X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies
/// only (loopback by default), and then cookies are Secure, HSTS is sent and each client has its own sign-in budget.
/// A real Kestrel process, so the connection has a real address.
/// </summary>
public sealed class ProxyTests
{
    private const string Password = "mat-khau-vanthu-2025";

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string clientAddress, string password = Password)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/signin");
        get.Headers.Add("X-Forwarded-Proto", "https");
        var shown = await client.SendAsync(get);
        var page = await shown.Content.ReadAsStringAsync();
        // Cookies by hand: the proxy's clients speak https, so the antiforgery cookie is Secure and a cookie jar
        // would not send it back over this test's plain http.
        var antiforgery = shown.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reporthub.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin");
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("X-Forwarded-For", clientAddress);
        post.Headers.Add("Cookie", antiforgery);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "vanthu",
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.SendAsync(post);
    }

    private static HttpClient Client(ApiProcess api) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = api.BaseAddress };

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("reporthub.session=", StringComparison.Ordinal));

    [Fact]
    public async Task BehindTheLoopbackProxyCookiesAreSecureHstsIsSentAndEachClientHasItsOwnBudget()
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Access:SignInsPerMinute"] = "2" });
        await api.CreateUserAsync("vanthu", Roles.Department, "51.SCT", Password);
        using var client = Client(api);

        var signedIn = await SignInAsync(client, "198.51.100.7");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", SessionCookie(signedIn), StringComparison.OrdinalIgnoreCase);
        Assert.True(signedIn.Headers.Contains("Strict-Transport-Security"));
        // Two more from the same client spend its budget; another client behind the same proxy still signs in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Client(api), "198.51.100.7", "sai-mat-khau")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(Client(api), "198.51.100.7")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Client(api), "198.51.100.8")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnAddressNotConfiguredAsAProxyAreIgnored()
    {
        await using var api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Access:SignInsPerMinute"] = "2",
            ["Access:KnownProxies:0"] = "10.9.9.9",
        });
        await api.CreateUserAsync("vanthu", Roles.Department, "51.SCT", Password);

        var signedIn = await SignInAsync(Client(api), "198.51.100.7");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("secure", SessionCookie(signedIn), StringComparison.OrdinalIgnoreCase);
        Assert.False(signedIn.Headers.Contains("Strict-Transport-Security"));
        // A made-up X-Forwarded-For buys no new budget: the connection's own address is counted.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(Client(api), "198.51.100.8", "sai-mat-khau")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(Client(api), "198.51.100.9")).StatusCode);
    }
}
