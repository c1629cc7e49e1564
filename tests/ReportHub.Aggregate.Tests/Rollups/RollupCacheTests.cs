using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Aggregate.Tests.Rollups;

/// <summary>
/// A round's rollup is computed once per state of the warehouse and served again while that state holds.
/// What it shows must still follow every change, including a unit renamed by a reference load in another process.
/// </summary>
public sealed class RollupCacheTests : IAsyncLifetime
{
    private const string RoundCode = "2021-10";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rh-rollup-cache-" + Guid.NewGuid().ToString("N"));
    private Db _db = null!;

    private static readonly Unit Industry = new() { Code = "51.SCT", Name = "Sở Công Thương", Type = UnitTypes.Department, Parent = "51" };
    private static readonly Unit BinhSon = new() { Code = "51.524", Name = "Huyện Bình Sơn", Type = UnitTypes.District, Parent = "51" };
    private static readonly Unit SonTinh = new() { Code = "51.525", Name = "Huyện Sơn Tịnh", Type = UnitTypes.District, Parent = "51" };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _db = Open();
        await new Migrator(_db, NullLogger<Migrator>.Instance).MigrateAsync(None);
        var reference = new ReferenceStore(_db);
        await reference.UpsertUnitsAsync([new Unit { Code = "51", Name = "Tỉnh Quảng Ngãi", Type = UnitTypes.Province }, Industry, BinhSon, SonTinh], None);
        await reference.UpsertRoundAsync(new Round
        {
            Code = RoundCode,
            Title = "Báo cáo tình hình triển khai ứng dụng công nghệ phòng, chống dịch Covid-19 tháng 10/2021",
            RequestDocument = "1406/STTTT-BCVT&CNTT",
            RequestDate = new DateOnly(2021, 10, 26),
            Deadline = new DateOnly(2021, 10, 29),
            Template = FirstTemplateView.Id,
            ExpectedUnits = [Industry.Code, BinhSon.Code],
        }, None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RenamedUnitIsShownByTheNextRollupInsteadOfTheCachedName()
    {
        await new SubmissionStore(_db).SaveAsync(Accepted(Industry.Code, 4, 40), None);
        var rollups = Service(_db);
        var before = (await rollups.RollupAsync(RoundCode, None))!.Value;
        var again = (await rollups.RollupAsync(RoundCode, None))!.Value;
        Assert.Equal(before.Stamp, again.Stamp);
        Assert.Same(before.Units, again.Units);
        Assert.Equal("Sở Công Thương", before.Units.Single(u => u.Unit == Industry.Code).Name);

        // A reference load run by the CLI: another process, so nothing in this one hears of it.
        await new ReferenceStore(Open()).UpsertUnitsAsync([Industry with { Name = "Sở Công Thương tỉnh Quảng Ngãi" }], None);

        var after = (await rollups.RollupAsync(RoundCode, None))!.Value;
        Assert.NotEqual(before.Stamp, after.Stamp);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", after.Units.Single(u => u.Unit == Industry.Code).Name);
        Assert.Equal(Json(before.Totals), Json(after.Totals));
    }

    [Fact]
    public async Task RetypedUnitChangesTheStamp()
    {
        var rollups = Service(_db);
        var before = await rollups.StampAsync(RoundCode, None);

        await new ReferenceStore(Open()).UpsertUnitsAsync([BinhSon with { Type = UnitTypes.Department }], None);

        Assert.NotEqual(before, await rollups.StampAsync(RoundCode, None));
        Assert.Equal(UnitTypes.Department, (await rollups.UnitsAsync(RoundCode, None))!.Single(u => u.Unit == BinhSon.Code).Type);
    }

    [Fact]
    public async Task ReloadingAnUnchangedRegistryKeepsTheStamp()
    {
        var rollups = Service(_db);
        var before = await rollups.StampAsync(RoundCode, None);

        await new ReferenceStore(Open()).UpsertUnitsAsync([Industry, BinhSon, SonTinh], None);

        Assert.Equal(before, await rollups.StampAsync(RoundCode, None));
        Assert.Null(await rollups.StampAsync("2099-01", None));
    }

    [Fact]
    public async Task UncachedRollupListsExpectedAndReportingUnitsWithTheirCurrentFigures()
    {
        var store = new SubmissionStore(_db);
        await store.SaveAsync(Accepted(Industry.Code, 4, 40), None);
        // A later version of the same unit's report, after the deadline, replaces the first one's figures.
        await store.SaveAsync(Accepted(Industry.Code, 5, 50, day: 30), None);
        // A report stored from a unit the round does not expect (ingest now refuses one) stays out of the rollup.
        await store.SaveAsync(Accepted(SonTinh.Code, 7, 70, day: 31), None);
        var rollups = Service(_db);

        var computed = (await rollups.ComputeAsync(RoundCode, None))!.Value;

        // Code order, as the units' codes sort (digits before letters).
        Assert.Equal([BinhSon.Code, Industry.Code], computed.Units.Select(u => u.Unit));
        var missing = computed.Units[0];
        Assert.Equal(UnitStatuses.Missing, missing.Status);
        Assert.Null(missing.SubmissionId);
        Assert.Empty(missing.Figures);
        var industry = computed.Units[1];
        Assert.Equal(UnitStatuses.OnTime, industry.Status);
        Assert.Equal(5, industry.Figures["qrCodes"]);
        Assert.Equal(50, industry.QrScans);
        // Timeliness comes from the first accepted receipt, not the current version's.
        Assert.Equal(new DateTimeOffset(2021, 10, 28, 9, 0, 0, TimeSpan.FromHours(7)), industry.ReceivedAt);
        // The second version is a revision of the first: both times are kept.
        Assert.Equal(new DateTimeOffset(2021, 10, 30, 9, 0, 0, TimeSpan.FromHours(7)), industry.RevisedAt);
        Assert.Null(missing.RevisedAt);
        Assert.Equal(50, computed.Totals.QrScans);
        Assert.Equal(5, computed.Totals.QrCodes);
        Assert.Equal((2, 1, 0, 1), (computed.Totals.UnitsExpected, computed.Totals.UnitsMissing, computed.Totals.UnitsLate, computed.Totals.UnitsRevised));
        // The missing unit has no figure: each total is taken over the one unit that reported.
        Assert.Equal(1, computed.Totals.Coverage["qrScans"]);

        var served = (await rollups.RollupAsync(RoundCode, None))!.Value;
        Assert.Equal(Json(computed.Totals), Json(served.Totals));
        Assert.Equal(computed.Units, served.Units);
    }

    // RoundTotals.Coverage is a plain dictionary, so two equal totals are not equal records; their JSON is what
    // the API answers with, and is compared instead.
    private static string Json(RoundTotals totals) => System.Text.Json.JsonSerializer.Serialize(totals);

    private Db Open() => new(new WarehouseOptions
    {
        Provider = WarehouseProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "reporthub.db")}",
    });

    private static RollupService Service(Db db) => new(db, new ReferenceStore(db), new TemplateStore(db), TimeProvider.System);

    private static NewSubmission Accepted(string unit, long codes, long scans, int day = 28)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"tệp của {unit}, {codes} mã");
        return new NewSubmission
        {
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            FileName = "bao-cao.xlsx",
            Content = content,
            Source = "test",
            ReceivedAt = new DateTimeOffset(2021, 10, day, 9, 0, 0, TimeSpan.FromHours(7)),
            Outcome = Outcomes.Accepted,
            UnitCode = unit,
            RoundCode = RoundCode,
            ParserVersion = "test-1",
            Report = new ParsedReport
            {
                TemplateId = FirstTemplateView.Id,
                Sheet = "Phụ lục",
                Header = new ReportHeader(),
            }.WithRows([], [new QrRow { Ordinal = 1, Entity = "Chợ Bình Sơn", QrCodes = codes, QrScans = scans, Cell = "C14" }]),
        };
    }
}
