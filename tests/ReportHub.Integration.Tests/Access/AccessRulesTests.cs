using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>Who may do what (department, analyst, admin, anonymous), rule by rule, over HTTP against the real app and a real warehouse.</summary>
public sealed class AccessRulesTests
{
    private const string Sct = "51.SCT";
    private const string BinhSon = "51.524";

    private static byte[] SctReport => File.ReadAllBytes(RepoPaths.SampleReport("sct-2162-seed004.xlsx"));

    private static byte[] BinhSonReport => File.ReadAllBytes(RepoPaths.SampleReport("binhson-2318.xlsx"));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name, string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/submissions" + (query is null ? "" : "?" + query), form);
    }

    [Theory]
    [InlineData("/api/rounds")]
    [InlineData("/api/rounds/2021-10/totals")]
    [InlineData("/api/rounds/2021-10/units")]
    [InlineData("/api/rounds/2021-10/consolidated.xlsx")]
    [InlineData("/api/units")]
    [InlineData("/api/units/51.SCT/template.xlsx?round=2021-10")]
    [InlineData("/api/templates")]
    [InlineData("/api/submissions/1")]
    [InlineData("/api/audit")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryRouteButHealthAnswers401WithoutKeyOrSession(string url)
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var anonymous = app.AnonymousClient();

        var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("đăng nhập", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthIsPublic()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var anonymous = app.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task UnknownRevokedAndExpiredKeysAre401()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var app = ReportHubApp.ReferenceOnly(clock: clock, settings: [new("Access:KeyLifetimeDays", "30")]);
        using var client = app.AnonymousClient();
        var keys = app.Services.GetRequiredService<Pipeline.Access.ApiKeyService>();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rh_abcdefghij_notarealsecretatall");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);

        var revoked = app.KeyFor(Roles.Analyst);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", revoked);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds")).StatusCode);
        Assert.True(await keys.RevokeAsync(revoked, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);

        var expiring = app.KeyFor(Roles.Analyst);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expiring);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds")).StatusCode);
        clock.Now = clock.Now.AddDays(31);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);

        // A key with a right prefix but a wrong secret is refused too.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expiring[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/rounds")).StatusCode);
    }

    [Fact]
    public async Task DepartmentUploadsForItsOwnUnit()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);

        var response = await UploadAsync(department, SctReport, "sct.xlsx");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal(Sct, body.GetProperty("unit").GetString());
        var id = body.GetProperty("submissionId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/submissions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/submissions/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/units/{Sct}/submissions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/rounds/2021-10/units/{Sct}")).StatusCode);
    }

    [Fact]
    public async Task DepartmentCannotUploadAnotherUnitsReport()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);

        var byHeader = await UploadAsync(department, BinhSonReport, "binhson.xlsx");
        var byHint = await UploadAsync(department, SctReport, "sct.xlsx", $"unit={BinhSon}");
        var dryRun = await UploadAsync(department, BinhSonReport, "binhson.xlsx", "dryRun=true");

        Assert.Equal(HttpStatusCode.Forbidden, byHeader.StatusCode);
        Assert.Contains("Huyện Bình Sơn", await byHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byHint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dryRun.StatusCode);
        // Nothing of the other unit's report was stored, not even as a rejected version.
        var versions = await app.GetJsonAsync($"/api/units/{BinhSon}/submissions");
        Assert.Equal(0, versions.GetArrayLength());
        var totals = await app.TotalsAsync();
        Assert.Equal(0, totals.GetProperty("unitsReported").GetInt32());
    }

    [Theory]
    [InlineData("/api/rounds/2021-10/totals")]
    [InlineData("/api/rounds/2021-10/units")]
    [InlineData("/api/rounds/2021-10/units/51.524")]
    [InlineData("/api/rounds/2021-10/consolidated.xlsx")]
    [InlineData("/api/rounds/2021-10/consolidated.csv")]
    [InlineData("/api/units/51.524/template.xlsx?round=2021-10")]
    [InlineData("/api/units/51.524/template.docx?round=2021-10")]
    [InlineData("/api/units/51.524/submissions")]
    [InlineData("/api/audit")]
    public async Task DepartmentIsForbiddenOtherUnitsAndProvincialFigures(string url)
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);

        var response = await department.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DepartmentCannotReadAnotherUnitsSubmissionOrFile()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var uploaded = await ReportHubApp.ReadJsonAsync(await app.UploadAsync(BinhSonReport, "binhson.xlsx"));
        var id = uploaded.GetProperty("submissionId").GetInt64();
        using var department = app.ClientFor(Roles.Department, Sct);

        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync($"/api/submissions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync($"/api/submissions/{id}/file")).StatusCode);
    }

    [Fact]
    public async Task DepartmentDownloadsItsOwnBlankTemplatesAndSeesRounds()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);

        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/units/{Sct}/template.xlsx?round=2021-10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/units/{Sct}/template.docx?round=2025-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync("/api/rounds")).StatusCode);
    }

    [Fact]
    public async Task DepartmentCannotCreateOrCloseRoundsOrRegisterTemplates()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);

        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/rounds", new { code = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync("/api/rounds/2021-10/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync("/api/templates", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task AnalystReadsEverythingAndManagesRoundsButDoesNotUploadOrReadTheAudit()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/rounds/2021-10/totals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/rounds/2021-10/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/rounds/2021-10/consolidated.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/units/{BinhSon}/template.xlsx?round=2021-10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/rounds/2021-10/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/rounds/2021-10/reopen", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(analyst, SctReport, "sct.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task EveryStateChangeIsInTheAuditLogWithItsActor()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, Sct);
        using var analyst = app.ClientFor(Roles.Analyst);
        var keys = app.Services.GetRequiredService<Pipeline.Access.ApiKeyService>();
        var departmentPrefix = (await keys.ListAsync(CancellationToken.None)).Single(k => k.Role == Roles.Department).Prefix;

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(department, SctReport, "sct.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/api/rounds/2021-10/close", null)).StatusCode);

        var audit = await app.GetJsonAsync("/api/audit");
        var entries = audit.EnumerateArray().ToList();
        var upload = Assert.Single(entries, e => e.GetProperty("action").GetString() == "submission.upload");
        Assert.Equal("key:" + departmentPrefix, upload.GetProperty("actor").GetString());
        Assert.Contains("accepted", upload.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var close = Assert.Single(entries, e => e.GetProperty("action").GetString() == "round.close");
        Assert.Equal("2021-10", close.GetProperty("target").GetString());
        Assert.StartsWith("key:", close.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.True(close.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task EachKeyHasItsOwnRateLimitAnswered429WithRetryAfter()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Access:RequestsPerMinute", "3")]);
        using var first = app.ClientFor(Roles.Analyst);
        using var second = app.ClientFor(Roles.Analyst);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/rounds")).StatusCode);
        }
        var limited = await first.GetAsync("/api/rounds");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.ToString());
        Assert.Contains("Retry-After", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/rounds")).StatusCode);
    }

    [Fact]
    public async Task SecurityHeadersAllowNoOtherOriginAndNoFraming()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var anonymous = app.AnonymousClient();

        foreach (var response in new[] { await anonymous.GetAsync("/health"), await anonymous.GetAsync("/api/rounds") })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task DepartmentTextWithFormulasStaysInertInTheConsolidatedExports()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var csv = await File.ReadAllTextAsync(RepoPaths.SampleReport("sct-2162-seed004.csv"));
        var hostile = csv.Replace("- Chợ Đầu mối", "=HYPERLINK(\"\"http://x.example\"\") Chợ Đầu mối", StringComparison.Ordinal);
        Assert.NotEqual(csv, hostile);
        Assert.Equal(HttpStatusCode.Created, (await app.UploadAsync(System.Text.Encoding.UTF8.GetBytes(hostile), "sct.csv")).StatusCode);

        var workbook = await app.CreateClient().GetByteArrayAsync("/api/rounds/2021-10/consolidated.xlsx");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook));
        var cells = book.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
        Assert.DoesNotContain(cells, c => c.HasFormula);
        Assert.Contains(cells, c => c.GetString().StartsWith("=HYPERLINK", StringComparison.Ordinal)
            || c.GetString().Contains("=HYPERLINK", StringComparison.Ordinal));
    }
}
