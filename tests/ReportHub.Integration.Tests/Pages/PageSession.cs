using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>A browser-like client of the pages: it keeps cookies, reads each form's antiforgery token and posts it back.</summary>
public sealed partial class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public static PageSession Open(ReportHubApp app)
    {
        // A person's browser: cookies only, never the admin key the factory gives its clients.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        return new PageSession(client);
    }

    /// <summary>Creates the account through the real account service, then signs in through the sign-in form.</summary>
    public static async Task<PageSession> SignedInAsync(ReportHubApp app, string userName, string role, string? unit)
    {
        var password = "mat-khau-" + userName + "-2025";
        var created = await app.Services.GetRequiredService<AccountService>()
            .CreateAsync(userName, "Người dùng " + userName, role, unit, password, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        var session = Open(app);
        var response = await session.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>The session cookie ("reporthub.session=…") this browser holds since its last sign-in.</summary>
    public string? SessionCookie { get; private set; }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var response = await PostFormAsync("/signin", new Dictionary<string, string> { ["userName"] = userName, ["password"] = password });
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith(SessionCookieName + "=", StringComparison.Ordinal)) is { } cookie)
        {
            SessionCookie = cookie.Split(';')[0];
        }
        return response;
    }

    public const string SessionCookieName = "reporthub.session";

    /// <summary>
    /// Another client that sends a copy of <paramref name="cookie"/> taken from a browser, as someone who lifted it would:
    /// no cookie jar, so signing out elsewhere cannot take it back.
    /// </summary>
    public static HttpClient CopiedCookieClient(ReportHubApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Follows redirects within the site, as a browser would, and answers the final page.</summary>
    public async Task<(HttpStatusCode Status, string Html, string Path)> FollowAsync(string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            var response = await Client.GetAsync(url);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                return (response.StatusCode, await response.Content.ReadAsStringAsync(), url);
            }
            url = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
        }
        throw new InvalidOperationException("Too many redirects from " + url);
    }

    public async Task<string> TokenAsync(string page)
    {
        var (_, html) = await GetAsync(page);
        return Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + page);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string page, IDictionary<string, string> fields, string? action = null)
    {
        var token = await TokenAsync(page);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await Client.PostAsync(action ?? page, new FormUrlEncodedContent(all));
    }

    /// <summary>A form posted with repeated names, as a browser sends several ticked boxes of one name.</summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var token = await TokenAsync(page);
        return await Client.PostAsync(action ?? page, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, bool dryRun = false)
    {
        var token = await TokenAsync("/unit");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(content), "upload", fileName);
        // The “Kiểm tra thử” button, or the “Gửi báo cáo” one.
        form.Add(new StringContent(dryRun ? "check" : "send"), "action");
        return await Client.PostAsync("/unit", form);
    }

    /// <summary>Presses “Gửi báo cáo này” with the token a clean check left on the page.</summary>
    public async Task<HttpResponseMessage> SendCheckedAsync(string checkToken, string? unit = null)
    {
        var fields = new Dictionary<string, string> { ["action"] = "send-checked", ["checkToken"] = checkToken };
        if (unit is not null)
        {
            fields["unit"] = unit;
        }
        return await PostFormAsync(unit is null ? "/unit" : "/unit?unit=" + Uri.EscapeDataString(unit), fields);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
