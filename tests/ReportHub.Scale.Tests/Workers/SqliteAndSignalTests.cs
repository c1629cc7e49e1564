using Dapper;
using Microsoft.Data.Sqlite;
using ReportHub.Scale.Tests.Support;
using ReportHub.Scale.Tests.Workers.Support;
using ReportHub.Warehouse.Work;

namespace ReportHub.Scale.Tests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class SqliteAndSignalTests
{
    private static List<string> Config(string folder) =>
    [
        $"--Warehouse:ConnectionString=Data Source={Path.Combine(folder, "rh.db")}",
        $"--Samples:Path={RepoPaths.Samples}",
        $"--Ingest:Inbox={Path.Combine(folder, "inbox")}",
        $"--Ingest:Archive={Path.Combine(folder, "archive")}",
        $"--Ingest:Quarantine={Path.Combine(folder, "quarantine")}",
        "--Ingest:PollSeconds=1",
    ];

    [Fact]
    public async Task ASecondWorkerOnSQLiteSaysSoAndWaitsUntilTheFirstStops()
    {
        var folder = RepoPaths.NewTempFolder("rh-sqlite-lock");
        try
        {
            var config = Config(folder);
            Assert.Equal(0, (await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(1), ["init", .. config])).Code);
            using var first = WorkerProcess.Start("first", folder, ["watch", .. config]);
            await first.WaitForAsync("Worker running", TimeSpan.FromSeconds(60));
            using var second = WorkerProcess.Start("second", folder, ["watch", .. config]);
            await second.WaitForAsync(WorkerLock.WaitingMessage, TimeSpan.FromSeconds(60));
            Assert.DoesNotContain("Worker running", second.Err, StringComparison.Ordinal);

            // The first one works meanwhile.
            var report = ReportFiles.Write("51.SYT", "Sở Y tế tỉnh Quảng Ngãi", qrRows: 20, directives: 2, seed: 7);
            ReportFiles.Drop(Path.Combine(folder, "inbox"), report.FileName, report.Content);
            await first.WaitForAsync("(accepted)", TimeSpan.FromSeconds(60));

            first.Terminate();
            Assert.Equal(0, await first.WaitAsync(TimeSpan.FromSeconds(60)));
            await second.WaitForAsync("Worker running", TimeSpan.FromSeconds(30));
            second.Terminate();
            Assert.Equal(0, await second.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }

    [Fact]
    public async Task SIGTERMStopsABusyWorkerGracefullyAndLeavesNothingHalfWritten()
    {
        var folder = RepoPaths.NewTempFolder("rh-sigterm");
        try
        {
            var config = Config(folder);
            Assert.Equal(0, (await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(1), ["init", .. config])).Code);
            var units = ReportFiles.ExpectedUnits().Take(8).ToList();
            var reports = units.Select((u, i) => ReportFiles.Write(u.Code, u.Name, qrRows: 2500, directives: 3, seed: 300 + i)).ToList();
            foreach (var r in reports)
            {
                ReportFiles.Drop(Path.Combine(folder, "inbox"), r.FileName, r.Content);
            }
            using var worker = WorkerProcess.Start("worker", folder, ["watch", .. config]);
            await worker.WaitForAsync("(accepted)", TimeSpan.FromSeconds(90));
            worker.Terminate();
            Assert.Equal(0, await worker.WaitAsync(TimeSpan.FromSeconds(60)));

            var db = $"Data Source={Path.Combine(folder, "rh.db")};Pooling=False";
            await using (var connection = new SqliteConnection(db))
            {
                // Every stored submission has all its rows.
                var stored = (await connection.QueryAsync<(string Unit, long Rows)>(
                    "SELECT s.unit_code, (SELECT COUNT(*) FROM table_rows q WHERE q.submission_id = s.id AND q.section_key = 'qr') FROM submissions s")).ToList();
                Assert.NotEmpty(stored);
                Assert.All(stored, s => Assert.Equal(2500, s.Rows));
                var left = Directory.GetFiles(Path.Combine(folder, "inbox")).Length;
                Assert.Equal(reports.Count, stored.Count + left);
            }

            var drain = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(3), ["watch", "--drain", .. config]);
            Assert.True(drain.Code == 0, drain.Err);
            await using (var connection = new SqliteConnection(db))
            {
                Assert.Equal(reports.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE status = 'current'"));
                Assert.Equal(reports.Sum(r => r.QrScans), await connection.ExecuteScalarAsync<long>("SELECT SUM(f.value) FROM figures f JOIN submissions s ON s.id = f.submission_id WHERE s.status = 'current' AND f.measure_key = 'qrScans'"));
            }
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }
}
