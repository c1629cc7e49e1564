using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Unicode;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>
/// Dates a round cannot hold, titles made of characters no text may carry and bodies too big to list are refused in
/// Vietnamese over HTTP and the pages, never with a 500, on the warehouse the suite runs on.
/// </summary>
public sealed class RoundLimitsApiTests
{
    private const string Title = "Báo cáo ứng dụng công nghệ quý IV năm 2021";

    private static object Body(string code, string title = Title, string requestDate = "2021-11-01", string deadline = "2021-11-10", object? expected = null) => new
    {
        code,
        title,
        template = "covid-tech-2021",
        requestDocument = $"15{code.Length}/STTTT-{code}",
        requestDate,
        deadline,
        expected = expected ?? new { types = new[] { "department" }, parents = new[] { "51" } },
    };

    [Theory]
    [InlineData("2021-11-01", "9999-12-31", "deadline", "Hạn nộp báo cáo 31/12/9999 phải nằm trong khoảng 2000–2100")]
    [InlineData("2021-11-01", "0001-01-01", "deadline", "Hạn nộp báo cáo 01/01/0001 phải nằm trong khoảng 2000–2100")]
    [InlineData("0001-01-01", "2021-11-10", "requestDate", "Ngày công văn yêu cầu báo cáo 01/01/0001 phải nằm trong khoảng 2000–2100")]
    [InlineData("9999-12-31", "9999-12-31", "requestDate", "Ngày công văn yêu cầu báo cáo 31/12/9999 phải nằm trong khoảng 2000–2100")]
    [InlineData("1999-12-31", "2101-01-01", "requestDate", "phải nằm trong khoảng 2000–2100")]
    public async Task DateOutsideTheYears2000To2100IsRefusedForThatReason(string requestDate, string deadline, string field, string message)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/rounds", Body("2021-X", requestDate: requestDate, deadline: deadline));

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal));
        // The units are not judged against a date that is itself wrong.
        Assert.DoesNotContain(errors, e => e.GetProperty("message").GetString()!.Contains("không còn hoạt động", StringComparison.Ordinal));
        Assert.DoesNotContain((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-X");
    }

    [Fact]
    public async Task ARoundStoredWithTheCalendarsLastDeadlineStillAnswersEverywhere()
    {
        using var app = new ReportHubApp(loadSamples: true);
        Assert.Equal(14, (await app.GetJsonAsync("/api/rounds/2021-10/totals")).GetProperty("unitsReported").GetInt32());
        // What a release before the 2000–2100 bound could store; nothing now creates it.
        Assert.Equal(1, await ReportHub.Testing.Warehouses.WarehouseRows.ExecuteAsync(app, "UPDATE rounds SET deadline = '9999-12-31' WHERE code = '2021-10'"));
        var client = app.CreateClient();

        var totals = await app.GetJsonAsync("/api/rounds/2021-10/totals");

        Assert.Equal(0, totals.GetProperty("unitsLate").GetInt32());
        Assert.Equal(totals.GetProperty("unitsReported").GetInt32(), totals.GetProperty("unitsOnTime").GetInt32());
        foreach (var path in (string[])["/api/rounds/2021-10/units", "/api/rounds/2021-10/consolidated.xlsx", "/api/rounds/2021-10/consolidated.csv", "/rounds", "/rounds/2021-10"])
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EditToAFarDeadlineOrAHostileTitleIsRefusedAndTheRoundKeepsItsValues()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var before = await app.GetJsonAsync("/api/rounds/2021-10");

        var far = await client.PutAsJsonAsync("/api/rounds/2021-10", new { deadline = "9999-12-31" });
        var empty = await client.PutAsJsonAsync("/api/rounds/2021-10", new { title = "\u0000\uFFFE" });

        var problem = await ReportHubApp.ReadJsonAsync(far);
        Assert.True(far.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        Assert.Contains("Hạn nộp báo cáo 31/12/9999 phải nằm trong khoảng 2000–2100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var after = await app.GetJsonAsync("/api/rounds/2021-10");
        Assert.Equal(before.GetProperty("deadline").GetString(), after.GetProperty("deadline").GetString());
        Assert.Equal(before.GetProperty("title").GetString(), after.GetProperty("title").GetString());
    }

    [Fact]
    public async Task LastDayOfTheRangeIsAcceptedAndTheRoundAnswers()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/rounds", Body("2000-2100", deadline: "31/12/2100", expected: new { units = new[] { "51.SCT" } }));

        var round = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, round.ToString());
        Assert.Equal("2100-12-31", round.GetProperty("deadline").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2000-2100/totals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2000-2100/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2000-2100/consolidated.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2000-2100/consolidated.csv")).StatusCode);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\uFFFE")]
    [InlineData("\u0000\uFFFF\u202E \uFDD0")]
    public async Task TitleOfNothingButHostileCharactersIsRefusedAsMissing(string title)
    {
        using var app = ReportHubApp.ReferenceOnly();

        var response = await app.CreateClient().PostAsJsonAsync("/api/rounds", Body("2021-T", title));

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("title", error.GetProperty("field").GetString());
        Assert.StartsWith("Chưa nhập tên đợt", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(HostileText.Controls))]
    [InlineData(nameof(HostileText.Noncharacters))]
    [InlineData(nameof(HostileText.BidiControls))]
    public async Task HostileCharactersInTitleAndRequestAreDroppedBeforeTheRoundIsStored(string group)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var hostile = HostileText.Group(group);

        var response = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = "2021-H",
            title = HostileText.Sprinkle(Title, hostile),
            template = "covid-tech-2021",
            requestDocument = HostileText.Sprinkle("1550/STTTT-BCVT&CNTT", hostile),
            requestDate = "2021-11-01",
            deadline = "2021-11-10",
            expected = new { units = new[] { HostileText.Sprinkle("51.SCT", hostile), "51.sct", " 51.SCT " } },
        });

        var round = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, round.ToString());
        Assert.True(HostileText.IsFree(round.GetProperty("title").GetString()!), round.ToString());
        Assert.True(HostileText.IsFree(round.GetProperty("requestDocument").GetString()!), round.ToString());
        Assert.Equal(1, round.GetProperty("unitsExpected").GetInt32());
        var listed = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-H");
        Assert.Equal(round.GetProperty("title").GetString(), listed.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2021-H/consolidated.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/units/51.SCT/template.docx?round=2021-H")).StatusCode);
    }

    [Fact]
    public async Task LoneSurrogateEscapedInTheJsonBodyIsRefusedAsInvalidJson()
    {
        using var app = ReportHubApp.ReferenceOnly();
        const string json = """
            {"code": "2021-S", "title": "B\u00e1o c\u00e1o \ud800qu\u00fd IV\udfff", "template": "covid-tech-2021",
             "requestDocument": "1559/STTTT-BCVT", "requestDate": "2021-11-01", "deadline": "2021-11-10", "expected": {"units": ["51.SCT"]}}
            """;

        var response = await app.CreateClient().PostAsync("/api/rounds", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        // System.Text.Json will not read a lone surrogate into a string: the body is refused before the round is planned.
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
        Assert.Contains("không phải JSON hợp lệ ($.title", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixThousandUnknownUnitsAnswerABoundedProblem()
    {
        using var app = ReportHubApp.ReferenceOnly();
        // Short codes, so the body stays under the API's 64 KB limit and reaches the planner.
        var units = Enumerable.Range(1, 6_000).Select(i => $"X{i}").ToArray();

        var response = await app.CreateClient().PostAsJsonAsync("/api/rounds", Body("2021-U", expected: new { units }));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.True(text.Length < 4_000, $"{text.Length} characters");
        var error = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("expected.units", error.GetProperty("field").GetString());
        Assert.Contains("6.000 mã khác nhau, quá giới hạn 2.000 đơn vị", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyUnknownUnitsListTwentyAndCountTheRest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var units = Enumerable.Range(1, 1_500).Select(i => $"99.X{i:D5}").ToArray();

        var response = await app.CreateClient().PostAsJsonAsync("/api/rounds", Body("2021-V", expected: new { units }));

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(21, errors.Count);
        Assert.Contains("“99.X00001”", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("và 1.480 lỗi khác", errors[^1].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundsPageRefusesAFarDeadlineAndStillOpens()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var refused = await analyst.PostFormAsync("/rounds", new Dictionary<string, string>
        {
            ["Code"] = "2030-T9",
            ["Title"] = "Báo cáo tháng\uFFFE 9",
            ["Template"] = "covid-tech-2021",
            ["RequestDocument"] = "4329/SKHCN-CĐS",
            ["RequestDate"] = "2030-01-05",
            ["Deadline"] = "9999-12-31",
            ["Types"] = "department",
        }, "/rounds?handler=Create");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("phải nằm trong khoảng 2000–2100", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await analyst.FollowAsync("/rounds")).Status);
    }
}
