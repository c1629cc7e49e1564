using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Scale.Tests.Support;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Work;

namespace ReportHub.Scale.Tests.Workers;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthReportsTheWarehouseTheQueueAndEachSourcesLastSuccess()
    {
        var folder = RepoPaths.NewTempFolder("rh-health");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "inbox", "2021-10"));
            File.WriteAllBytes(Path.Combine(folder, "inbox", "a.xlsx"), [1]);
            File.WriteAllBytes(Path.Combine(folder, "inbox", "2021-10", "b.csv"), [2]);
            const string url = "http://127.0.0.1:9/syt.xlsx";
            await using var app = new ReportHubApp(provider: "Sqlite", connectionString: $"Data Source={Path.Combine(folder, "rh.db")}",
                settings: new Dictionary<string, string>
                {
                    ["Ingest:Inbox"] = Path.Combine(folder, "inbox"),
                    ["Ingest:HttpSources:0:Url"] = url,
                    ["Ingest:HttpSources:0:Unit"] = "51.SYT",
                    ["Ingest:HttpSources:1:Url"] = url + "-never-polled",
                });
            using var client = app.CreateClient();
            var states = app.Services.GetRequiredService<SourceStateStore>();
            await states.EnsureAsync(url, "51.SYT", "2021-10", CancellationToken.None);
            var at = new DateTimeOffset(2021, 10, 28, 2, 0, 0, TimeSpan.Zero);
            await states.RecordAsync(url, new SourcePollRecord { Success = true, Outcome = "accepted", Etag = "\"x\"", ContentSha256 = "ab", SubmissionId = 1 }, at, CancellationToken.None);
            await states.RecordAsync(url, new SourcePollRecord { Success = false, Outcome = SourceOutcomes.Failed, Error = "HTTP 503" }, at.AddMinutes(5), CancellationToken.None);

            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("ok", health.GetProperty("status").GetString());
            Assert.Equal(2, health.GetProperty("queue").GetInt32());
            Assert.Equal(0, health.GetProperty("inProgress").GetInt32());
            var sources = health.GetProperty("sources").EnumerateArray().ToList();
            Assert.Equal(2, sources.Count);
            Assert.Equal(url, sources[0].GetProperty("url").GetString());
            Assert.Equal("2021-10-28T02:00:00.0000000Z", sources[0].GetProperty("lastSuccessAt").GetString());
            Assert.Equal("failed", sources[0].GetProperty("lastOutcome").GetString());
            Assert.Equal("HTTP 503", sources[0].GetProperty("lastError").GetString());
            Assert.Equal(JsonValueKind.Null, sources[1].GetProperty("lastSuccessAt").ValueKind);
            _ = app.Services.GetRequiredService<Db>();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            RepoPaths.TryDelete(folder);
        }
    }
}
