using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

public sealed partial class PagesTests
{
    [Fact]
    public async Task SignInWithTheRightPasswordOpensTheUnitPageAndAWrongOneShowsAVietnameseError()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var (status, html, path) = await session.FollowAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/unit", path);
        Assert.Contains("Người dùng vanthu", html);
        Assert.Contains("Tải mẫu Excel (.xlsx)", html);
        Assert.Contains("/api/units/51.SCT/template.xlsx?round=2021-10", html);

        using var stranger = PageSession.Open(app);
        var wrong = await stranger.SignInAsync("vanthu", "khong-dung-mat-khau");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var page = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("id=\"signin-error\"", page);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", page);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.Client.GetAsync("/unit")).StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountAndThePageSaysUntilWhen()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var owner = await PageSession.SignedInAsync(app, "khoa", Roles.Analyst, null);
        using var session = PageSession.Open(app);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await session.SignInAsync("khoa", "sai-mat-khau-" + i);
        }
        var html = await last.Content.ReadAsStringAsync();
        Assert.Contains("tạm bị chặn trên máy này", html);
        Assert.Matches(@"đến \d{2}:\d{2} ngày \d{2}/\d{2}/\d{4} \(giờ Việt Nam\)", html);
    }

    [Fact]
    public async Task ADepartmentIsForbiddenTheRoundsAndAnotherUnitsSubmission()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var other = await app.Ingest.IngestAsync(new IngestRequest { FileName = "sct.xlsx", Content = ReportBuilder.Seed().ToXlsx(), Source = "upload" }, CancellationToken.None);
        Assert.NotNull(other.SubmissionId);
        using var session = await PageSession.SignedInAsync(app, "binhson", Roles.Department, "51.524");

        Assert.Equal(HttpStatusCode.OK, (await session.FollowAsync("/unit")).Status);
        var rounds = await session.FollowAsync("/rounds");
        Assert.Equal(HttpStatusCode.Forbidden, rounds.Status);
        Assert.Contains("Không có quyền truy cập", rounds.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.FollowAsync($"/submissions/{other.SubmissionId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.FollowAsync("/unit?unit=51.SCT")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.FollowAsync("/admin")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.FollowAsync("/rounds/2021-10/charts/types.svg")).Status);
    }

    [Fact]
    public async Task ABadUploadShowsTheMessageAndHighlightsItsCell()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        var bad = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương", -1L, 541L)] }.ToXlsx();
        var expected = await app.Ingest.IngestAsync(new IngestRequest { FileName = "bad.xlsx", Content = bad, Source = "upload", DryRun = true }, CancellationToken.None);
        var issue = expected.Issues.First(i => i.Severity == "error" && i.Cell is not null);

        var response = await session.UploadAsync(bad, "bao-cao-loi.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"result\"", html);
        Assert.Contains("data-status=\"rejected\"", html);
        Assert.Contains($"class=\"cell-flagged\" data-cell=\"{issue.Cell}\"", html);
        Assert.Contains(issue.Message, WebUtility.HtmlDecode(html));
        // The stored version shows the same highlight on its own page, and is in the history.
        var id = Regex.Match(html, "href=\"/submissions/(\\d+)\"").Groups[1].Value;
        var stored = await session.FollowAsync("/submissions/" + id);
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Contains($"data-cell=\"{issue.Cell}\"", stored.Html);
    }

    [Fact]
    public async Task ADryRunOfAGoodFileIsAcceptedAndStoresNothing()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await session.UploadAsync(ReportBuilder.Seed().ToXlsx(), "bao-cao.xlsx", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"accepted\"", html);
        Assert.Contains("Báo cáo chưa được gửi", html);
        Assert.Contains("id=\"send-checked\"", html);
        Assert.Contains("id=\"history-empty\"", html);
        Assert.Contains("id=\"report-grid\"", html);
    }

    [Fact]
    public async Task AnAnalystCreatesAndClosesARoundAndTheAuditLogRecordsIt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var invalid = await analyst.PostFormAsync("/rounds", new Dictionary<string, string> { ["Code"] = "2025 Q3" }, "/rounds?handler=Create");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("Mã đợt “2025 Q3” không hợp lệ", await invalid.Content.ReadAsStringAsync());

        var fields = new Dictionary<string, string>
        {
            ["Code"] = "2030-T1",
            ["Title"] = "Báo cáo tháng 01 năm 2030",
            ["Template"] = "covid-tech-2021",
            ["RequestDocument"] = "4321/SKHCN-CĐS",
            ["RequestDate"] = "2030-01-05",
            ["Deadline"] = "2030-01-20",
            ["Types"] = "department",
        };
        var preview = await (await analyst.PostFormAsync("/rounds", fields, "/rounds?handler=Preview")).Content.ReadAsStringAsync();
        var previewed = Regex.Match(preview, "name=\"Previewed\" value=\"([^\"]*)\"").Groups[1].Value;
        var created = await analyst.PostFormAsync("/rounds", new Dictionary<string, string>(fields) { ["Previewed"] = WebUtility.HtmlDecode(previewed) }, "/rounds?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await analyst.FollowAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Đã mở đợt 2030-T1", list.Html);

        var closed = await analyst.PostFormAsync("/rounds/2030-T1/close", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Đã đóng", (await analyst.FollowAsync("/rounds")).Html);

        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        var audit = await admin.FollowAsync("/admin/audit");
        Assert.Contains("round.create", audit.Html);
        Assert.Contains("round.close", audit.Html);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var response = await analyst.Client.PostAsync("/rounds/2021-10/close", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Đã đóng", (await analyst.FollowAsync("/rounds")).Html);
    }

    [Fact]
    public async Task TheConsolidatedCsvHasVietnameseHeadingsUnlessKeysAreAsked()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var vietnamese = await analyst.Client.GetByteArrayAsync("/api/rounds/2021-10/consolidated.csv");
        var keys = await analyst.Client.GetByteArrayAsync("/api/rounds/2021-10/consolidated.csv?header=keys");

        var first = Encoding.UTF8.GetString(vietnamese, 3, vietnamese.Length - 3).Split("\r\n")[0];
        Assert.StartsWith("Mã đơn vị,Tên đơn vị,Loại,Tình trạng,Ngày nhận,Mã báo cáo,", first);
        Assert.True(first.IsNormalized(NormalizationForm.FormC));
        Assert.StartsWith("unit,name,type,status,receivedAt,submissionId", Encoding.UTF8.GetString(keys, 3, keys.Length - 3));
    }

    [Fact]
    public async Task EveryPageLoadsNothingInlineAndNothingFromAnotherOrigin()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var stored = await app.Ingest.IngestAsync(new IngestRequest { FileName = "sct.xlsx", Content = ReportBuilder.Seed().ToXlsx(), Source = "upload" }, CancellationToken.None);
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        using var anonymous = PageSession.Open(app);
        string[] pages =
        [
            "/rounds", "/rounds/2021-10", "/templates", "/templates/covid-tech-2021", "/exports", "/admin",
            "/unit?unit=51.SCT", $"/submissions/{stored.SubmissionId}", "/forbidden",
        ];
        var checkedPages = new List<(string, string)>();
        foreach (var page in pages)
        {
            var (status, html, _) = await admin.FollowAsync(page);
            Assert.True(page == "/forbidden" ? status == HttpStatusCode.Forbidden : status == HttpStatusCode.OK, $"{page}: {(int)status}");
            checkedPages.Add((page, html));
        }
        checkedPages.Add(("/signin", (await anonymous.GetAsync("/signin")).Html));
        foreach (var (page, html) in checkedPages)
        {
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(StyleAttribute(), html);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(ForeignUrl(), html);
            Assert.Contains("<html lang=\"vi\">", html);
            Assert.Contains("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", html);
            Assert.True(html.IsNormalized(NormalizationForm.FormC), page + " is not NFC");
        }
        // Static files are public: the sign-in page's style loads before anyone signs in.
        var css = await anonymous.Client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        var chart = await admin.Client.GetAsync("/rounds/2021-10/charts/types.svg");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("(src|href|action)\\s*=\\s*\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignUrl();
}
