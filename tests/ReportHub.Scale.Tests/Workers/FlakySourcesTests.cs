using Dapper;
using Microsoft.Data.Sqlite;
using ReportHub.Scale.Tests.Support;
using ReportHub.Scale.Tests.Workers.Support;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Workers;

/// <summary>Acceptance: department sources that answer 503 twice per file are pulled once each by <c>watch --drain</c>.</summary>
[Collection(WorkerCollection.Name)]
public sealed class FlakySourcesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DrainPullsEveryFlakySourceOnceAndASecondDrainFetchesNothingNew()
    {
        var folder = RepoPaths.NewTempFolder("rh-sources");
        try
        {
            var units = ReportFiles.ExpectedUnits().Where(u => !u.Code.Contains(".5", StringComparison.Ordinal)).Take(5).ToList();
            var reports = units.Select((u, i) => ReportFiles.Write(u.Code, u.Name, qrRows: 50, directives: 2, seed: 100 + i)).ToList();
            using var server = new FlakyDepartmentServer(reports.ToDictionary(r => r.FileName, r => r.Content));
            var db = Path.Combine(folder, "rh.db");
            List<string> config =
            [
                $"--Warehouse:ConnectionString=Data Source={db}",
                $"--Samples:Path={RepoPaths.Samples}",
                $"--Ingest:Inbox={Path.Combine(folder, "inbox")}",
                $"--Ingest:Archive={Path.Combine(folder, "archive")}",
                $"--Ingest:Quarantine={Path.Combine(folder, "quarantine")}",
                "--Ingest:PollSeconds=1",
                "--Resilience:Http:BaseDelayMs=50",
                "--Resilience:Http:MaxDelayMs=200",
                "--Resilience:Http:TimeoutSeconds=10",
            ];
            for (var i = 0; i < reports.Count; i++)
            {
                config.Add($"--Ingest:HttpSources:{i}:Url={server.Url(reports[i].FileName)}");
                config.Add($"--Ingest:HttpSources:{i}:Unit={reports[i].Unit}");
                config.Add($"--Ingest:HttpSources:{i}:Round={ReportFiles.Round}");
            }
            var init = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(1), ["init", .. config]);
            Assert.True(init.Code == 0, init.Err);

            var first = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(2), ["watch", "--drain", .. config]);
            output.WriteLine(WorkerProcess.Tail(first.Err));
            Assert.True(first.Code == 0, first.Err);
            Assert.Contains("retry 1/", first.Err, StringComparison.Ordinal);

            await using var connection = new SqliteConnection($"Data Source={db}");
            var rows = (await connection.QueryAsync<(string Unit, string Outcome, string Source, long QrScans)>(
                "SELECT s.unit_code, s.outcome, s.source, COALESCE(CAST((SELECT f.value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'qrScans') AS bigint), 0) FROM submissions s")).ToList();
            Assert.Equal(reports.Count, rows.Count);
            Assert.All(rows, r => Assert.Equal(("accepted", "http"), (r.Outcome, r.Source)));
            Assert.Equal(reports.Select(r => r.Unit).Order(), rows.Select(r => r.Unit).Order());
            Assert.Equal(reports.Sum(r => r.QrScans), rows.Sum(r => r.QrScans));
            foreach (var r in reports)
            {
                var answers = server.Answers[r.FileName].ToArray();
                Assert.Equal([503, 503, 200, 304], answers);
            }
            var states = (await connection.QueryAsync<(string Outcome, string? Success, string? Etag)>(
                "SELECT last_outcome, last_success_at, etag FROM source_state")).ToList();
            Assert.Equal(reports.Count, states.Count);
            Assert.All(states, s => Assert.True(s.Outcome == "not-modified" && s.Success is not null && s.Etag is not null, s.ToString()));

            var second = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(2), ["watch", "--drain", .. config]);
            Assert.True(second.Code == 0, second.Err);
            Assert.Equal(reports.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions"));
            foreach (var r in reports)
            {
                Assert.Equal([503, 503, 200, 304, 304], server.Answers[r.FileName].ToArray());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            RepoPaths.TryDelete(folder);
        }
    }
}
