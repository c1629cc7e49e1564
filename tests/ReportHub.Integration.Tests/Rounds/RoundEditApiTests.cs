using System.Net;
using System.Net.Http.Json;
using System.Text;
using ReportHub.Integration.Tests.Support;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>PUT /api/rounds/{code}: analysts correct an open round; departments may not; bad input is refused in Vietnamese.</summary>
public sealed class RoundEditApiTests
{
    private static object NewRound() => new
    {
        code = "2021-Q4",
        title = "Báo cáo ứng dụng công nghệ phòng, chống dịch Covid-19 quý IV năm 2021",
        template = "covid-tech-2021",
        requestDocument = "1550/STTTT-BCVT&CNTT",
        requestDate = "2021-11-01",
        deadline = "2021-11-10",
        expected = new { types = new[] { "department" }, parents = new[] { "51" } },
    };

    [Fact]
    public async Task AnalystEditsOpenRoundAndTheListShowsIt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsJsonAsync("/api/rounds", NewRound())).StatusCode);
        using var analyst = app.ClientFor(Roles.Analyst);

        var edited = await analyst.PutAsJsonAsync("/api/rounds/2021-Q4", new
        {
            title = "Báo cáo quý IV năm 2021 (sửa tên)",
            deadline = "20/11/2021",
            expected = new { units = new[] { "51.SCT", "51.524" } },
        });

        var body = await ReportHubApp.ReadJsonAsync(edited);
        Assert.True(edited.StatusCode == HttpStatusCode.OK, body.ToString());
        var listed = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-Q4");
        Assert.Equal("Báo cáo quý IV năm 2021 (sửa tên)", listed.GetProperty("title").GetString());
        Assert.Equal("2021-11-20", listed.GetProperty("deadline").GetString());
        // Left out of the body, so kept.
        Assert.Equal("1550/STTTT-BCVT&CNTT", listed.GetProperty("requestDocument").GetString());
        Assert.Equal("2021-11-01", listed.GetProperty("requestDate").GetString());
        Assert.Equal("covid-tech-2021", listed.GetProperty("template").GetString());
        Assert.Equal(2, listed.GetProperty("unitsExpected").GetInt32());
        var units = await app.GetJsonAsync("/api/rounds/2021-Q4/units");
        Assert.Equal(["51.524", "51.SCT"], units.EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        var audit = await app.GetJsonAsync("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "round.edit" && e.GetProperty("target").GetString() == "2021-Q4");
    }

    [Fact]
    public async Task DepartmentCannotEditRound()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = app.ClientFor(Roles.Department, "51.SCT");

        var response = await department.PutAsJsonAsync("/api/rounds/2025-Q3", new { title = "Đợt do đơn vị sửa" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var round = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3");
        Assert.NotEqual("Đợt do đơn vị sửa", round.GetProperty("title").GetString());
    }

    [Fact]
    public async Task BadDateIsUnprocessableWithVietnameseMessageAndNothingChanges()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);
        var before = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3");

        var response = await analyst.PutAsJsonAsync("/api/rounds/2025-Q3", new { title = "Tên mới", deadline = "31/02/2025" });

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("deadline", error.GetProperty("field").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("“31/02/2025” không phải ngày hợp lệ cho hạn nộp báo cáo", message, StringComparison.Ordinal);
        Assert.Equal(message.Normalize(), message);
        var after = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3");
        Assert.Equal(before.GetProperty("title").GetString(), after.GetProperty("title").GetString());
        Assert.Equal(before.GetProperty("deadline").GetString(), after.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task ClosedRoundIsConflictUnknownIsNotFoundMalformedIsBadRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/rounds/2025-Q3/close", null)).StatusCode);

        var closed = await client.PutAsJsonAsync("/api/rounds/2025-Q3", new { title = "Tên mới" });
        var unknown = await client.PutAsJsonAsync("/api/rounds/1999-01", new { title = "Tên mới" });
        var malformed = await client.PutAsync("/api/rounds/2021-10", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("đã đóng nên không sửa được", (await ReportHubApp.ReadJsonAsync(closed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("JSON", (await ReportHubApp.ReadJsonAsync(malformed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestDocumentOfAnotherRoundIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = app.ClientFor(Roles.Analyst);

        var response = await analyst.PutAsJsonAsync("/api/rounds/2025-Q3", new { requestDocument = "1406/STTTT-BCVT&CNTT" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await ReportHubApp.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("requestDocument", error.GetProperty("field").GetString());
        Assert.Contains("đã mở đợt 2021-10", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
