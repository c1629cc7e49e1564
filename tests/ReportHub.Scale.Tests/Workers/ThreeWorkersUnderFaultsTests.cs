using System.Security.Cryptography;
using Dapper;
using Npgsql;
using ReportHub.Scale.Tests.Support;
using ReportHub.Scale.Tests.Workers.Support;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Workers;

/// <summary>
/// Acceptance: three worker processes share one inbox of a whole round on PostgreSQL. One is killed with -9 and the
/// database is restarted mid-run; a <c>watch --drain</c> finishes. Totals are exact, every file leaves the inbox, and
/// each file is recorded once (the copy under a second name as a duplicate).
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class ThreeWorkersUnderFaultsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeWorkersWithAKillAndADatabaseRestartIngestEachFileOnceWithExactTotals()
    {
        using var pg = RestartablePostgres.Start();
        var folder = RepoPaths.NewTempFolder("rh-workers");
        try
        {
            var inbox = Path.Combine(folder, "inbox");
            var archive = Path.Combine(folder, "archive");
            string[] config =
            [
                "--Warehouse:Provider=Postgres",
                $"--Warehouse:ConnectionString={pg.ConnectionString}",
                $"--Samples:Path={RepoPaths.Samples}",
                $"--Ingest:Inbox={inbox}",
                $"--Ingest:Archive={archive}",
                $"--Ingest:Quarantine={Path.Combine(folder, "quarantine")}",
                "--Ingest:PollSeconds=1",
                "--Ingest:ClaimLeaseSeconds=10",
                "--Resilience:Warehouse:MaxRetries=12",
                "--Resilience:Warehouse:BaseDelayMs=200",
                "--Resilience:Warehouse:MaxDelayMs=3000",
            ];
            var init = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(2), ["init", .. config]);
            Assert.True(init.Code == 0, init.Err);

            var units = ReportFiles.ExpectedUnits();
            var reports = units.Select((u, i) => ReportFiles.Write(u.Code, u.Name, qrRows: 2000 + (i * 37 % 900), directives: 3 + i % 5, seed: i)).ToList();
            output.WriteLine($"{reports.Count} reports, {reports.Sum(r => r.Content.Length) / 1024} KiB, {reports.Sum(r => r.Content.Length) / reports.Count / 1024} KiB each");
            foreach (var r in reports)
            {
                ReportFiles.Drop(inbox, r.FileName, r.Content);
            }
            var copied = reports[3];
            ReportFiles.Drop(inbox, "ban-sao-" + copied.FileName, copied.Content);
            var fileCount = reports.Count + 1;

            var workers = Enumerable.Range(0, 3).Select(i => WorkerProcess.Start($"worker{i}", folder, ["watch", .. config])).ToList();
            try
            {
                await WaitUntil(() => ArchiveCount(archive) >= 4, TimeSpan.FromMinutes(2), "the first files to be archived");
                workers[0].KillHard();
                output.WriteLine($"killed worker0 after {ArchiveCount(archive)} archived");
                await WaitUntil(() => ArchiveCount(archive) >= 12, TimeSpan.FromMinutes(2), "more files to be archived");
                pg.Restart();
                output.WriteLine($"restarted PostgreSQL after {ArchiveCount(archive)} archived");

                using var drain = WorkerProcess.Start("drain", folder, ["watch", "--drain", .. config]);
                var drained = await drain.WaitAsync(TimeSpan.FromMinutes(4));
                Assert.True(drained == 0, WorkerProcess.Tail(drain.Err));
                foreach (var w in workers.Skip(1))
                {
                    w.Terminate();
                    Assert.Equal(0, await w.WaitAsync(TimeSpan.FromMinutes(1)));
                }
                // What the faults did, as the workers logged it.
                foreach (var w in workers.Append(drain))
                {
                    var lines = w.Err.Split('\n');
                    for (var i = 0; i < lines.Length - 1; i++)
                    {
                        if (lines[i].StartsWith("warn", StringComparison.Ordinal) || lines[i].StartsWith("fail", StringComparison.Ordinal))
                        {
                            output.WriteLine($"{w.Name}: {lines[i + 1].Trim()}");
                        }
                    }
                }
            }
            finally
            {
                foreach (var w in workers)
                {
                    w.Dispose();
                }
            }

            var left = Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
            Assert.True(left.Count == 0, "left in the inbox: " + string.Join(", ", left));
            var distinct = reports.Select(r => Convert.ToHexStringLower(SHA256.HashData(r.Content))).ToHashSet();
            var archived = Directory.EnumerateFiles(archive).Select(Path.GetFileNameWithoutExtension).ToHashSet();
            Assert.True(distinct.SetEquals(archived!), "the archive holds every distinct file");

            await using var db = new NpgsqlConnection(pg.ConnectionString);
            var rows = (await db.QueryAsync<(string FileName, string Outcome, string Status, string Unit, long Directives, long QrCodes, long QrScans)>(
                "SELECT s.file_name, s.outcome, s.status, s.unit_code, COALESCE(CAST((SELECT f.value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'directives') AS bigint), 0), COALESCE(CAST((SELECT f.value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'qrCodes') AS bigint), 0), COALESCE(CAST((SELECT f.value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'qrScans') AS bigint), 0) FROM submissions s")).ToList();
            Assert.Equal(fileCount, rows.Count);
            var duplicates = rows.Where(r => r.Outcome == "duplicate").ToList();
            Assert.Single(duplicates);
            Assert.Equal(copied.Unit, duplicates[0].Unit);
            var current = rows.Where(r => r.Status == "current").ToList();
            Assert.Equal(reports.Count, current.Count);
            Assert.Equal(reports.Select(r => r.Unit).Order(), current.Select(r => r.Unit).Order());
            Assert.Equal(reports.Sum(r => r.QrCodes), current.Sum(r => r.QrCodes));
            Assert.Equal(reports.Sum(r => r.QrScans), current.Sum(r => r.QrScans));
            Assert.Equal(reports.Sum(r => (long)r.Directives), current.Sum(r => r.Directives));
            // Stored rows match the headline figures: nothing half-written, nothing written twice.
            var stored = await db.QuerySingleAsync<(long Codes, long Scans, long Count)>("""
                SELECT SUM(CAST(q.row_values::jsonb -> 'qrCodes' ->> 'n' AS bigint)), SUM(CAST(q.row_values::jsonb -> 'qrScans' ->> 'n' AS bigint)), COUNT(*)
                FROM table_rows q JOIN submissions s ON s.id = q.submission_id WHERE q.section_key = 'qr'
                """);
            Assert.Equal(reports.Sum(r => r.QrCodes), stored.Codes);
            Assert.Equal(reports.Sum(r => r.QrScans), stored.Scans);

            var totals = await WorkerProcess.RunAsync(folder, TimeSpan.FromMinutes(1), ["totals", "--round", ReportFiles.Round, "--json", .. config]);
            Assert.Contains($"\"qrScans\":{reports.Sum(r => r.QrScans)}", totals.Out, StringComparison.Ordinal);
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }

    private static int ArchiveCount(string archive) => Directory.Exists(archive) ? Directory.GetFiles(archive).Length : 0;

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for {what}");
            }
            await Task.Delay(100);
        }
    }
}

/// <summary>The worker tests start processes and time them; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerCollection
{
    public const string Name = "Workers";
}
