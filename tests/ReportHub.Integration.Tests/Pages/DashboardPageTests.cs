using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The round dashboard: overdue units, the per-unit table's filters and pages, and the tiles' live answer.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task MissingUnitsPastTheDeadlineReadAsOverdueAndTheTilesSaySo()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var expected = (await app.TotalsAsync()).GetProperty("unitsExpected").GetInt32();

        var (status, html) = await analyst.GetAsync("/rounds/2021-10");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches($"id=\"stat-overdue\" data-field=\"unitsOverdue\">{expected}<", html);
        Assert.Contains("Quá hạn, chưa gửi", html);
        Assert.Matches("id=\"tile-missing\" hidden=\"hidden\"", html);
        Assert.DoesNotMatch("id=\"tile-overdue\" hidden", html);
        Assert.Equal(expected, StatusRows().Matches(html).Count(m => m.Groups[2].Value == "overdue"));
        Assert.Contains("Đơn vị quá hạn, chưa gửi (" + expected + ")", html);
        // The API's values stay as they were: a unit that never reported is "missing" there.
        var units = await app.GetJsonAsync("/api/rounds/2021-10/units");
        Assert.All(units.EnumerateArray(), u => Assert.Equal("missing", u.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task DepartmentPageReadsItsMissingReportPastTheDeadlineAsOverdue()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "sct", Roles.Department, "51.SCT");

        var (status, html) = await clerk.GetAsync("/unit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-status=\"overdue\">Quá hạn, chưa gửi</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingUnitsBeforeTheDeadlineStayNotYetSent()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        await CreateRoundAsync(app, "2030-T5", "5555/SKHCN-CĐS", "2030-05-31");

        var (_, html) = await analyst.GetAsync("/rounds/2030-T5");

        Assert.Matches("id=\"tile-overdue\" hidden=\"hidden\"", html);
        Assert.DoesNotMatch("id=\"tile-missing\" hidden", html);
        Assert.All(StatusRows().Matches(html), m => Assert.Equal("missing", m.Groups[2].Value));
        Assert.Contains(">Chưa gửi</span></td>", html);
        Assert.DoesNotContain(">Quá hạn, chưa gửi</span></td>", html);
    }

    [Fact]
    public async Task ThePerUnitTableFiltersByTextAndStatusAndPages()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var sct = await app.Ingest.IngestAsync(new IngestRequest { FileName = "sct.xlsx", Content = ReportBuilder.Seed().ToXlsx(), Source = "upload" }, CancellationToken.None);
        Assert.NotNull(sct.SubmissionId);
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var units = (await app.GetJsonAsync("/api/rounds/2021-10/units")).EnumerateArray().ToList();

        // Words match whatever their case and accents: "cong thuong" finds Sở Công Thương.
        var (_, byName) = await analyst.GetAsync("/rounds/2021-10?q=cong+thuong");
        var named = StatusRows().Matches(byName).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("51.SCT", named);
        Assert.All(named, code => Assert.Contains("Công Thương", units.Single(u => u.GetProperty("unit").GetString() == code).GetProperty("name").GetString(), StringComparison.Ordinal));

        var (_, late) = await analyst.GetAsync("/rounds/2021-10?status=late");
        Assert.Equal(["51.SCT"], StatusRows().Matches(late).Select(m => m.Groups[1].Value));
        Assert.Contains("Hiển thị 1–1 trên 1 mục", late);

        var (_, overdue) = await analyst.GetAsync("/rounds/2021-10?status=overdue");
        Assert.Equal(units.Count - 1, StatusRows().Matches(overdue).Count);
        Assert.DoesNotContain("data-unit=\"51.SCT\" data-status", overdue);
        var (_, missing) = await analyst.GetAsync("/rounds/2021-10?status=missing");
        Assert.Equal(units.Count - 1, StatusRows().Matches(missing).Count);

        var (_, nothing) = await analyst.GetAsync("/rounds/2021-10?q=kh%C3%B4ng-c%C3%B3-%C4%91%C6%A1n-v%E1%BB%8B-n%C3%A0y");
        Assert.Contains("id=\"units-empty\"", nothing);
        Assert.Contains("Không có đơn vị nào khớp bộ lọc.", nothing);

        // Pages of 5, the filters kept in the pager's links.
        var (_, first) = await analyst.GetAsync("/rounds/2021-10?status=overdue&size=5");
        Assert.Equal(5, StatusRows().Matches(first).Count);
        Assert.Contains($"Hiển thị 1–5 trên {units.Count - 1} mục", first);
        Assert.Contains("href=\"/rounds/2021-10?status=overdue&amp;size=5&amp;page=2#units-heading\" rel=\"next\"", first);
        var (_, second) = await analyst.GetAsync("/rounds/2021-10?status=overdue&size=5&page=2");
        Assert.Contains($"Hiển thị 6–10 trên {units.Count - 1} mục", second);
        Assert.Empty(StatusRows().Matches(first).Select(m => m.Groups[1].Value).Intersect(StatusRows().Matches(second).Select(m => m.Groups[1].Value)));
        // A page past the end shows the last one rather than nothing.
        var (_, beyond) = await analyst.GetAsync("/rounds/2021-10?status=late&page=9");
        Assert.Equal(["51.SCT"], StatusRows().Matches(beyond).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task TheLiveAnswerChangesWhenAReportArrivesAndIsNotModifiedOtherwise()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var (_, html) = await analyst.GetAsync("/rounds/2021-10");
        var shown = LiveTag().Match(html).Groups[1].Value;
        Assert.Contains("data-live-url=\"/rounds/2021-10/live\"", html);
        Assert.Contains("<script src=\"/js/live.js", html);

        var first = await analyst.Client.GetAsync("/rounds/2021-10/live");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal(WebUtility.HtmlDecode(shown), etag);
        var tiles = await ReportHubApp.ReadJsonAsync(first);
        Assert.Equal(0, tiles.GetProperty("unitsReported").GetInt32());
        Assert.True(tiles.GetProperty("pastDeadline").GetBoolean());
        Assert.Equal(tiles.GetProperty("unitsMissing").GetInt32(), tiles.GetProperty("unitsOverdue").GetInt32());

        using var unchanged = new HttpRequestMessage(HttpMethod.Get, "/rounds/2021-10/live");
        unchanged.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.NotModified, (await analyst.Client.SendAsync(unchanged)).StatusCode);

        var sct = await app.Ingest.IngestAsync(new IngestRequest { FileName = "sct.xlsx", Content = ReportBuilder.Seed().ToXlsx(), Source = "upload" }, CancellationToken.None);
        Assert.NotNull(sct.SubmissionId);
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/rounds/2021-10/live");
        changed.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        var after = await analyst.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag!.Tag);
        var now = await ReportHubApp.ReadJsonAsync(after);
        Assert.Equal(1, now.GetProperty("unitsReported").GetInt32());
        Assert.Equal(1, now.GetProperty("unitsLate").GetInt32());
        Assert.Equal(tiles.GetProperty("unitsOverdue").GetInt32() - 1, now.GetProperty("unitsOverdue").GetInt32());
    }

    [Fact]
    public async Task TheLiveAnswerIsForAnalystsAndKnowsOnlyRealRounds()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        using var department = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        Assert.Equal(HttpStatusCode.NotFound, (await analyst.Client.GetAsync("/rounds/khong-co/live")).StatusCode);
        var refused = await department.Client.GetAsync("/rounds/2021-10/live");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("unitsExpected", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnEmptyRoundShowsTheNoReportStateInsteadOfCharts()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (_, html) = await analyst.GetAsync("/rounds/2021-10");

        Assert.Contains("id=\"charts-empty\"", html);
        Assert.Contains("Chưa có báo cáo nào", html);
        Assert.DoesNotContain("id=\"chart-types\"", html);
    }

    [Fact]
    public async Task PercentagesOnTheDashboardHaveOneDecimal()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var stp = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleReports, "2025-Q3", "stp-2876.csv"));
        var result = await app.Ingest.IngestAsync(new IngestRequest { FileName = "stp-2876.csv", Content = stp, Source = "upload" }, CancellationToken.None);
        Assert.Equal("2025-Q3", result.Round);

        var (_, html) = await analyst.GetAsync("/rounds/2025-Q3");

        var percents = Percentages().Matches(WebUtility.HtmlDecode(html)).Select(m => m.Value).ToList();
        Assert.NotEmpty(percents);
        Assert.All(percents, p => Assert.Matches(@"^\d{1,3}(\.\d{3})*,\d\u00a0%$", p));
        Assert.DoesNotContain("(%)</th>", html);
    }

    private static async Task CreateRoundAsync(ReportHubApp app, string code, string document, string deadline)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/rounds", new
        {
            code,
            title = "Đợt kiểm thử bảng điều khiển",
            template = "covid-tech-2021",
            requestDocument = document,
            requestDate = "2025-10-01",
            deadline,
            expected = new { types = new[] { "department" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\" data-status=\"([^\"]+)\">")]
    private static partial Regex StatusRows();

    [GeneratedRegex("data-etag=\"([^\"]+)\"")]
    private static partial Regex LiveTag();

    [GeneratedRegex(@"[\d.,]+\u00a0%")]
    private static partial Regex Percentages();
}
