using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Reviews;

/// <summary>
/// An analyst returns a unit's report with a comment, the unit reads it and answers with a new upload, the analyst
/// approves, and the approval locks the unit's data for the round until it is set back to pending.
/// </summary>
public sealed class ReviewApiTests
{
    private const string Round = OnlineServicesReports.Round;
    private const string Unit = "51.STP";
    private const string Other = "51.SCT";

    [Fact]
    public async Task ReturnedReportIsAnsweredByANewUploadThenApprovalLocksTheRoundUntilSetBackToPending()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var analyst = app.ClientFor(Roles.Analyst);
        var admin = app.CreateClient();
        var department = app.ClientFor(Roles.Department, Unit);
        var firstId = await AcceptedAsync(department, OnlineServicesReports.For(Unit, received: 1000).ToXlsx(), "stp-q3.xlsx");
        Assert.Equal("pending", (await GetAsync(department, $"/api/submissions/{firstId}")).GetProperty("review").GetProperty("state").GetString());

        var returned = await ReviewAsync(analyst, firstId, "returned", "Số hồ sơ tiếp nhận chưa khớp với báo cáo quý trước; đề nghị kiểm tra lại.");

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var seen = (await GetAsync(department, $"/api/submissions/{firstId}")).GetProperty("review");
        Assert.Equal("returned", seen.GetProperty("state").GetString());
        Assert.Equal("Số hồ sơ tiếp nhận chưa khớp với báo cáo quý trước; đề nghị kiểm tra lại.", seen.GetProperty("comment").GetString());
        Assert.StartsWith("key:", seen.GetProperty("by").GetString(), StringComparison.Ordinal);
        Assert.True(seen.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        // Returned reports stay in the totals, marked.
        Assert.Equal(1, (await GetAsync(analyst, $"/api/rounds/{Round}/totals")).GetProperty("unitsReported").GetInt32());
        Assert.Equal("returned", UnitRow(await GetAsync(analyst, $"/api/rounds/{Round}/units"), Unit).GetProperty("review").GetProperty("state").GetString());

        var revision = OnlineServicesReports.For(Unit, received: 1100).ToXlsx();
        var secondId = await AcceptedAsync(department, revision, "stp-q3-sua.xlsx");

        var second = (await GetAsync(department, $"/api/submissions/{secondId}")).GetProperty("review");
        Assert.Equal("pending", second.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("by").ValueKind);
        Assert.Equal("pending", UnitRow(await GetAsync(analyst, $"/api/rounds/{Round}/units"), Unit).GetProperty("review").GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(analyst, secondId, "approved", null)).StatusCode);
        var third = OnlineServicesReports.For(Unit, received: 1200).ToXlsx();

