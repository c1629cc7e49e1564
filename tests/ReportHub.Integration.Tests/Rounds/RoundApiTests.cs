using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Core.Text;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

public sealed class RoundApiTests
{
    private static object NewRound(string code = "2021-Q4", string deadline = "2021-11-10", object? expected = null) => new
    {
        code,
        title = "Báo cáo ứng dụng công nghệ phòng, chống dịch Covid-19 quý IV năm 2021",
        template = "covid-tech-2021",
        requestDocument = "1550/STTTT-BCVT&CNTT",
        requestDate = "2021-11-01",
        deadline,
        expected = expected ?? new { types = new[] { "department" }, parents = new[] { "51" } },
    };

    [Fact]
    public async Task AnalystCreatesClosesAndReopensRoundOverHttp()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var created = await client.PostAsJsonAsync("/api/rounds", NewRound());

        var body = await ReportHubApp.ReadJsonAsync(created);
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("/api/rounds/2021-Q4", created.Headers.Location?.OriginalString);
        Assert.Equal("covid-tech-2021", body.GetProperty("template").GetString());
        Assert.False(body.GetProperty("closed").GetBoolean());
        Assert.Equal(Registry.ActiveDepartments(new DateOnly(2021, 11, 1)).Count, body.GetProperty("unitsExpected").GetInt32());
        var listed = Assert.Single((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-Q4");
        foreach (var field in new[] { "code", "title", "requestDocument", "requestDate", "deadline", "unitsExpected", "template", "closed" })
        {
            Assert.True(listed.TryGetProperty(field, out _), field);
        }
        var units = await app.GetJsonAsync("/api/rounds/2021-Q4/units");
        Assert.Equal(Registry.ActiveDepartments(new DateOnly(2021, 11, 1)), units.EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));

        var report = new ReportBuilder { Request = null }.ToXlsx();
        var close = await client.PostAsync("/api/rounds/2021-Q4/close", null);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.True((await ReportHubApp.ReadJsonAsync(close)).GetProperty("closed").GetBoolean());

        var refused = await app.UploadAsync(report, "sct.xlsx", "round=2021-Q4");
        var problem = await ReportHubApp.ReadJsonAsync(refused);
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "round.closed");
        Assert.Contains("Đợt báo cáo 2021-Q4 đã đóng nên không nhận thêm báo cáo", issue.GetProperty("message").GetString(), StringComparison.Ordinal);

        var reopen = await client.PostAsync("/api/rounds/2021-Q4/reopen", null);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.False((await ReportHubApp.ReadJsonAsync(reopen)).GetProperty("closed").GetBoolean());
        var accepted = await app.UploadAsync(report, "sct.xlsx", "round=2021-Q4");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var totals = await app.TotalsAsync("2021-Q4");
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
    }

    [Fact]
    public async Task UnknownRoundCannotBeClosedOrReopened()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var close = await client.PostAsync("/api/rounds/1999-01/close", null);
        var reopen = await client.PostAsync("/api/rounds/1999-01/reopen", null);

        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reopen.StatusCode);
        Assert.Contains("1999-01", (await ReportHubApp.ReadJsonAsync(close)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateRoundIsConflictAndInvalidRoundIsUnprocessable()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/rounds", NewRound())).StatusCode);

        var duplicate = await client.PostAsJsonAsync("/api/rounds", NewRound());
        var invalid = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = "2021-12",
            title = "",
            template = "khong-co",
            requestDocument = "công văn",
            requestDate = "2021-12-10",
            deadline = "2021-12-01",
            expected = new { types = new[] { "ward" }, parents = new[] { "99" }, units = new[] { "51.XYZ" } },
        });
        var malformed = await client.PostAsync("/api/rounds", new StringContent("{\"code\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("Đã có đợt báo cáo mã “2021-Q4”", (await ReportHubApp.ReadJsonAsync(duplicate)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var problem = await ReportHubApp.ReadJsonAsync(invalid);
        Assert.True(invalid.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["title", "template", "requestDocument", "deadline", "expected.types", "expected.parents", "expected.units"], fields);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.Equal(e.GetProperty("message").GetString()!.Normalize(), e.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("JSON", (await ReportHubApp.ReadJsonAsync(malformed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-12");
    }

    [Fact]
    public async Task SampleRound2025Q3ExpectsTheDepartmentsAfterTheMergers()
    {
        using var app = ReportHubApp.ReferenceOnly();

        var rounds = await app.GetJsonAsync("/api/rounds");
        var units = await app.GetJsonAsync("/api/rounds/2025-Q3/units");

        var round = Assert.Single(rounds.EnumerateArray(), r => r.GetProperty("code").GetString() == "2025-Q3");
        Assert.Equal("dvc-online-2025", round.GetProperty("template").GetString());
        Assert.Equal("1234/SKHCN-CĐS", round.GetProperty("requestDocument").GetString());
        Assert.True(Citations.TryParse(round.GetProperty("requestDocument").GetString(), out var citation));
        Assert.Equal(("1234", "SKHCN-CĐS"), (citation.Number, citation.Symbol));
        var expected = Registry.ActiveDepartments(new DateOnly(2025, 10, 1));
        var codes = units.EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, codes);
        Assert.Equal(expected.Count, round.GetProperty("unitsExpected").GetInt32());
        Assert.Contains("51.SKHCN", codes);
        Assert.Contains("51.SNNMT", codes);
        Assert.DoesNotContain("51.STTTT", codes);
        Assert.DoesNotContain("51.SKHDT", codes);
        Assert.DoesNotContain("45.SCT", codes);
        var r2021 = Assert.Single(rounds.EnumerateArray(), r => r.GetProperty("code").GetString() == "2021-10");
        Assert.Equal("covid-tech-2021", r2021.GetProperty("template").GetString());
    }

    [Fact]
    public async Task RoundClosedOverHttpStaysClosedAfterRestart()
    {
        var folder = RepoPaths.NewTempFolder("rh-restart");
        var connection = Warehouses.ConnectionString(folder);
        var samples = RepoPaths.CopyReference(folder);
        using (var first = new ReportHubApp(loadSamples: true, samplesPath: samples, connectionString: connection))
        {
            var client = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/rounds/2021-10/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/rounds", NewRound())).StatusCode);
        }

        using var second = new ReportHubApp(loadSamples: true, samplesPath: samples, connectionString: connection);
        var rounds = (await second.GetJsonAsync("/api/rounds")).EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);

        Assert.True(rounds["2021-10"].GetProperty("closed").GetBoolean());
        Assert.True(rounds.ContainsKey("2021-Q4"));
        Assert.Equal(JsonValueKind.String, rounds["2021-Q4"].GetProperty("createdAt").ValueKind);
        var refused = await second.UploadAsync(ReportBuilder.Seed().ToXlsx(), "seed.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
