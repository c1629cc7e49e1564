using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Intake;

/// <summary>
/// A report from a unit outside a round's expected units is refused (unit.not-expected) until an analyst adds the
/// unit to the round: Huyện Bình Sơn, abolished on 2025-07-01, answering round 2025-Q3 of the departments.
/// </summary>
public sealed class ExpectedUnitsApiTests
{
    private const string Round = OnlineServicesReports.Round;
    private const string BinhSon = "51.524";

    [Fact]
    public async Task AbolishedDistrictReportIsRefusedNamingItsSuccessorUntilAnAnalystAddsItToTheRound()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var builder = OnlineServicesReports.For(BinhSon, received: 3000);
        var file = builder.ToXlsx();

        var refused = await app.UploadAsync(file, "binhson-2025-q3.xlsx");

        var problem = await ReportHubApp.ReadJsonAsync(refused);
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        Assert.Equal(BinhSon, problem.GetProperty("unit").GetString());
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.not-expected");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal(OnlineServicesReports.CellOf(builder, "UBND HUYỆN BÌNH SƠN"), issue.GetProperty("cell").GetString());
        var message = issue.GetProperty("message").GetString()!;
        Assert.True(message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Huyện Bình Sơn (51.524) không thuộc danh sách đơn vị phải báo cáo của đợt 2025-Q3", message, StringComparison.Ordinal);
        Assert.Contains("sáp nhập vào Tỉnh Quảng Ngãi từ ngày 01/07/2025", message, StringComparison.Ordinal);
        Assert.Contains("hãy ghi mã đơn vị 51 (Tỉnh Quảng Ngãi)", message, StringComparison.Ordinal);
        var stored = await app.GetJsonAsync($"/api/submissions/{problem.GetProperty("submissionId").GetInt64()}");
        Assert.Equal("rejected", stored.GetProperty("status").GetString());
        await AssertNothingCountedAsync(app);

        var client = app.ClientFor(Roles.Analyst);
        var added = await client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon });
        var body = await ReportHubApp.ReadJsonAsync(added);
        Assert.True(added.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("added").GetBoolean());
        Assert.Equal("Huyện Bình Sơn", body.GetProperty("name").GetString());
        var again = await ReportHubApp.ReadJsonAsync(await client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon }));
        Assert.False(again.GetProperty("added").GetBoolean());
        Assert.Equal(body.GetProperty("unitsExpected").GetInt32(), again.GetProperty("unitsExpected").GetInt32());
        var audit = (await app.GetJsonAsync("/api/audit?limit=20")).EnumerateArray().Where(e => e.GetProperty("action").GetString() == "round.add-unit").ToList();
        var entry = Assert.Single(audit);
        Assert.Equal(Round, entry.GetProperty("target").GetString());
        Assert.StartsWith("key:", entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Contains(BinhSon, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var accepted = await app.UploadAsync(file, "binhson-2025-q3.xlsx");

        var result = await ReportHubApp.ReadJsonAsync(accepted);
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, result.ToString());
        Assert.Equal(BinhSon, result.GetProperty("unit").GetString());
        Assert.DoesNotContain(result.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.not-expected");
        var units = await app.GetJsonAsync($"/api/rounds/{Round}/units");
        var row = Assert.Single(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == BinhSon);
        Assert.Equal(result.GetProperty("submissionId").GetInt64(), row.GetProperty("submissionId").GetInt64());
    }

    [Fact]
    public async Task UnitAddedByHandStaysWhenTheRoundIsEdited()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon })).StatusCode);

        var edited = await client.PutAsJsonAsync($"/api/rounds/{Round}", new { deadline = "2025-10-20" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var units = await app.GetJsonAsync($"/api/rounds/{Round}/units");
        Assert.Contains(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == BinhSon);
        var accepted = await app.UploadAsync(OnlineServicesReports.For(BinhSon).ToCsv(), "binhson.csv");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task AddingAnUnknownUnitOrToAnUnknownOrClosedRoundIsExplained()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.ClientFor(Roles.Analyst);

        var unknownUnit = await client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = "51.999" });
        var unknownRound = await client.PostAsJsonAsync("/api/rounds/1999-Q1/units", new { unit = BinhSon });
        var noUnit = await client.PostAsync($"/api/rounds/{Round}/units", new StringContent("{}", Encoding.UTF8, "application/json"));
        var notJson = await client.PostAsync($"/api/rounds/{Round}/units", new StringContent("{unit:", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rounds/{Round}/close", null)).StatusCode);
        var closed = await client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon });

        await AssertProblemAsync(unknownUnit, HttpStatusCode.NotFound, "Không có đơn vị mã “51.999” trong danh mục");
        await AssertProblemAsync(unknownRound, HttpStatusCode.NotFound, "Không có đợt báo cáo mã “1999-Q1”");
        await AssertProblemAsync(noUnit, HttpStatusCode.BadRequest, "Chưa nhập mã đơn vị");
        await AssertProblemAsync(notJson, HttpStatusCode.BadRequest, "không phải JSON hợp lệ");
        await AssertProblemAsync(closed, HttpStatusCode.Conflict, "đã đóng nên không bổ sung được đơn vị");
        Assert.DoesNotContain((await app.GetJsonAsync("/api/audit?limit=50")).EnumerateArray(), e => e.GetProperty("action").GetString() == "round.add-unit");
    }

    [Fact]
    public async Task DepartmentCannotAddAUnitToARound()
    {
        using var app = ReportHubApp.ReferenceOnly();

        var response = await app.ClientFor(Roles.Department, BinhSon).PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var units = await app.GetJsonAsync($"/api/rounds/{Round}/units");
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == BinhSon);
    }

    [Fact]
    public async Task BrowserSessionAddsAUnitOnlyWithItsAntiforgeryToken()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var withoutToken = await analyst.Client.PostAsJsonAsync($"/api/rounds/{Round}/units", new { unit = BinhSon });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{Round}/units") { Content = JsonContent.Create(new { unit = BinhSon }) };
        request.Headers.Add("X-CSRF-TOKEN", await analyst.TokenAsync($"/rounds/{Round}"));
        var withToken = await analyst.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var entry = Assert.Single((await app.GetJsonAsync("/api/audit?limit=20")).EnumerateArray(), e => e.GetProperty("action").GetString() == "round.add-unit");
        Assert.Equal("user:phantich", entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task AnalystAddsAUnitFromTheRoundPage()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var saved = await analyst.PostFormAsync($"/rounds/{Round}", new Dictionary<string, string> { ["unit"] = BinhSon }, $"/rounds/{Round}?handler=AddUnit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await analyst.FollowAsync(saved.Headers.Location!.OriginalString);
        // The notice waits for the next page shown, so the refused post comes after the page that shows it.
        var unknown = await analyst.PostFormAsync($"/rounds/{Round}", new Dictionary<string, string> { ["unit"] = "51.999" }, $"/rounds/{Round}?handler=AddUnit");
        Assert.Contains("Đã bổ sung Huyện Bình Sơn (51.524) vào đợt 2025-Q3", page.Html, StringComparison.Ordinal);
        Assert.Contains(BinhSon, (await app.GetJsonAsync($"/api/rounds/{Round}/units")).EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không có đơn vị mã “51.999” trong danh mục", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertNothingCountedAsync(ReportHubApp app)
    {
        var totals = await app.TotalsAsync(Round);
        Assert.Equal(0, totals.GetProperty("unitsReported").GetInt32());
        var units = await app.GetJsonAsync($"/api/rounds/{Round}/units");
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("unit").GetString() == BinhSon);
        Assert.All(units.EnumerateArray(), u => Assert.Equal(JsonValueKind.Null, u.GetProperty("submissionId").ValueKind));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