        foreach (var query in new[] { "", "?dryRun=true" })
        {
            var locked = await UploadAsync(department, third, "stp-q3-lan-3.xlsx", query);
            var problem = await ReportHubApp.ReadJsonAsync(locked);
            Assert.True(locked.StatusCode == HttpStatusCode.Conflict, problem.ToString());
            var issue = problem.GetProperty("issues").EnumerateArray().First();
            Assert.Equal("submission.approved", issue.GetProperty("code").GetString());
            var message = issue.GetProperty("message").GetString()!;
            Assert.True(message.IsNormalized(NormalizationForm.FormC));
            Assert.Contains($"(báo cáo #{secondId}) đã được chuyên viên Sở duyệt", message, StringComparison.Ordinal);
            Assert.Contains("chờ duyệt", message, StringComparison.Ordinal);
            Assert.Equal(message, problem.GetProperty("detail").GetString());
        }
        // The refused file is recorded like any rejection, its bytes kept; the dry run stored nothing.
        var history = (await GetAsync(department, $"/api/units/{Unit}/submissions?round={Round}")).EnumerateArray().ToList();
        var refused = Assert.Single(history, v => v.GetProperty("status").GetString() == "rejected");
        Assert.Equal("stp-q3-lan-3.xlsx", refused.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await department.GetAsync($"/api/submissions/{refused.GetProperty("id").GetInt64()}/file")).StatusCode);
        Assert.Equal(secondId, UnitRow(await GetAsync(analyst, $"/api/rounds/{Round}/units"), Unit).GetProperty("submissionId").GetInt64());
        // The approved bytes sent again change nothing: a duplicate, not a refusal.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(department, revision, "lai.xlsx", "")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ReviewAsync(analyst, secondId, "pending", null)).StatusCode);
        var thirdId = await AcceptedAsync(department, third, "stp-q3-lan-4.xlsx");

        Assert.Equal(thirdId, UnitRow(await GetAsync(analyst, $"/api/rounds/{Round}/units"), Unit).GetProperty("submissionId").GetInt64());
        var audit = (await GetAsync(app.CreateClient(), "/api/audit?limit=100")).EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "submission.review").ToList();
        Assert.Equal(3, audit.Count);
        Assert.Contains(audit, e => e.GetProperty("target").GetString() == $"#{firstId}"
            && e.GetProperty("detail").GetString()!.Contains("Trả lại; nhận xét: Số hồ sơ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryDoorOfIngestionIsRefusedWhileApprovedAndReinstatingIsToo()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var analyst = app.ClientFor(Roles.Analyst);
        var admin = app.CreateClient();
        var firstId = await AcceptedAsync(admin, OnlineServicesReports.For(Unit, received: 1000).ToXlsx(), "stp.xlsx");
        var secondId = await AcceptedAsync(admin, OnlineServicesReports.For(Unit, received: 1100).ToXlsx(), "stp-sua.xlsx");
        await ReviewAsync(analyst, secondId, "approved", "Số liệu khớp.");

        var viaCli = await app.Ingest.IngestAsync(new IngestRequest
        {
            FileName = "stp-lan-3.xlsx",
            Content = OnlineServicesReports.For(Unit, received: 1300).ToXlsx(),
            Source = "cli",
        }, CancellationToken.None);
        var reinstate = await analyst.PostAsync($"/api/submissions/{firstId}/reinstate", null);

        Assert.Equal("rejected", viaCli.Status);
        Assert.Equal("submission.approved", viaCli.Issues[0].Code);
        Assert.NotNull(viaCli.SubmissionId);
        var problem = await ReportHubApp.ReadJsonAsync(reinstate);
        Assert.True(reinstate.StatusCode == HttpStatusCode.Conflict, problem.ToString());
        Assert.Equal("submission.approved", problem.GetProperty("code").GetString());
        Assert.Contains("chờ duyệt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("current", (await GetAsync(analyst, $"/api/submissions/{secondId}")).GetProperty("status").GetString());
        // Another unit of the same round is not locked.
        await AcceptedAsync(admin, OnlineServicesReports.For(Other, received: 500).ToXlsx(), "sct.xlsx");
    }

    [Fact]
    public async Task InvalidReviewsAreRefusedAndDepartmentsMayNotReview()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var analyst = app.ClientFor(Roles.Analyst);
        var admin = app.CreateClient();
        var id = await AcceptedAsync(admin, OnlineServicesReports.For(Unit).ToXlsx(), "stp.xlsx");

        await AssertProblemAsync(await ReviewAsync(analyst, id, "accepted", null), HttpStatusCode.UnprocessableEntity, "approved (duyệt)");
        await AssertProblemAsync(await ReviewAsync(analyst, id, null, "x"), HttpStatusCode.UnprocessableEntity, "không hợp lệ");
        await AssertProblemAsync(await ReviewAsync(analyst, id, "returned", "  \u200b "), HttpStatusCode.UnprocessableEntity, "hãy ghi nhận xét");
        await AssertProblemAsync(await ReviewAsync(analyst, id, "returned", new string('a', 2001)), HttpStatusCode.UnprocessableEntity, "2001 ký tự");
        await AssertProblemAsync(await ReviewAsync(analyst, 999999, "approved", null), HttpStatusCode.NotFound, "#999999");
        await AssertProblemAsync(await ReviewAsync(app.ClientFor(Roles.Department, Unit), id, "approved", null), HttpStatusCode.Forbidden, "");
        await AssertProblemAsync(await analyst.PostAsync($"/api/submissions/{id}/review", new StringContent("{\"state\":", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "JSON");
        await AssertProblemAsync(await analyst.PostAsync($"/api/submissions/{id}/review", new StringContent("", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "Chưa gửi nội dung xét duyệt");
        // Another unit's department may not read the review either.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(Roles.Department, Other).GetAsync($"/api/submissions/{id}")).StatusCode);

        // A comment is cleaned: control characters out, composed to NFC.
        var decomposed = "Đe\u0300 nghi\u0323 bô\u0309 sung\u0007 số liệu".Normalize(NormalizationForm.FormD);
        var cleaned = await ReportHubApp.ReadJsonAsync(await ReviewAsync(analyst, id, "returned", decomposed));
        var comment = cleaned.GetProperty("review").GetProperty("comment").GetString()!;
        Assert.True(comment.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\u0007', comment);
        Assert.Equal("returned", (await GetAsync(analyst, $"/api/submissions/{id}")).GetProperty("review").GetProperty("state").GetString());
        Assert.Single((await GetAsync(app.CreateClient(), "/api/audit?limit=100")).EnumerateArray(), e => e.GetProperty("action").GetString() == "submission.review");
    }

    [Fact]
    public async Task OnlyTheCurrentVersionIsReviewed()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var analyst = app.ClientFor(Roles.Analyst);
        var admin = app.CreateClient();
        var firstId = await AcceptedAsync(admin, OnlineServicesReports.For(Unit, received: 1000).ToXlsx(), "stp.xlsx");
        var secondId = await AcceptedAsync(admin, OnlineServicesReports.For(Unit, received: 1100).ToXlsx(), "stp-sua.xlsx");
        var rejected = await ReportHubApp.ReadJsonAsync(await UploadAsync(admin, OnlineServicesReports.For("51.524").ToXlsx(), "binhson.xlsx", ""));
        var rejectedId = rejected.GetProperty("submissionId").GetInt64();

        await AssertProblemAsync(await ReviewAsync(analyst, firstId, "approved", null), HttpStatusCode.Conflict, $"bản đang được tính là báo cáo #{secondId}");
        await AssertProblemAsync(await ReviewAsync(analyst, rejectedId, "approved", null), HttpStatusCode.Conflict, "đã bị từ chối");

        Assert.Equal(JsonValueKind.Null, (await GetAsync(analyst, $"/api/submissions/{rejectedId}")).GetProperty("review").ValueKind);
        Assert.Equal("pending", (await GetAsync(analyst, $"/api/submissions/{secondId}")).GetProperty("review").GetProperty("state").GetString());
        Assert.DoesNotContain((await GetAsync(app.CreateClient(), "/api/audit?limit=100")).EnumerateArray(), e => e.GetProperty("action").GetString() == "submission.review");
    }

    [Fact]
    public async Task ApprovedFilterCountsOnlyApprovedReportsInTotalsUnitsCsvAndWorkbook()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var analyst = app.ClientFor(Roles.Analyst);
        var admin = app.CreateClient();
        var approvedId = await AcceptedAsync(admin, OnlineServicesReports.For(Unit, received: 1000).ToXlsx(), "stp.xlsx");
        var returnedId = await AcceptedAsync(admin, OnlineServicesReports.For(Other, received: 600).ToXlsx(), "sct.xlsx");
        await ReviewAsync(analyst, approvedId, "approved", null);
        await ReviewAsync(analyst, returnedId, "returned", "Thiếu chữ ký.");

        var all = await analyst.GetAsync($"/api/rounds/{Round}/totals");
        var approvedOnly = await analyst.GetAsync($"/api/rounds/{Round}/totals?approved=true");

        var totals = await ReportHubApp.ReadJsonAsync(all);
        var filtered = await ReportHubApp.ReadJsonAsync(approvedOnly);
        Assert.Equal(2, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(1600m, totals.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.False(totals.TryGetProperty("approvedOnly", out _));
        Assert.Equal(1, filtered.GetProperty("unitsReported").GetInt32());
        Assert.Equal(totals.GetProperty("unitsExpected").GetInt32() - 1, filtered.GetProperty("unitsMissing").GetInt32());
        Assert.Equal(1000m, filtered.GetProperty("figures").GetProperty("received").GetDecimal());
        Assert.True(filtered.GetProperty("approvedOnly").GetBoolean());
        Assert.NotEqual(all.Headers.ETag, approvedOnly.Headers.ETag);

        var units = await GetAsync(analyst, $"/api/rounds/{Round}/units?approved=true");
        var other = UnitRow(units, Other);
        Assert.Equal("missing", other.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, other.GetProperty("submissionId").ValueKind);
        Assert.Equal("returned", other.GetProperty("review").GetProperty("state").GetString());
        Assert.Equal(approvedId, UnitRow(units, Unit).GetProperty("submissionId").GetInt64());

        var csv = await analyst.GetStringAsync($"/api/rounds/{Round}/consolidated.csv?approved=true&header=keys");
        var fullCsv = await analyst.GetStringAsync($"/api/rounds/{Round}/consolidated.csv?header=keys");
        Assert.Contains("1000", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",600,", csv, StringComparison.Ordinal);
        Assert.Contains(",600,", fullCsv, StringComparison.Ordinal);
        var workbook = await analyst.GetAsync($"/api/rounds/{Round}/consolidated.xlsx?approved=true");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(await workbook.Content.ReadAsStreamAsync());
        var texts = book.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()).ToList();
        Assert.Contains(texts, t => t == "1000");
        Assert.DoesNotContain(texts, t => t == "600");
    }

    private static JsonElement UnitRow(JsonElement units, string unit) =>
        Assert.Single(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == unit);

    private static async Task<HttpResponseMessage> ReviewAsync(HttpClient client, long id, string? state, string? comment) =>
        await client.PostAsJsonAsync($"/api/submissions/{id}/review", new { state, comment });

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string query)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/submissions" + query, form);
    }

    private static async Task<long> AcceptedAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await UploadAsync(client, content, fileName, "");
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("submissionId").GetInt64();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {problem}");
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
