using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReportHub.Integration.Tests.Api;

public sealed partial class OpenApiTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static async Task<JsonElement> DocumentAsync(ReportHubApp app) => await app.GetJsonAsync("/openapi/v1.json");

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => Methods.Contains(op.Name))
            .Select(op => (path.Name, op.Name, op.Value)));

    private static bool IsProblem(JsonProperty response) =>
        response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _);

    [Fact]
    public async Task EveryApiRouteHasASummaryAndProblemResponses()
    {
        using var app = new ReportHubApp();
        var document = await DocumentAsync(app);
        var operations = Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        // Every route the Endpoints map under /api: rounds 13, units 4, submissions 5 (with the bulk route), templates 4, audit 1.
        Assert.Equal(27, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), where);
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), where);
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            Assert.Contains(responses, r => r.Name.StartsWith('2'));
            foreach (var status in new[] { "401", "429" })
            {
                var response = Assert.Single(responses, r => r.Name == status);
                Assert.True(IsProblem(response), $"{where} {status} is not application/problem+json");
            }
        }
    }

    [Fact]
    public async Task UploadDocumentsItsBodyAndEveryRefusal()
    {
        using var app = new ReportHubApp();
        var upload = (await DocumentAsync(app)).GetProperty("paths").GetProperty("/api/submissions").GetProperty("post");
        var responses = upload.GetProperty("responses");
        foreach (var status in new[] { "400", "403", "413", "422" })
        {
            Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
        Assert.True(responses.TryGetProperty("201", out _));
        Assert.Contains("dung lượng", responses.GetProperty("413").GetProperty("description").GetString());
        var file = upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema")
            .GetProperty("properties").GetProperty("file");
        Assert.Equal("binary", file.GetProperty("format").GetString());
    }

    [Fact]
    public async Task JsonBodiesAreDocumentedAndOtherContentStillReachesTheHandler()
    {
        using var app = new ReportHubApp();
        var paths = (await DocumentAsync(app)).GetProperty("paths");
        foreach (var path in new[] { "/api/rounds", "/api/templates" })
        {
            Assert.True(paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content")
                .TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out _), path);
        }
        var draft = paths.GetProperty("/api/rounds").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema");
        Assert.True(draft.TryGetProperty("properties", out var fields) && fields.TryGetProperty("deadline", out _), draft.ToString());
        // Documenting the body must not make routing answer 415: the handler's own Vietnamese 400 still comes back.
        using var text = new StringContent("không phải JSON", System.Text.Encoding.UTF8, "text/plain");
        var response = await app.CreateClient().PostAsync("/api/rounds", text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DepartmentScopedRoutesDocumentForbidden()
    {
        using var app = new ReportHubApp();
        var paths = (await DocumentAsync(app)).GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/rounds/{code}/totals", "get"), ("/api/rounds/{code}/units/{unit}", "get"), ("/api/units/{code}/submissions", "get"),
            ("/api/submissions/{id}", "get"), ("/api/rounds", "post"), ("/api/audit", "get"),
        })
        {
            Assert.True(paths.GetProperty(path).GetProperty(method).GetProperty("responses").TryGetProperty("403", out _), $"{method} {path}");
        }
    }

    [Fact]
    public async Task BearerKeyAndSessionCookieAreTheSecuritySchemesAndHealthIsPublic()
    {
        using var app = new ReportHubApp();
        var document = await DocumentAsync(app);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        var cookie = schemes.GetProperty("cookie");
        Assert.Equal("cookie", cookie.GetProperty("in").GetString());
        Assert.Equal("reporthub.session", cookie.GetProperty("name").GetString());
        var required = document.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["bearer", "cookie"], required);
        var health = document.GetProperty("paths").GetProperty("/health").GetProperty("get");
        Assert.All(health.GetProperty("security").EnumerateArray(), r => Assert.Empty(r.EnumerateObject()));
        Assert.Contains("/health", document.GetProperty("info").GetProperty("description").GetString());
    }

    // "/scalar" redirects to "/scalar/", and a redirect drops the Authorization header: keys ask for the page itself.
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/")]
    public async Task ReferenceNeedsSignIn(string url)
    {
        using var app = new ReportHubApp();
        using var anonymous = app.AnonymousClient();
        var refused = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var analyst = app.ClientFor("analyst");
        var page = await analyst.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ReferencePageLoadsNothingFromAnotherOrigin()
    {
        using var app = new ReportHubApp();
        using var client = app.CreateClient();
        var response = await client.GetAsync("/scalar/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        var sources = SourceAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, url => Assert.False(IsOtherOrigin(url), $"the page loads {url}"));
        Assert.DoesNotMatch(ExternalUrl(), html);

        // The one inline start-up script runs by the nonce in this answer's CSP, and the CSP names no other origin: the
        // bundle also holds Scalar's CDN font and proxy addresses (unused with these options), which the browser would refuse.
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceAttribute().Match(html);
        Assert.True(nonce.Success, "the inline script carries no nonce");
        Assert.Contains($"'nonce-{nonce.Groups["nonce"].Value}'", csp);
        Assert.DoesNotContain("http", csp);
        Assert.DoesNotMatch(@"script-src[^;]*'unsafe-inline'", csp);

        var script = await client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "the bundle is served by ReportHub itself");
    }

    [Fact]
    public async Task PagesOutsideTheReferenceKeepTheStrictPolicy()
    {
        using var app = new ReportHubApp();
        var response = await app.CreateClient().GetAsync("/api/rounds");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("nonce-", csp);
    }

    private static bool IsOtherOrigin(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("""(?:url\(|@import)\s*["']?(?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex("""<script[^>]*\snonce="(?<nonce>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex NonceAttribute();
}
