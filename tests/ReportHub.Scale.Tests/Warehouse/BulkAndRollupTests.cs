using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Reference;
using ReportHub.Scale.Tests.Support;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Warehouse;

public sealed class BulkAndRollupTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, int> ProvidersAndSizes
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var provider in Warehouses.Available)
            {
                // Around the batch size (100 rows per INSERT) and the bulk threshold, then a large file.
                foreach (var size in (int[])[0, 1, 100, 101, SubmissionStore.BulkRowThreshold, SubmissionStore.BulkRowThreshold + 1, 5000])
                {
                    data.Add(provider.ToString(), size);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSizes))]
    public async Task QrRowsAreWrittenExactlyWhateverThePath(string provider, int rows)
    {
        await using var wh = await WarehouseStoreTests.Seeded(provider);
        var random = new Random(rows + 17);
        var qr = Enumerable.Range(1, rows).Select(i => Reports.Qr(i,
            i % 3 == 0 ? $"UBND xã Bình {i} – điểm tiêm chủng \"Đ\"; 'ổn định'" : $"Điểm {i}",
            random.NextInt64(0, 2_000_000_000_000), random.NextInt64(0, 9_000_000_000_000),
            i % 4 == 0 ? null : i % 4 == 1 ? "" : $"ghi chú {i}\nhai dòng")).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var id = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(rows), "51.SCT", Reports.OnTime, Reports.Report(qr)), None);
        output.WriteLine($"{wh}: {rows} QR rows saved in {started.ElapsedMilliseconds} ms" +
            (wh.Db.HasBulkPath && rows > SubmissionStore.BulkRowThreshold ? " (bulk path)" : ""));

        var expectedCodes = qr.Sum(q => q.QrCodes);
        var expectedScans = qr.Sum(q => q.QrScans);
        var record = (await wh.Submissions.GetAsync(id, None))!;
        Assert.Equal(expectedCodes, record.QrCodes);
        Assert.Equal(expectedScans, record.QrScans);

        await using (var connection = await wh.Db.OpenAsync(None))
        {
            var args = new { Id = id };
            Assert.Equal(rows, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE submission_id = @Id AND section_key = 'qr'", args));
        }

        var stored = (await wh.Rollups.ConsolidatedAsync(Reports.Round, None))!.QrRows;
        Assert.Equal(qr.Select(q => q.Ordinal), stored.Select(q => q.Ordinal));
        Assert.Equal(qr.Select(q => q.Entity), stored.Select(q => q.Entity));
        Assert.Equal(qr.Select(q => q.QrCodes), stored.Select(q => q.QrCodes));
        Assert.Equal(qr.Select(q => q.QrScans), stored.Select(q => q.QrScans));
        Assert.Equal(qr.Select(q => q.Note), stored.Select(q => q.Note));
        var totals = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;
        Assert.Equal(expectedCodes, totals.QrCodes);
        Assert.Equal(expectedScans, totals.QrScans);
    }

    [Fact]
    public void TheBulkThresholdIsWhatTheIssueSays()
    {
        Assert.InRange(SubmissionStore.BulkRowThreshold, 100, 1000);
    }

    /// <summary>The samples/ reports ingested through the real pipeline give the same rollups on every provider.</summary>
    [Theory]
    [MemberData(nameof(Warehouses.ServerProviders), MemberType = typeof(Warehouses))]
    public async Task RollupsOfTheSamplesAreTheSameAsOnSqlite(string provider)
    {
        var sqlite = await IngestSamplesAsync(WarehouseProvider.Sqlite);
        var server = await IngestSamplesAsync(Enum.Parse<WarehouseProvider>(provider));
        output.WriteLine($"Sqlite: {sqlite.Totals}");
        output.WriteLine($"{provider}: {server.Totals}");

        Assert.Equal(sqlite.Results, server.Results);
        Assert.Equal(sqlite.Totals, server.Totals);
        Assert.Equal(sqlite.Units, server.Units);
        // The figures the README shows for round 2021-10, one unit late and one re-sent.
        Assert.Equal(32, server.Totals.UnitsExpected);
        Assert.Equal(14, server.Totals.UnitsReported);
        Assert.Equal(13, server.Totals.UnitsOnTime);
        Assert.Equal(1, server.Totals.UnitsLate);
        Assert.Equal(51, server.Totals.Directives);
        Assert.Equal(5840, server.Totals.QrCodes);
        Assert.Equal(711091, server.Totals.QrScans);
    }

    private sealed record SampleRun(IReadOnlyList<string> Results, RoundTotals Totals, IReadOnlyList<UnitStatus> Units);

    private static async Task<SampleRun> IngestSamplesAsync(WarehouseProvider provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        await using var services = wh.Services();
        await services.GetRequiredService<ReferenceLoader>().LoadAsync(Path.Combine(RepoPaths.Samples, "reference"), None);
        var ingest = services.GetRequiredService<IngestService>();
        var results = new List<string>();
        var files = Directory.EnumerateFiles(RepoPaths.SampleReports)
            .Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            // The last district report arrives after the deadline; every file is sent again, as a duplicate.
            var late = Path.GetFileName(files[i]) == "tunghia-1654.xlsx";
            var receivedAt = late ? new DateTimeOffset(2021, 10, 30, 0, 0, 1, TimeSpan.FromHours(7)) : Reports.OnTime.AddMinutes(i);
            foreach (var attempt in (int[])[0, 1])
            {
                var result = await ingest.IngestAsync(new IngestRequest
                {
                    FileName = Path.GetFileName(files[i]),
                    Content = await File.ReadAllBytesAsync(files[i]),
                    Source = "test",
                    ReceivedAt = receivedAt.AddSeconds(attempt),
                }, None);
                results.Add($"{result.File} {result.Status} {result.SubmissionId} {result.Unit} {result.Round} {result.Directives} {result.QrCodes} {result.QrScans} {result.Issues.Count}");
            }
        }
        var rollups = services.GetRequiredService<RollupService>();
        return new SampleRun(results, (await rollups.TotalsAsync("2021-10", None))!, (await rollups.UnitsAsync("2021-10", None))!);
    }
}
