using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Warehouses;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// Registration reads a definition with the code that later loads it, and refuses what cannot be held; a definition
/// that got into the warehouse anyway is isolated: listed as broken, never tried for files, and its round's exports
/// answer a problem. Over the API and the CLI, on SQLite or PostgreSQL (REPORTHUB_TEST_WAREHOUSE).
/// </summary>
public sealed class HostileDefinitionTests
{
    private const string RoundCode = "2025-DVC-T";

    public static TheoryData<string> Names => HostileDefinitions.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HostileDefinitionIsRefusedByTheApiWithItsPath(string name)
    {
        var (json, path) = HostileDefinitions.Cases[name];
        using var app = new ReportHubApp(quiet: true);
        var client = app.CreateClient();

        var response = await client.PostAsync("/api/templates", new StringContent(json(), Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var errors = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.True(errors.ContainsKey(path), $"{name}: expected {path}, got {string.Join(" | ", errors)}");
        Assert.True(HostileDefinitions.IsVietnamese(errors[path]), errors[path]);
        var listed = await app.GetJsonAsync("/api/templates");
        Assert.DoesNotContain(listed.EnumerateArray(), t => t.GetProperty("id").GetString()!.StartsWith(TemplateSamples.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryFaultOfOneDefinitionIsReportedInOnePass()
    {
        using var app = new ReportHubApp(quiet: true);
        var definition = TemplateSamples.Services();
        definition["indicators"]![0]!["factor"] = 0.5m * 10_000_000;
        definition["rules"]![3]!["daysAfterReport"] = 99_999;
        definition["sections"]![0]!["heading"] = new string('a', 501);

        var response = await app.CreateClient().PostAsync("/api/templates", new StringContent(definition.Json(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var paths = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.indicators[0].factor", paths);
        Assert.Contains("$.rules[3].daysAfterReport", paths);
        Assert.Contains("$.sections[0].heading", paths);
    }

    [Fact]
    public async Task BrokenStoredTemplateIsListedAndIsolatedAndItsRoundAnswersAProblem()
    {
        using var first = ReportHubApp.ReferenceOnly(quiet: true);
        await RegisterAndOpenRoundAsync(first.CreateClient());
        var broken = HostileDefinitions.Cases["factorBeyondDecimal"].Json();
        await TemplateRows.ReplaceDefinitionAsync(first.Provider, first.ConnectionString, TemplateSamples.Id, 1, broken);

        // A fresh process, as after a restart: nothing of the definition is cached.
        using var app = new ReportHubApp(loadSamples: false, connectionString: first.ConnectionString, provider: first.Provider, quiet: true);
        var client = app.CreateClient();

        var listed = Assert.Single((await app.GetJsonAsync("/api/templates")).EnumerateArray(), t => t.GetProperty("id").GetString() == TemplateSamples.Id);
        Assert.True(listed.GetProperty("broken").GetBoolean());
        var reason = listed.GetProperty("reason").GetString()!;
        Assert.Contains("$.indicators[0].factor", reason);
        Assert.True(HostileDefinitions.IsVietnamese(reason), reason);
        var covid = Assert.Single((await app.GetJsonAsync("/api/templates")).EnumerateArray(), t => t.GetProperty("id").GetString() == "covid-tech-2021");
        Assert.False(covid.GetProperty("broken").GetBoolean());

        // A file with no round given is read with the other templates, and stored.
        var upload = await app.UploadAsync(ReportBuilder.Seed().ToXlsx(), "seed.xlsx");
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());

        foreach (var url in (string[])[$"/api/rounds/{RoundCode}/totals", $"/api/rounds/{RoundCode}/consolidated.xlsx", $"/api/rounds/{RoundCode}/consolidated.csv",
            $"/api/units/51.STP/template.xlsx?round={RoundCode}", $"/api/units/51.STP/template.docx?round={RoundCode}"])
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var detail = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("detail").GetString()!;
            Assert.Contains(TemplateSamples.Id, detail);
            Assert.True(HostileDefinitions.IsVietnamese(detail), detail);
        }

        var page = await client.GetAsync("/templates");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hỏng:", await page.Content.ReadAsStringAsync());

        // The other rounds and the lists of rounds are untouched by it.
        foreach (var url in (string[])["/api/rounds", "/api/rounds/2021-10/totals", "/rounds", "/"])
        {
            var other = await client.GetAsync(url);
            Assert.True(other.StatusCode == HttpStatusCode.OK, $"{url}: {(int)other.StatusCode} {await other.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task ShippedTemplateStoredWithDuplicateKeysDoesNotStopStartup()
    {
        using var first = ReportHubApp.ReferenceOnly(quiet: true);
        var stored = (await first.GetJsonAsync("/api/templates/covid-tech-2021")).GetRawText();
        var duplicated = "{\"title\":\"X\"," + stored[1..];
        await TemplateRows.ReplaceDefinitionAsync(first.Provider, first.ConnectionString, "covid-tech-2021", 1, duplicated);

        using var app = new ReportHubApp(loadSamples: true, connectionString: first.ConnectionString, provider: first.Provider, quiet: true);

        var covid = Assert.Single((await app.GetJsonAsync("/api/templates")).EnumerateArray(), t => t.GetProperty("id").GetString() == "covid-tech-2021");
        Assert.True(covid.GetProperty("broken").GetBoolean());
        Assert.Contains("$.title", covid.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CliRefusesEachHostileDefinitionWithItsPathAndNeverCrashes()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        foreach (var (name, (json, path)) in HostileDefinitions.Cases)
        {
            var file = cli.Write($"{name}.json", Encoding.UTF8.GetBytes(json()));

            var run = await cli.RunProcessAsync("templates", "add", file, "--json");

            Assert.True(run.ExitCode == 1, $"{name}: {run}");
            Assert.Contains($"{path}: ", run.Err);
            var result = run.JsonLines.Single();
            Assert.Equal("refused", result.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task CliListsABrokenStoredTemplateAndStillIngestsOtherFiles()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var add = await cli.RunProcessAsync("templates", "add", cli.Write("dvc.json", Encoding.UTF8.GetBytes(TemplateSamples.Services().Json())));
        Assert.True(add.ExitCode == 0, add.ToString());
        var round = await cli.RunProcessAsync("rounds", "create", "--code", RoundCode, "--template", TemplateSamples.Id, "--title", "Dịch vụ công thử",
            "--request-document", "1/SKHCN", "--request-date", "2025-10-01", "--deadline", "2025-10-20", "--units", "51.STP");
        Assert.True(round.ExitCode == 0, round.ToString());
        await TemplateRows.ReplaceDefinitionAsync(cli.Provider, cli.ConnectionString, TemplateSamples.Id, 1, HostileDefinitions.Cases["impossibleDate"].Json());

        var list = await cli.RunProcessAsync("templates", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        var listed = Assert.Single(list.JsonLines.Single().EnumerateArray(), t => t.GetProperty("id").GetString() == TemplateSamples.Id);
        Assert.True(listed.GetProperty("broken").GetBoolean());
        Assert.Contains("$.rules[3].from", listed.GetProperty("reason").GetString());

        var (exit, results) = await cli.IngestAsync([cli.Write("seed.xlsx", ReportBuilder.Seed().ToXlsx())]);
        Assert.True(exit == 0, string.Join("\n", results));
        Assert.Equal("accepted", Assert.Single(results).GetProperty("status").GetString());

        // A file sent to the broken template's round waits, recorded as rejected; the file after it is still read.
        var toBroken = cli.Write("stp.xlsx", ReportBuilder.Seed().ToXlsx());
        var batch = await cli.RunProcessAsync("ingest", toBroken, "--round", RoundCode, "--unit", "51.STP", "--json");
        Assert.True(batch.ExitCode == 1, batch.ToString());
        var refused = Assert.Single(batch.JsonLines);
        Assert.Equal("rejected", refused.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, refused.GetProperty("submissionId").ValueKind);
        var issue = Assert.Single(refused.GetProperty("issues").EnumerateArray());
        Assert.Equal("template.broken", issue.GetProperty("code").GetString());
        Assert.Contains("Hãy đăng ký phiên bản mới", issue.GetProperty("message").GetString());

        var totals = await cli.RunProcessAsync("totals", "--round", RoundCode);
        Assert.True(totals.ExitCode == 2, totals.ToString());
        Assert.Contains(TemplateSamples.Id, totals.Err);
        Assert.Contains("Hãy đăng ký phiên bản mới", totals.Err);
    }

    private static async Task RegisterAndOpenRoundAsync(HttpClient client)
    {
        var registered = await client.PostAsync("/api/templates", new StringContent(TemplateSamples.Services().Json(), Encoding.UTF8, "application/json"));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var round = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = "Báo cáo dịch vụ công trực tuyến (thử)",
            template = TemplateSamples.Id,
            requestDocument = "1/SKHCN",
            requestDate = "2025-10-01",
            deadline = "2025-10-20",
            expected = new { units = new[] { "51.STP" } },
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
    }
}
