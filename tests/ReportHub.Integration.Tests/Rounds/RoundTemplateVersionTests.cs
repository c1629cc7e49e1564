using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;
using static ReportHub.Integration.Tests.Rounds.VersionedTemplate;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>
/// A round reads, sums and exports with the template version it was opened with; a version registered later changes
/// nothing in it until an analyst moves it there, and a file filled on another version's form is read with the round's
/// version or refused naming both. Over HTTP, on the warehouse the suite runs on (SQLite, then PostgreSQL).
/// </summary>
public sealed class RoundTemplateVersionTests
{
    [Fact]
    public async Task RoundOpenedOnVersionOneStaysOnVersionOneAfterVersionTwoIsRegistered()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        var created = await OpenRoundAsync(client);
        Assert.Equal(1, created.GetProperty("templateVersion").GetInt32());
        await UploadAsync(app, Report(1, "51.STP", ("Bộ phận một cửa", 400, 100, 0)), "stp.xlsx");
        await UploadAsync(app, Report(1, "51.STC", ("Bộ phận một cửa", 100, 80, 0)), "stc.xlsx");

        await RegisterAsync(client, 2);

        var listed = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == RoundCode);
        Assert.Equal(1, listed.GetProperty("templateVersion").GetInt32());
        Assert.Equal(1, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());
        var figures = (await app.TotalsAsync(RoundCode)).GetProperty("figures");
        Assert.Equal(["online", "onlineRate", "received"], figures.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(500m, figures.GetProperty("received").GetDecimal());
        Assert.Equal(36m, figures.GetProperty("onlineRate").GetDecimal());

        var blank = await client.GetByteArrayAsync($"/api/units/51.SKHCN/template.xlsx?round={RoundCode}");
        using (var workbook = new XLWorkbook(new MemoryStream(blank)))
        {
            var cells = workbook.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains("Hồ sơ trực tuyến", cells);
            Assert.DoesNotContain(ResolvedHeader, cells);
        }
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/rounds/{RoundCode}/consolidated.csv?header=keys")).TrimStart('\uFEFF');
        var header = csv.Split("\r\n")[0];
        Assert.EndsWith(",received,online,onlineRate,revisedAt", header, StringComparison.Ordinal);

        // A round opened now takes the version registered now.
        var later = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = "2026-HS2", title = "Báo cáo tình hình tiếp nhận hồ sơ quý II năm 2026", template = Id,
            requestDocument = "512/SKHCN-CĐS", requestDate = "2026-07-01", deadline = "2026-07-15", expected = new { units = Units },
        });
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(2, (await ReportHubApp.ReadJsonAsync(later)).GetProperty("templateVersion").GetInt32());
    }

    [Fact]
    public async Task VersionTwoFormInVersionOneRoundIsReadWithVersionOne()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await OpenRoundAsync(client);
        await RegisterAsync(client, 2);

        var stored = await UploadAsync(app, Report(2, "51.STP", ("Bộ phận một cửa", 400, 100, 300)), "stp-v2.xlsx");

        Assert.Equal("accepted", stored.GetProperty("status").GetString());
        Assert.Equal(RoundCode, stored.GetProperty("round").GetString());
        Assert.Contains(stored.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "column.unknown");
        var submission = await app.GetJsonAsync($"/api/submissions/{stored.GetProperty("submissionId").GetInt64()}");
        Assert.Equal(Id, submission.GetProperty("template").GetString());
        Assert.Equal(1, submission.GetProperty("templateVersion").GetInt32());
        Assert.Equal(400m, submission.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.False(submission.GetProperty("figures").TryGetProperty("resolved", out _));
        Assert.False((await app.TotalsAsync(RoundCode)).GetProperty("figures").TryGetProperty("resolvedRate", out _));
    }

    [Fact]
    public async Task VersionOneFormMissingAVersionTwoColumnIsRefusedNamingBothVersions()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await RegisterAsync(client, 2);
        Assert.Equal(2, (await OpenRoundAsync(client)).GetProperty("templateVersion").GetInt32());

        var refused = await UploadAsync(app, Report(1, "51.STP", ("Bộ phận một cửa", 400, 100, 0)), "stp-v1.xlsx", HttpStatusCode.UnprocessableEntity);

        var issues = refused.GetProperty("issues").EnumerateArray().ToList();
        var mismatch = issues[0];
        Assert.Equal("template.version-mismatch", mismatch.GetProperty("code").GetString());
        Assert.Equal("error", mismatch.GetProperty("severity").GetString());
        var message = mismatch.GetProperty("message").GetString()!;
        Assert.True(message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Tệp được điền theo biểu mẫu phiên bản 1", message, StringComparison.Ordinal);
        Assert.Contains($"đợt báo cáo này ({RoundCode}) dùng phiên bản 2", message, StringComparison.Ordinal);
        Assert.Contains("hãy tải biểu mẫu mới", message, StringComparison.Ordinal);
        Assert.StartsWith(message, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(issues, i => i.GetProperty("code").GetString() == "column.missing"
            && i.GetProperty("message").GetString()!.Contains(ResolvedHeader, StringComparison.Ordinal));
        Assert.Equal(0, (await app.TotalsAsync(RoundCode)).GetProperty("unitsReported").GetInt32());

        // The round's own form is read with version 2, its new figures included.
        var accepted = await UploadAsync(app, Report(2, "51.STP", ("Bộ phận một cửa", 400, 100, 300)), "stp-v2.xlsx");
        var submission = await app.GetJsonAsync($"/api/submissions/{accepted.GetProperty("submissionId").GetInt64()}");
        Assert.Equal(2, submission.GetProperty("templateVersion").GetInt32());
        Assert.Equal(75m, submission.GetProperty("figures").GetProperty("resolvedRate").GetDecimal());
    }

    [Fact]
    public async Task UpgradeIsRefusedWhileAStoredReportWouldBeRejectedAndForcedItReportsEachUnit()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await OpenRoundAsync(client);
        await RegisterAsync(client, 2);
        var stp = await UploadAsync(app, Report(2, "51.STP", ("Bộ phận một cửa", 400, 100, 300)), "stp-v2.xlsx");
        var stc = await UploadAsync(app, Report(1, "51.STC", ("Bộ phận một cửa", 100, 80, 0)), "stc-v1.xlsx");

        var (status, problem) = await UpgradeAsync(client, 2);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(["51.STC"], problem.GetProperty("rejectedUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("51.STC", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("force", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.GetProperty("upgrade").GetProperty("applied").GetBoolean());
        Assert.Equal("changed", Unit(problem.GetProperty("upgrade"), "51.STP").GetProperty("status").GetString());
        Assert.Equal(1, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());
        Assert.Equal(2, (await app.TotalsAsync(RoundCode)).GetProperty("unitsReported").GetInt32());

        var (forcedStatus, upgrade) = await UpgradeAsync(client, 2, force: true);

        Assert.True(forcedStatus == HttpStatusCode.OK, upgrade.ToString());
        Assert.Equal(RoundCode, upgrade.GetProperty("round").GetString());
        Assert.Equal(1, upgrade.GetProperty("from").GetInt32());
        Assert.Equal(2, upgrade.GetProperty("to").GetInt32());
        var changed = Unit(upgrade, "51.STP");
        Assert.Equal("changed", changed.GetProperty("status").GetString());
        Assert.Equal(stp.GetProperty("submissionId").GetInt64(), changed.GetProperty("submissionId").GetInt64());
        Assert.False(changed.GetProperty("before").TryGetProperty("resolved", out _));
        Assert.Equal(400m, changed.GetProperty("before").GetProperty("received").GetDecimal());
        Assert.Equal(300m, changed.GetProperty("after").GetProperty("resolved").GetDecimal());
        Assert.Equal(75m, changed.GetProperty("after").GetProperty("resolvedRate").GetDecimal());
        Assert.False(changed.TryGetProperty("issues", out _));
        var rejected = Unit(upgrade, "51.STC");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(stc.GetProperty("submissionId").GetInt64(), rejected.GetProperty("submissionId").GetInt64());
        Assert.Equal(80m, rejected.GetProperty("before").GetProperty("online").GetDecimal());
        Assert.Empty(rejected.GetProperty("after").EnumerateObject());
        Assert.Contains(rejected.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "template.version-mismatch");

        // Totals now come from version 2 alone: Sở Tài chính's version-1 report no longer counts and it shows as missing.
        Assert.Equal(2, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());
        var totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(400m, totals.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.Equal(75m, totals.GetProperty("figures").GetProperty("resolvedRate").GetDecimal());
        var units = (await app.GetJsonAsync($"/api/rounds/{RoundCode}/units")).EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Equal("missing", units["51.STC"].GetProperty("status").GetString());
        var current = await app.GetJsonAsync($"/api/submissions/{units["51.STP"].GetProperty("submissionId").GetInt64()}");
        Assert.Equal(2, current.GetProperty("templateVersion").GetInt32());
        Assert.Equal(stp.GetProperty("submissionId").GetInt64(), current.GetProperty("replayOf").GetInt64());

        var audit = Assert.Single((await app.GetJsonAsync("/api/audit")).EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.RoundUpgraded);
        Assert.Equal(RoundCode, audit.GetProperty("target").GetString());
        Assert.StartsWith("key:", audit.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 → 2", audit.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("51.STC", audit.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Sở Tài chính sends the new form and counts again.
        await UploadAsync(app, Report(2, "51.STC", ("Bộ phận một cửa", 100, 80, 50)), "stc-v2.xlsx");
        Assert.Equal(350m, (await app.TotalsAsync(RoundCode)).GetProperty("figures").GetProperty("resolved").GetDecimal());
    }

    [Fact]
    public async Task UpgradeReadsEveryStoredReportAgainWhenAllFitTheNewVersion()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await OpenRoundAsync(client);
        await RegisterAsync(client, 2);
        await UploadAsync(app, Report(2, "51.STP", ("Bộ phận một cửa", 400, 100, 300)), "stp-v2.xlsx");
        await UploadAsync(app, Report(2, "51.STC", ("Bộ phận một cửa", 100, 80, 50)), "stc-v2.xlsx");
        Assert.False((await app.TotalsAsync(RoundCode)).GetProperty("figures").TryGetProperty("resolved", out _));

        var (status, upgrade) = await UpgradeAsync(client, 2);

        Assert.True(status == HttpStatusCode.OK, upgrade.ToString());
        Assert.True(upgrade.GetProperty("applied").GetBoolean());
        Assert.All(upgrade.GetProperty("units").EnumerateArray(), u => Assert.Equal("changed", u.GetProperty("status").GetString()));
        var figures = (await app.TotalsAsync(RoundCode)).GetProperty("figures");
        Assert.Equal(2, (await app.TotalsAsync(RoundCode)).GetProperty("unitsReported").GetInt32());
        Assert.Equal(350m, figures.GetProperty("resolved").GetDecimal());
        Assert.Equal(70m, figures.GetProperty("resolvedRate").GetDecimal());
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/api/rounds/{RoundCode}/consolidated.xlsx")));
        Assert.Contains(workbook.Worksheet("Tổng hợp").CellsUsed(), c => c.GetString() == "Tỷ lệ hồ sơ đã giải quyết (%)");
    }

    [Fact]
    public async Task UpgradeOfAClosedRoundOrToAnOlderOrUnknownVersionIsRefusedInVietnamese()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await RegisterAsync(client, 2);
        await OpenRoundAsync(client);

        var (older, olderProblem) = await UpgradeAsync(client, 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, older);
        Assert.Contains("đang dùng phiên bản 2", olderProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (same, _) = await UpgradeAsync(client, 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, same);
        var (unknown, unknownProblem) = await UpgradeAsync(client, 7);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown);
        Assert.Contains("không có phiên bản 7", unknownProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("1, 2", unknownProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (missingRound, _) = await UpgradeAsync(client, 2, round: "khong-co");
        Assert.Equal(HttpStatusCode.NotFound, missingRound);
        using (var empty = await client.PostAsJsonAsync($"/api/rounds/{RoundCode}/upgrade", new { force = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("version", (await ReportHubApp.ReadJsonAsync(empty)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var department = app.ClientFor(Roles.Department, "51.STP");
        using (var forbidden = await department.PostAsJsonAsync($"/api/rounds/{RoundCode}/upgrade", new { version = 3 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        await RegisterAsync(client, 3);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rounds/{RoundCode}/close", null)).StatusCode);
        using var closed = await client.PostAsJsonAsync($"/api/rounds/{RoundCode}/upgrade", new { version = 3 });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("application/problem+json", closed.Content.Headers.ContentType?.MediaType);
        var problem = await ReportHubApp.ReadJsonAsync(closed);
        Assert.Equal("Đợt báo cáo đã đóng", problem.GetProperty("title").GetString());
        Assert.Contains("đã đóng nên không nâng phiên bản", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());
        Assert.DoesNotContain((await app.GetJsonAsync("/api/audit")).EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.RoundUpgraded);
    }

    [Fact]
    public async Task BrowserSessionUpgradesFromTheRoundPageAndNeedsTheAntiforgeryTokenOnTheApi()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        await OpenRoundAsync(client);
        await RegisterAsync(client, 2);
        await UploadAsync(app, Report(2, "51.STP", ("Bộ phận một cửa", 400, 100, 300)), "stp-v2.xlsx");
        using var session = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        using (var noToken = await session.Client.PostAsJsonAsync($"/api/rounds/{RoundCode}/upgrade", new { version = 2 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
            Assert.Contains("CSRF", (await ReportHubApp.ReadJsonAsync(noToken)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var (_, before) = await session.GetAsync($"/rounds/{RoundCode}");
        Assert.Contains("phiên bản 1", before, StringComparison.Ordinal);
        Assert.Contains("id=\"upgrade-form\"", before, StringComparison.Ordinal);

        var posted = await session.PostFormAsync($"/rounds/{RoundCode}", new Dictionary<string, string> { ["version"] = "2" },
            $"/rounds/{RoundCode}?handler=Upgrade");
        var html = await posted.Content.ReadAsStringAsync();

        Assert.True(posted.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("Đã nâng đợt " + RoundCode + " lên phiên bản 2", html, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"51.STP\" data-status=\"changed\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"round-template-version\">phiên bản 2</span>", html, StringComparison.Ordinal);
        var audit = Assert.Single((await app.GetJsonAsync("/api/audit")).EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.RoundUpgraded);
        Assert.Equal("user:phantich", audit.GetProperty("actor").GetString());
    }
}
