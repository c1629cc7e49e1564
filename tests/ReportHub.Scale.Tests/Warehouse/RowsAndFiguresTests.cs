using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Scale.Tests.Support;
using ReportHub.Core.Measures;
using ReportHub.Aggregate.Rollups;
using ReportHub.Warehouse.Submissions;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>
/// Generic storage (migration 008): table rows with their typed values and per-submission figures, written at
/// ingest and backfilled in place, and rollups that add the stored figures.
/// </summary>
public sealed class RowsAndFiguresTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task AWarehouseOfTheLastReleaseMigratesWithEveryFigureUnchanged(string provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        output.WriteLine(wh.ToString());
        Assert.Equal(ReleaseFiveWarehouse.LastVersion, await wh.Migrator.MigrateAsync(ReleaseFiveWarehouse.LastVersion, None));
        await ReleaseFiveWarehouse.SeedReferenceAsync(wh);
        var edgy = EdgyReport();
        var superseded = await ReleaseFiveWarehouse.SaveAsync(wh, 1, "51.SCT", Outcomes.Accepted, VersionStatuses.Superseded,
            Reports.Report([Reports.Qr(1, "Chợ cũ", 99, 99)], directives: 1), Reports.OnTime.AddDays(-1));
        var current = await ReleaseFiveWarehouse.SaveAsync(wh, 2, "51.SCT", Outcomes.Accepted, VersionStatuses.Current, edgy, Reports.OnTime);
        var district = await ReleaseFiveWarehouse.SaveAsync(wh, 3, "51.524", Outcomes.Accepted, VersionStatuses.Current,
            Reports.Report([Reports.Qr(1, "Xã Bình Trị", 3_000_000_000_000, 1)], directives: 0), Reports.OnTime.AddDays(2));
        var rejected = await ReleaseFiveWarehouse.SaveAsync(wh, 4, "51.a", Outcomes.Rejected, VersionStatuses.Rejected, null, Reports.OnTime);
        var before = await ReleaseFiveWarehouse.OldUnitFiguresAsync(wh);

        Assert.Equal(1, await wh.Migrator.MigrateAsync(None) - (await CountLaterThanEightAsync(wh)));

        var units = (await wh.Rollups.UnitsAsync(Reports.Round, None))!.Where(u => u.SubmissionId is not null).OrderBy(u => u.Unit, StringComparer.Ordinal).ToList();
        Assert.Equal(before, units.Select(u => (u.Unit, u.Directives ?? -1, u.QrCodes ?? -1, u.QrScans ?? -1)).ToList());
        foreach (var (unit, (_, directives, codes, scans)) in units.Zip(before))
        {
            AssertFigures(new Dictionary<string, decimal> { ["directives"] = directives, ["qrCodes"] = codes, ["qrScans"] = scans }, unit.Figures);
        }
        var totals = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;
        Assert.Equal(before.Sum(b => b.Directives), totals.Directives);
        Assert.Equal(before.Sum(b => b.QrCodes), totals.QrCodes);
        Assert.Equal(before.Sum(b => b.QrScans), totals.QrScans);
        Assert.Equal(totals.QrCodes!.Value, totals.Figures["qrCodes"]);
        Assert.Equal("covid-tech-2021", totals.Template);

        var store = wh.Submissions;
        Assert.Equal(99m, (await store.GetAsync(superseded, None))!.Figures["qrCodes"]);
        var rejectedRecord = (await store.GetAsync(rejected, None))!;
        Assert.Equal("covid-tech-2021", rejectedRecord.TemplateId);
        Assert.Equal(1, rejectedRecord.TemplateVersion);
        Assert.Empty(rejectedRecord.Figures);

        // The backfilled rows hold the same typed values the store writes for the same report today.
        var expected = edgy.Tables;
        var stored = await StoredRowsAsync(wh, current);
        Assert.Equal(expected.Values.Sum(t => t.Rows.Count), stored.Count);
        foreach (var table in expected.Values)
        {
            for (var i = 0; i < table.Rows.Count; i++)
            {
                var row = stored.Single(r => r.Section == table.Section && r.Seq == i + 1);
                Assert.Equal(table.Rows[i].Cell, row.Cell);
                AssertSameValues(table.Rows[i].Values, RowValuesJson.Read(row.RowValues));
            }
        }
        Assert.Single(await StoredRowsAsync(wh, district));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task SavingAReportWritesItsTableRowsAndFigures(string provider)
    {
        await using var wh = await Seeded(provider);
        var report = EdgyReport();
        var id = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(11), "51.SCT", Reports.OnTime, report), None);

        var record = (await wh.Submissions.GetAsync(id, None))!;
        AssertFigures(new Dictionary<string, decimal> { ["directives"] = 3, ["qrCodes"] = report.QrCodes, ["qrScans"] = report.QrScans }, record.Figures);
        Assert.Equal(1, record.TemplateVersion);
        var rows = await StoredRowsAsync(wh, id);
        Assert.Equal(report.Directives.Count + report.QrRows.Count, rows.Count);
        var recipients = RowValuesJson.Read(rows.Single(r => r.Section == "directives" && r.Seq == 3).RowValues)["recipients"];
        Assert.Equal(report.Directives[2].Recipients, recipients.Items);
        AssertFigures(record.Figures, (await wh.Submissions.VersionsAsync("51.SCT", Reports.Round, None)).Single().Figures);
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task ATemplateReportStoresItsOwnRowsAndExactDecimalFigures(string provider)
    {
        await using var wh = await Seeded(provider);
        // More rows than the bulk threshold: PostgreSQL (and SQL Server) write them through COPY / SqlBulkCopy.
        var services = Enumerable.Range(1, SubmissionStore.BulkRowThreshold + 20).Select(i => new ParsedRow
        {
            Ordinal = i,
            Cell = $"B{10 + i}",
            Values = new Dictionary<string, FieldValue>
            {
                ["service"] = new() { Text = $"Thủ tục số {i} \"đặc biệt\"", Code = $"TT-{i}" },
                ["received"] = new() { Text = "10", Number = 10 },
                ["fee"] = new() { Text = "12,5", Number = 12.5m },
                ["decided"] = new() { Text = "07/05/2021", Date = new DateOnly(2021, 5, 7) },
            },
        }).ToList();
        var report = Reports.Report() with
        {
            TemplateId = "dvc-online-2025",
            TemplateVersion = 2,
            Tables = new Dictionary<string, ParsedTable> { ["services"] = new() { Section = "services", Rows = services } },
            Figures = new Dictionary<string, decimal> { ["received"] = 5200, ["fee"] = 6500.125m, ["largest"] = 1_000_000_000_000.5m },
        };
        var id = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(12), "51.SCT", Reports.OnTime, report), None);

        var record = (await wh.Submissions.GetAsync(id, None))!;
        Assert.Equal("dvc-online-2025", record.TemplateId);
        Assert.Equal(2, record.TemplateVersion);
        AssertFigures(report.Figures, record.Figures);
        var rows = await StoredRowsAsync(wh, id);
        Assert.Equal(services.Count, rows.Count);
        AssertSameValues(services[^1].Values, RowValuesJson.Read(rows.Single(r => r.Seq == services.Count).RowValues));
        Assert.Equal(services[^1].Cell, rows.Single(r => r.Seq == services.Count).Cell);
        // No COVID figures are made up for a template that has none.
        Assert.DoesNotContain("qrCodes", record.Figures.Keys);
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task TotalsAddStoredFiguresAndNeverReReadRows(string provider)
    {
        await using var wh = await Seeded(provider);
        var first = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(21), "51.SCT", Reports.OnTime), None);
        var second = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(22), "51.524", Reports.OnTime,
            Reports.Report([Reports.Qr(1, "Xã Bình Trị", 10, 20)], directives: 1)), None);
        var before = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;
        Assert.Equal(4, before.Directives);
        Assert.Equal(15, before.QrCodes);
        Assert.Equal(1761, before.QrScans);

        await using (var connection = await wh.Db.OpenAsync(None))
        {
            foreach (var table in (string[])["table_rows"])
            {
                Assert.True(await connection.ExecuteAsync($"DELETE FROM {table} WHERE submission_id IN (@First, @Second)", new { First = first, Second = second }) > 0);
            }
        }
        var after = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;
        Assert.Equal(before, after);
        AssertFigures(new Dictionary<string, decimal> { ["directives"] = 4, ["qrCodes"] = 15, ["qrScans"] = 1761 }, after.Figures);
    }

    /// <summary>A COVID report with what the backfill has to get right: an empty citation, several recipients, a backslash before an n, quotes.</summary>
    private static ParsedReport EdgyReport()
    {
        var report = Reports.Report(directives: 3);
        var directives = report.Directives.ToList();
        directives[2] = directives[2] with { Recipients = ["UBND các huyện, thị xã, thành phố.", @"Thư mục C:\new ""báo cáo""", "Chợ Đầu mối Nông sản Quảng Ngãi."] };
        return report.WithRows(directives, report.QrRows);
    }

    private static async Task<TestWarehouse> Seeded(string provider)
    {
        var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        await wh.Reference.UpsertUnitsAsync(Reports.Units, None);
        await wh.Reference.UpsertRoundAsync(Reports.Round2021, None);
        return wh;
    }

    /// <summary>Migrations after 008 (other changes) that the full run applied too.</summary>
    private static async Task<int> CountLaterThanEightAsync(TestWarehouse wh)
    {
        await using var connection = await wh.Db.OpenAsync(None);
        return (int)await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version > 5 AND version <> 8");
    }

    private sealed record StoredRow
    {
        public required string Section { get; init; }
        public long Seq { get; init; }
        public string? Cell { get; init; }
        public required string RowValues { get; init; }
    }

    private static async Task<List<StoredRow>> StoredRowsAsync(TestWarehouse wh, long submission)
    {
        await using var connection = await wh.Db.OpenAsync(None);
        return (await connection.QueryAsync<StoredRow>(
            "SELECT section_key AS Section, seq AS Seq, cell AS Cell, row_values AS RowValues FROM table_rows WHERE submission_id = @Id",
            new { Id = submission })).ToList();
    }

    private static void AssertFigures(IReadOnlyDictionary<string, decimal> expected, IReadOnlyDictionary<string, decimal> actual) =>
        Assert.Equal(expected.OrderBy(f => f.Key, StringComparer.Ordinal), actual.OrderBy(f => f.Key, StringComparer.Ordinal));

    private static void AssertSameValues(IReadOnlyDictionary<string, FieldValue> expected, IReadOnlyDictionary<string, FieldValue> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            var got = actual[key];
            Assert.Equal(value.Text, got.Text);
            Assert.Equal(value.Number, got.Number);
            Assert.Equal(value.Date, got.Date);
            Assert.Equal(value.Code, got.Code);
            Assert.Equal(value.Items, got.Items);
        }
    }
}
