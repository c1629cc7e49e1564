using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Api;

/// <summary>
/// Errors are answered for who reads them: a person's browser (it accepts text/html) gets a Vietnamese page in the
/// site's layout, a program (an /api address, a bearer key, or no text/html) gets RFC 9457 problem details whose
/// detail says what to do.
/// </summary>
public sealed partial class ErrorAnswerTests
{
    private const string OneMegabyte = "1048576";

    private static async Task<PageSession> BrowserAsync(ReportHubApp app, string userName, string role, string? unit)
    {
        var session = await PageSession.SignedInAsync(app, userName, role, unit);
        session.Client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return session;
    }

    private static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<h1 id=\"error-heading\">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"data-status=\"{(int)status}\"", html, StringComparison.Ordinal);
        // The site's layout: its stylesheet and footer.
        Assert.Contains("/css/site.css", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", html, StringComparison.Ordinal);
        return html;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> UploadThroughThePageAsync(PageSession session, int bytes)
    {
        var token = await session.TokenAsync("/unit");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(new byte[bytes]), "upload", "bao-cao-lon.xlsx");
        return await session.Client.PostAsync("/unit", form);
    }

    [Fact]
    public async Task MistypedAddressGivesASignedInPersonTheVietnamese404Page()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");

        var html = await AssertPageAsync(await session.Client.GetAsync("/bao-cao-cua-don-vi"), HttpStatusCode.NotFound, "Không tìm thấy trang");

        Assert.Contains("“/bao-cao-cua-don-vi”", html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-unit\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-home\" href=\"/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("openapi", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownApiRouteNamesTheRouteAndTheReferenceInsteadOfTheRawDocument()
    {
        using var app = new ReportHubApp();
        var problem = await AssertProblemAsync(await app.CreateClient().GetAsync("/api/round/2021-10"), HttpStatusCode.NotFound);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("“GET /api/round/2021-10”", detail, StringComparison.Ordinal);
        Assert.Contains("/scalar/", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("openapi", detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlyABrowserWithoutAKeyAskingForHtmlOutsideTheApiGetsThePage()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");
        await AssertPageAsync(await session.Client.GetAsync("/khong-co"), HttpStatusCode.NotFound, "Không tìm thấy trang");

        // The same browser asking an API address, or asking for JSON.
        await AssertProblemAsync(await session.Client.GetAsync("/api/khong-co"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await session.Client.SendAsync(WithAccept("/khong-co", "application/json")), HttpStatusCode.NotFound);

        // A script with a key is a program whatever it accepts.
        using var key = app.CreateClient();
        await AssertProblemAsync(await key.SendAsync(WithAccept("/khong-co", "text/html")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FileOverTheLimitSentThroughTheUploadPageGivesThe413PageNamingTheLimit()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: new Dictionary<string, string> { ["Ingest:MaxFileBytes"] = OneMegabyte });
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");

        var html = await AssertPageAsync(await UploadThroughThePageAsync(session, 3 * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge, "Tệp quá lớn");

        Assert.Contains("tối đa 1 MB", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-back\" href=\"/unit\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await WarehouseRows.CountAsync(app, "submissions"));
        // The connection was read to its end: the same browser goes on.
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/unit")).StatusCode);
    }

    [Fact]
    public async Task FileFarOverTheLimitIsStillAnsweredWithThePage()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: new Dictionary<string, string> { ["Ingest:MaxFileBytes"] = OneMegabyte });
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");

        // Beyond what is read through: refused as it is announced, and the page still says why.
        var html = await AssertPageAsync(await UploadThroughThePageAsync(session, 12 * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge, "Tệp quá lớn");

        Assert.Contains("tối đa 1 MB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverTheDefaultLimitSentToTheApiNamesTwentyMegabytes()
    {
        using var app = new ReportHubApp();
        var response = await app.UploadAsync(new byte[25 * 1024 * 1024], "bao-cao-25mb.xlsx");

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Tệp quá lớn", problem.GetProperty("title").GetString());
        Assert.Contains("tối đa 20 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormWithoutItsTokenGivesThe400PageSayingToReload()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(ReportBuilder.Seed().ToCsv()), "upload", "seed.csv");

        var html = await AssertPageAsync(await session.Client.PostAsync("/unit", form), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");

        Assert.Contains("tải lại trang", html, StringComparison.Ordinal);
        Assert.Equal(0, await WarehouseRows.CountAsync(app, "submissions"));
    }

    [Fact]
    public async Task TooManyRequestsGivesAPersonThePageAndAProgramAProblemBothSayingTheWaitInWords()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: new Dictionary<string, string> { ["Access:RequestsPerMinute"] = "3" });
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var program = app.ClientFor(Roles.Analyst);

        var page = await UntilRefusedAsync(() => session.Client.GetAsync("/unit"));
        var problem = await UntilRefusedAsync(() => program.GetAsync("/api/rounds"));

        var html = await AssertPageAsync(page, HttpStatusCode.TooManyRequests, "Quá nhiều yêu cầu");
        var seconds = (int)page.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.Contains($"Hãy đợi {Wait(seconds)} rồi thử lại.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-unit\"", html, StringComparison.Ordinal);

        var detail = (await AssertProblemAsync(problem, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString()!;
        var programSeconds = (int)problem.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.Contains($"Hãy đợi {Wait(programSeconds)} rồi thử lại", detail, StringComparison.Ordinal);
        Assert.Contains("Retry-After", detail, StringComparison.Ordinal);
    }

    /// <summary>The wait as the answers word it, from the Retry-After seconds.</summary>
    private static string Wait(int seconds) => seconds < 60 ? $"khoảng {seconds} giây"
        : seconds % 60 == 0 ? $"khoảng {seconds / 60} phút" : $"khoảng {seconds / 60} phút {seconds % 60} giây";

    private static async Task<HttpResponseMessage> UntilRefusedAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await send();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }
        throw new InvalidOperationException("never refused with 429");
    }

    [Fact]
    public async Task ServerFaultGivesAReferenceAndNeverTheExceptionText()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var program = app.CreateClient();
        // The warehouse loses a table under the running server: every query of submissions now fails.
        await WarehouseRows.ExecuteAsync(app, "ALTER TABLE submissions RENAME TO submissions_gone");

        var html = await AssertPageAsync(await session.Client.GetAsync("/unit"), HttpStatusCode.InternalServerError, "Hệ thống gặp lỗi");
        var problem = await AssertProblemAsync(await program.GetAsync("/api/submissions/1"), HttpStatusCode.InternalServerError);

        var reference = ReferenceOnPage().Match(html);
        Assert.True(reference.Success, html);
        Assert.DoesNotContain("submissions", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal("Lỗi máy chủ", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        var traceId = problem.GetProperty("traceId").GetString()!;
        // The reference is the trace id the problem carries (W3C: version-traceid-spanid-flags).
        Assert.Contains($"mã tham chiếu {traceId.Split('-')[1]}", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("submissions", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileUnderAStaticFolderIs404NotTheSignInPage()
    {
        using var app = new ReportHubApp();
        using var anonymous = app.AnonymousClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/css/khong-co.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/js/khong-co.js")).StatusCode);
        var style = await anonymous.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnalystsAndAdminsAreLinkedToTheApiReferenceAndDepartmentsAreNot()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await BrowserAsync(app, "phantich", Roles.Analyst, null);
        using var admin = await BrowserAsync(app, "quantri", Roles.Admin, null);
        using var department = await BrowserAsync(app, "vanthu", Roles.Department, "51.SCT");

        const string Link = "<a href=\"/scalar/\" id=\"nav-api\">Tài liệu API</a>";
        Assert.Contains(Link, (await analyst.GetAsync("/templates")).Html, StringComparison.Ordinal);
        Assert.Contains(Link, (await admin.GetAsync("/templates")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("nav-api", (await department.GetAsync("/templates")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.Client.GetAsync("/scalar/")).StatusCode);
    }

    [Fact]
    public async Task ApiReferenceHidesScalarsDeveloperToolbarAndClientButton()
    {
        using var app = new ReportHubApp();
        var html = await (await app.CreateClient().GetAsync("/scalar/")).Content.ReadAsStringAsync();

        Assert.Contains("\"showDeveloperTools\":\"never\"", html, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<code class=\"secret\" id=\"error-reference\">[0-9a-f]{32}</code>")]
    private static partial Regex ReferenceOnPage();

    private static HttpRequestMessage WithAccept(string url, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd(accept);
        return request;
    }
}
