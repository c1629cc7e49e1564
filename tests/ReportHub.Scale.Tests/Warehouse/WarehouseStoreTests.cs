using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Scale.Tests.Support;
using ReportHub.Warehouse.Submissions;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>The warehouse stores behave the same on every provider (SQLite, PostgreSQL, and SQL Server when configured).</summary>
public sealed class WarehouseStoreTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task MigrationsApplyOnceAndAreIdempotent(string provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        output.WriteLine(wh.ToString());
        var scripts = ScriptCount(wh);
        Assert.True(scripts >= 1, $"no migrations embedded for {provider}");
        Assert.Equal(scripts, await wh.Migrator.MigrateAsync(None));
        Assert.Equal(0, await wh.Migrator.MigrateAsync(None));
        // Several migrators racing on one database still apply each script once.
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => wh.Migrator.MigrateAsync(None)));
        Assert.All(again, n => Assert.Equal(0, n));
        await using var connection = await wh.Db.OpenAsync(None);
        Assert.Equal(scripts, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        foreach (var table in (string[])["units", "rounds", "round_units", "files", "submissions", "table_rows", "figures", "narratives", "issues"])
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task ConcurrentFirstMigrationsApplyTheScriptOnce(string provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => wh.Migrator.MigrateAsync(None)));
        if (wh.Provider != ReportHub.Warehouse.Connections.WarehouseProvider.Sqlite)
        {
            // The server dialects take a migration lock, so exactly one migrator applies the script.
            Assert.Equal(ScriptCount(wh), applied.Sum());
        }
        await using var connection = await wh.Db.OpenAsync(None);
        Assert.Equal(ScriptCount(wh), await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task UnitsAndRoundsRoundTripAndUpsert(string provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        var store = wh.Reference;
        await store.UpsertUnitsAsync(Reports.Units, None);
        var units = await store.UnitsAsync(None);
        // Codes sort by code point, as on SQLite, whatever the server's collation.
        Assert.Equal(Reports.Units.Select(u => u.Code).Order(StringComparer.Ordinal), units.Select(u => u.Code));
        foreach (var expected in Reports.Units)
        {
            var actual = Assert.Single(units, u => u.Code == expected.Code);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Parent, actual.Parent);
            Assert.Equal(expected.Aliases, actual.Aliases);
            Assert.Equal(expected.ValidFrom, actual.ValidFrom);
            Assert.Equal(expected.ValidTo, actual.ValidTo);
            Assert.Equal(expected.Successor, actual.Successor);
        }

        // Upsert: changes one, adds one, keeps the rest.
        var renamed = Reports.Units[1] with { Name = "Sở Công Thương tỉnh Quảng Ngãi", Aliases = ["SCT"] };
        var added = new Unit { Code = "51.SKHCN", Name = "Sở Khoa học và Công nghệ", Type = UnitTypes.Department, Parent = "51" };
        await store.UpsertUnitsAsync([renamed, added], None);
        units = await store.UnitsAsync(None);
        Assert.Equal(Reports.Units.Length + 1, units.Count);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", units.Single(u => u.Code == "51.SCT").Name);
        Assert.Equal(["SCT"], units.Single(u => u.Code == "51.SCT").Aliases);
        // Codes compare case-sensitively, as on SQLite.
        Assert.DoesNotContain(units, u => u.Code == "51.A");

        await store.UpsertRoundAsync(Reports.Round2021, None);
        var round = Assert.Single(await store.RoundsAsync(None));
        Assert.Equal(Reports.Round2021.Title, round.Title);
        Assert.Equal("1406/STTTT-BCVT&CNTT", round.RequestDocument);
        Assert.Equal(new DateOnly(2021, 10, 26), round.RequestDate);
        Assert.Equal(new DateOnly(2021, 10, 29), round.Deadline);
        Assert.False(round.Closed);
        Assert.Equal(["51.524", "51.SCT"], round.ExpectedUnits);

        await store.UpsertRoundAsync(Reports.Round2021 with { Deadline = new DateOnly(2021, 11, 5), ExpectedUnits = ["51.SKHCN", "51.SCT", "51.SCT"] }, None);
        round = Assert.Single(await store.RoundsAsync(None));
        Assert.Equal(new DateOnly(2021, 11, 5), round.Deadline);
        Assert.Equal(["51.SCT", "51.SKHCN"], round.ExpectedUnits);

        Assert.True(await store.SetClosedAsync(Reports.Round, true, None));
        Assert.True((await store.RoundAsync(Reports.Round, None))!.Closed);
        Assert.True(await store.SetClosedAsync(Reports.Round, false, None));
        Assert.False((await store.RoundAsync(Reports.Round, None))!.Closed);
        Assert.False(await store.SetClosedAsync("1999-01", true, None));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task AnAcceptedReportIsStoredWholeAndReadsBack(string provider)
    {
        await using var wh = await Seeded(provider);
        var content = Reports.Bytes(1);
        var submission = Reports.Accepted(content, "51.SCT", Reports.OnTime);
        var id = await wh.Submissions.SaveAsync(submission, None);

        var record = (await wh.Submissions.GetAsync(id, None))!;
        Assert.Equal(id, record.Id);
        Assert.Equal(Reports.Sha(content), record.FileSha256);
        Assert.Equal("bao-cao.xlsx", record.FileName);
        Assert.Equal(content.Length, record.FileSize);
        Assert.Equal(Outcomes.Accepted, record.Outcome);
        Assert.Equal(VersionStatuses.Current, record.Status);
        Assert.Equal("51.SCT", record.UnitCode);
        Assert.Equal(Reports.Round, record.RoundCode);
        Assert.Equal(Reports.OnTime, record.ReceivedAt);
        Assert.Equal("covid-tech-2021", record.TemplateId);
        Assert.Equal("Phụ lục", record.Sheet);
        Assert.Equal(3, record.Directives);
        Assert.Equal(5, record.QrCodes);
        Assert.Equal(1741, record.QrScans);
        Assert.Equal("2162/SCT-VP", record.DocNumber);
        Assert.Equal("2021-10-27", record.DocDate);
        Assert.Equal("Nguyễn Đức Huy", record.Signer);
        Assert.Null(record.Supersedes);
        Assert.Null(record.DuplicateOf);
        var issue = Assert.Single(record.Issues);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Equal("citation.unreadable", issue.Code);
        Assert.Equal("D10", issue.Cell);
        Assert.Equal("Không đọc được số, ngày văn bản ở ô D10.", issue.Message);
        Assert.Equal(content, await wh.Submissions.FileAsync(id, None));
        Assert.Equal(id, await wh.Submissions.FindAcceptedByHashAsync(record.FileSha256, None));

        var consolidated = (await wh.Rollups.ConsolidatedAsync(Reports.Round, None))!;
        Assert.Equal(3, consolidated.Directives.Count);
        var d1 = consolidated.Directives[0];
        Assert.Equal("781", d1.DocumentNumber);
        Assert.Equal("SCT-VP", d1.DocumentSymbol);
        Assert.Equal(new DateOnly(2021, 5, 7), d1.DocumentDate);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", d1.IssuingUnit);
        Assert.StartsWith("Về việc triển khai", d1.Content);
        var d2 = consolidated.Directives[1];
        Assert.Null(d2.CitationText);
        Assert.Null(d2.DocumentNumber);
        Assert.Null(d2.IssuingUnit);
        Assert.Empty(d2.Recipients);
        Assert.Equal(["UBND các huyện, thị xã, thành phố.", "Chợ Đầu mối Nông sản Quảng Ngãi."], consolidated.Directives[2].Recipients);
        Assert.Equal([1, 2], consolidated.QrRows.Select(q => q.Ordinal));
        Assert.Null(consolidated.QrRows[0].Note);
        Assert.Equal("đã cập nhật", consolidated.QrRows[1].Note);
        Assert.Equal(["inspection", "recommendations"], consolidated.Narratives.Select(n => n.Section).Order(StringComparer.Ordinal));
        Assert.Equal(5, consolidated.Totals.QrCodes);
        Assert.Equal(1741, consolidated.Totals.QrScans);
        Assert.Equal(3, consolidated.Totals.Directives);
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task ANewAcceptedFileSupersedesAndHistoryStays(string provider)
    {
        await using var wh = await Seeded(provider);
        var store = wh.Submissions;
        var first = await store.SaveAsync(Reports.Accepted(Reports.Bytes(1), "51.SCT", Reports.OnTime), None);
        var secondReport = Reports.Report([Reports.Qr(1, "Sở Công Thương", 7, 900)], directives: 2);
        var second = await store.SaveAsync(Reports.Accepted(Reports.Bytes(2), "51.SCT", Reports.OnTime.AddDays(3), secondReport), None);

        Assert.Equal(VersionStatuses.Superseded, (await store.GetAsync(first, None))!.Status);
        var current = (await store.GetAsync(second, None))!;
        Assert.Equal(VersionStatuses.Current, current.Status);
        Assert.Equal(first, current.Supersedes);

        // A replayed older file takes its place in history without displacing the newer current one.
        var older = await store.SaveAsync(Reports.Accepted(Reports.Bytes(3), "51.SCT", Reports.OnTime.AddDays(-1)) with { ReplayOf = first }, None);
        Assert.Equal(VersionStatuses.Superseded, (await store.GetAsync(older, None))!.Status);
        Assert.Equal(first, (await store.GetAsync(older, None))!.ReplayOf);
        Assert.Equal(VersionStatuses.Current, (await store.GetAsync(second, None))!.Status);

        var versions = await store.VersionsAsync("51.SCT", Reports.Round, None);
        Assert.Equal([first, second, older], versions.Select(v => v.Id));
        Assert.Equal([VersionStatuses.Superseded, VersionStatuses.Current, VersionStatuses.Superseded], versions.Select(v => v.Status));
        Assert.Equal(3, (await store.VersionsAsync("51.SCT", null, None)).Count);
        Assert.Empty(await store.VersionsAsync("51.SCT", "1999-01", None));
        Assert.Empty(await store.VersionsAsync("51.524", null, None));

        // Totals count only the current version; timeliness comes from the first accepted receipt.
        var totals = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;
        Assert.Equal(2, totals.Directives);
        Assert.Equal(7, totals.QrCodes);
        Assert.Equal(900, totals.QrScans);
        Assert.Equal(1, totals.UnitsOnTime);
        Assert.Equal(1, totals.UnitsMissing);
        var unit = (await wh.Rollups.UnitsAsync(Reports.Round, None))!.Single(u => u.Unit == "51.SCT");
        Assert.Equal(second, unit.SubmissionId);
        Assert.Equal(Reports.OnTime.AddDays(-1), unit.ReceivedAt);
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task TheSameBytesTwiceAreADuplicateAndChangeNothing(string provider)
    {
        await using var wh = await Seeded(provider);
        var store = wh.Submissions;
        var content = Reports.Bytes(7);
        var id = await store.SaveAsync(Reports.Accepted(content, "51.SCT", Reports.OnTime), None);
        var before = (await wh.Rollups.TotalsAsync(Reports.Round, None))!;

        var original = (await store.FindAcceptedByHashAsync(Reports.Sha(content), None))!.Value;
        Assert.Equal(id, original);
        var duplicate = await store.RecordDuplicateAsync((await store.GetAsync(original, None))!, "lai-lan-nua.xlsx", "api", Reports.OnTime.AddHours(1), None);
        var record = (await store.GetAsync(duplicate, None))!;
        Assert.Equal(Outcomes.Duplicate, record.Outcome);
        Assert.Equal(VersionStatuses.Duplicate, record.Status);
        Assert.Equal(id, record.DuplicateOf);
        Assert.Equal("lai-lan-nua.xlsx", record.FileName);
        Assert.Equal(content, await store.FileAsync(duplicate, None));
        Assert.Equal(VersionStatuses.Current, (await store.GetAsync(id, None))!.Status);
        Assert.Equal(before, (await wh.Rollups.TotalsAsync(Reports.Round, None))!);
        Assert.Equal(id, await store.FindAcceptedByHashAsync(Reports.Sha(content), None));
        Assert.Equal([id], await store.ReplayableAsync(false, None));
        Assert.Null(await store.FindAcceptedByHashAsync(Reports.Sha([1, 2, 3]), None));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task ARejectedSubmissionKeepsTheFileBytesExactly(string provider)
    {
        await using var wh = await Seeded(provider);
        var store = wh.Submissions;
        // Every byte value, a NUL run, and 300 KB of noise: nothing may be re-encoded or trimmed.
        var content = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(new byte[1000]).Concat(Reports.Bytes(11, 300_000)).ToArray();
        var sha = Reports.Sha(content);
        var id = await store.SaveAsync(new NewSubmission
        {
            FileSha256 = sha,
            FileName = "không rõ đơn vị.xlsx",
            Content = content,
            Source = "inbox",
            ReceivedAt = Reports.OnTime,
            Outcome = Outcomes.Rejected,
            UnitCode = null,
            RoundCode = null,
            ParserVersion = "test-1",
            Report = Reports.Report(),
            Issues =
            [
                Issue.Error("unit.unresolved", "Không xác định được đơn vị báo cáo. Hãy ghi rõ tên cơ quan ở đầu văn bản."),
                Issue.Warning("qr.scans-without-codes", "Có lượt quét nhưng không có mã QR.", "Sheet1", "D14"),
            ],
        }, None);

        Assert.Equal(content, await store.FileAsync(id, None));
        var record = (await store.GetAsync(id, None))!;
        Assert.Equal(Outcomes.Rejected, record.Outcome);
        Assert.Equal(VersionStatuses.Rejected, record.Status);
        Assert.Equal(content.Length, record.FileSize);
        Assert.Equal("không rõ đơn vị.xlsx", record.FileName);
        Assert.Null(record.UnitCode);
        Assert.Null(record.Directives);
        Assert.Null(record.QrCodes);
        Assert.Equal([Severity.Error, Severity.Warning], record.Issues.Select(i => i.Severity));
        Assert.Null(record.Issues[0].Cell);
        Assert.Equal("D14", record.Issues[1].Cell);
        // Rejected bytes never make a duplicate: the same file may be sent again once the reference data exists.
        Assert.Null(await store.FindAcceptedByHashAsync(sha, None));
        Assert.Equal([id], await store.ReplayableAsync(true, None));

        // The same bytes accepted later share the stored file.
        var accepted = await store.SaveAsync(Reports.Accepted(content, "51.SCT", Reports.OnTime.AddHours(2)) with { ReplayOf = id }, None);
        Assert.Equal(content, await store.FileAsync(accepted, None));
        // Once its bytes are accepted the rejected file has nothing left to replay, and replays start from first receipts.
        Assert.Empty(await store.ReplayableAsync(true, None));
        Assert.Equal([id], await store.ReplayableAsync(false, None));
        await using var connection = await wh.Db.OpenAsync(None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM files"));
        // Nothing of a rejected file's report is stored.
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE section_key = 'directives'"));
    }

    /// <summary>The numbered scripts embedded for the provider (Migrations/{Provider}/NNN_*.sql).</summary>
    private static int ScriptCount(TestWarehouse wh) =>
        typeof(ReportHub.Warehouse.Connections.Migrator).Assembly.GetManifestResourceNames()
            .Count(n => n.Contains($".Migrations.{wh.Provider}.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));

    internal static async Task<TestWarehouse> Seeded(string provider)
    {
        var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        await wh.Reference.UpsertUnitsAsync(Reports.Units, None);
        await wh.Reference.UpsertRoundAsync(Reports.Round2021, None);
        return wh;
    }
}
