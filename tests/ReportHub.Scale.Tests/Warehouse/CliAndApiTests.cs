using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ReportHub.Scale.Tests.Support;
using ReportHub.Warehouse.Connections;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>The real CLI (init, ingest, totals) on every provider gives what it gives on SQLite.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliProviderTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Warehouses.ServerProviders), MemberType = typeof(Warehouses))]
    public async Task InitIngestAndTotalsMatchSqlite(string provider)
    {
        var sqlite = await RunCliAsync(WarehouseProvider.Sqlite);
        var server = await RunCliAsync(Enum.Parse<WarehouseProvider>(provider));
        output.WriteLine($"Sqlite totals: {sqlite.Totals}");
        output.WriteLine($"{provider} totals: {server.Totals}");

        Assert.Equal(sqlite.Ingest, server.Ingest);
        Assert.Equal(sqlite.Totals, server.Totals);
        using var totals = JsonDocument.Parse(server.Totals);
        Assert.Equal("2021-10", totals.RootElement.GetProperty("round").GetString());
        Assert.Equal(51, totals.RootElement.GetProperty("directives").GetInt64());
        Assert.Equal(5840, totals.RootElement.GetProperty("qrCodes").GetInt64());
        Assert.Equal(711091, totals.RootElement.GetProperty("qrScans").GetInt64());
        Assert.Equal(14, totals.RootElement.GetProperty("unitsReported").GetInt32());
    }

    private sealed record ProviderRun(IReadOnlyList<string> Ingest, string Totals);

    private static async Task<ProviderRun> RunCliAsync(WarehouseProvider provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        using var cli = new CliWorkspace(provider: provider.ToString(), connectionString: wh.ConnectionString);
        var run = await cli.RunAsync("init");
        Assert.True(run.ExitCode == 0, $"init on {provider}: {run}");
        run = await cli.RunAsync("init");
        Assert.True(run.ExitCode == 0, $"second init on {provider}: {run}");

        var ingest = await cli.RunAsync("ingest", RepoPaths.SampleReports, "--json");
        Assert.True(ingest.ExitCode is 0 or 1, $"ingest on {provider}: {ingest}");
        var lines = ingest.Lines;
        Assert.True(lines.Count >= 15, $"ingest on {provider} printed {lines.Count} lines: {ingest}");
        // Received times differ between runs; everything else of each line must match.
        var normalized = lines.Select(l => JsonDocument.Parse(l).RootElement.GetRawText()).ToList();

        var totals = await cli.RunAsync("totals", "--round", "2021-10", "--json");
        Assert.True(totals.ExitCode == 0, $"totals on {provider}: {totals}");
        return new ProviderRun(normalized, totals.Out.Trim());
    }
}

/// <summary>The real API over every provider: the Development start loads the samples, and uploads behave the same.</summary>
public sealed class ApiProviderTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Warehouses.ServerProviders), MemberType = typeof(Warehouses))]
    public async Task TotalsAndADuplicateUploadMatchSqlite(string provider)
    {
        var sqlite = await RunApiAsync(WarehouseProvider.Sqlite);
        var server = await RunApiAsync(Enum.Parse<WarehouseProvider>(provider));
        output.WriteLine($"Sqlite: {sqlite.Totals}");
        output.WriteLine($"{provider}: {server.Totals}");
        Assert.Equal(sqlite.Totals, server.Totals);
        Assert.Equal(sqlite.Units, server.Units);
        using var totals = JsonDocument.Parse(server.Totals);
        Assert.Equal(14, totals.RootElement.GetProperty("unitsOnTime").GetInt32());
        Assert.Equal(5840, totals.RootElement.GetProperty("qrCodes").GetInt64());
        Assert.Equal(711091, totals.RootElement.GetProperty("qrScans").GetInt64());
    }

    private sealed record ApiRun(string Totals, string Units);

    private static async Task<ApiRun> RunApiAsync(WarehouseProvider provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        await using var app = new ReportHubApp(loadSamples: true, environment: "Development", connectionString: wh.ConnectionString,
            provider: provider.ToString());
        var client = app.CreateClient();
        var health = await client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, $"/health on {provider}: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}");
        var totals = await GetAsync(client, "/api/rounds/2021-10/totals");
        var units = await GetAsync(client, "/api/rounds/2021-10/units");

        var sample = Path.Combine(RepoPaths.SampleReports, "sct-2162-seed004.xlsx");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(sample));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "sct-2162-seed004.xlsx");
        var response = await client.PostAsync("/api/submissions", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST again on {provider}: {(int)response.StatusCode} {body}");
        using (var json = JsonDocument.Parse(body))
        {
            Assert.Equal("duplicate", json.RootElement.GetProperty("status").GetString());
            var id = json.RootElement.GetProperty("submissionId").GetInt64();
            var stored = await client.GetByteArrayAsync($"/api/submissions/{id}/file");
            Assert.Equal(await File.ReadAllBytesAsync(sample), stored);
        }
        Assert.Equal(totals, await GetAsync(client, "/api/rounds/2021-10/totals"));
        return new ApiRun(totals, units);
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }
}

/// <summary>SQL Server is never skipped silently: this says whether its suite ran and, when not, why.</summary>
public sealed class SqlServerStatusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SqlServerSuiteRanOrSaysWhyNot()
    {
        if (Warehouses.SqlServerNotRunReason is { } reason)
        {
            output.WriteLine($"SQL Server: not run ({reason}). Set {Warehouses.SqlServerVariable} to a connection string to run the warehouse, CLI and API suite against it.");
            Assert.DoesNotContain("SqlServer", Warehouses.Available.Select(p => p.ToString()));
            return;
        }
        // The suite is on: the provider is in every theory's data and the server answers.
        Assert.Contains("SqlServer", Warehouses.Available.Select(p => p.ToString()));
        await using var wh = await (await Warehouses.CreateAsync(WarehouseProvider.SqlServer)).MigrateAsync();
        output.WriteLine($"SQL Server: ran against {wh}");
    }

    [Fact]
    public async Task PostgresIsAlwaysInTheSuite()
    {
        Assert.Contains("Postgres", Warehouses.Available.Select(p => p.ToString()));
        var server = await PostgresServer.GetAsync();
        output.WriteLine($"PostgreSQL {server.Version} from {server.Origin}");
        Assert.False(string.IsNullOrEmpty(server.Version));
    }
}
