using System.Security.Cryptography;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Templates;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Aggregate.Tests.Rollups;

/// <summary>
/// Warehouses written before counts were bounded can hold figures whose sum passes long.MaxValue; the round's
/// totals and both consolidated exports must still answer, showing the ceiling rather than failing.
/// </summary>
public sealed class HugeCountsTests : IAsyncLifetime
{
    private const string RoundCode = "2021-10";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rh-huge-" + Guid.NewGuid().ToString("N"));
    private Db _db = null!;

    private static readonly Round Round = new()
    {
        Code = RoundCode,
        Title = "Báo cáo tình hình triển khai ứng dụng công nghệ phòng, chống dịch Covid-19 tháng 10/2021",
        RequestDocument = "1406/STTTT-BCVT&CNTT",
        RequestDate = new DateOnly(2021, 10, 26),
        Deadline = new DateOnly(2021, 10, 29),
        Template = FirstTemplateView.Id,
        ExpectedUnits = ["51.SCT", "51.524"],
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _db = new Db(new WarehouseOptions
        {
            Provider = WarehouseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, "reporthub.db")}",
        });
        await new Migrator(_db, NullLogger<Migrator>.Instance).MigrateAsync(None);
        var reference = new ReferenceStore(_db);
        await reference.UpsertUnitsAsync(
        [
            new Unit { Code = "51", Name = "Tỉnh Quảng Ngãi", Type = UnitTypes.Province },
            new Unit { Code = "51.SCT", Name = "Sở Công Thương", Type = UnitTypes.Department, Parent = "51" },
            new Unit { Code = "51.524", Name = "Huyện Bình Sơn", Type = UnitTypes.District, Parent = "51" },
        ], None);
        await reference.UpsertRoundAsync(Round, None);
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
    public async Task TotalsAndExportsAnswerWhenStoredCountsSumPastLongMaxValue()
    {
        var store = new SubmissionStore(_db);
        // Each row fits in a long; the rows of one unit, and then the two units, do not.
        await store.SaveAsync(Accepted("51.SCT", [Qr(1, long.MaxValue, long.MaxValue), Qr(2, long.MaxValue - 1, 5)]), None);
        var district = await store.SaveAsync(Accepted("51.524", [Qr(1, 7, 9)]), None);
        // An older warehouse may hold a unit figure no parser would produce today (migration 008 copied it into
        // figures); write it straight in.
        await using (var connection = await _db.OpenAsync(None))
        {
            await connection.ExecuteAsync("UPDATE figures SET value = @Huge WHERE submission_id = @Id",
                new { Huge = long.MaxValue, Id = district });
        }

        var rollups = new RollupService(_db, new ReferenceStore(_db), new TemplateStore(_db), TimeProvider.System);
        var totals = (await rollups.TotalsAsync(RoundCode, None))!;
        Assert.Equal(long.MaxValue, totals.QrCodes);
        Assert.Equal(long.MaxValue, totals.QrScans);
        Assert.Equal(long.MaxValue, totals.Directives);
        Assert.Equal(2, totals.UnitsReported);
        // The figures themselves are decimal, beyond what a long holds: the department's own codes already add up to
        // about 2 × long.MaxValue (a report's figures no longer stop at the long bound), the district's to
        // long.MaxValue; so about 3 × and 2 × long.MaxValue in all. SQLite keeps a number that large to 15
        // significant digits, so only the magnitude is asserted.
        Assert.InRange(totals.Figures["qrCodes"], 2.76e19m, 2.77e19m);
        Assert.InRange(totals.Figures["qrScans"], 1.84e19m, 1.85e19m);

        var data = (await rollups.ConsolidatedAsync(RoundCode, None))!;
        // Compared as the API writes them: Coverage is a plain dictionary, so equal totals are not equal records.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(totals), System.Text.Json.JsonSerializer.Serialize(data.Totals));
        Assert.Equal(3, data.Rows.Count(r => r.Section == "qr"));

        using var workbookBytes = new MemoryStream();
        ConsolidatedWorkbook.Write(workbookBytes, data);
        workbookBytes.Position = 0;
        using (var workbook = new XLWorkbook(workbookBytes))
        {
            // The QR sheet's total row adds its rows as decimals instead of throwing while the workbook is built:
            // about 2 × long.MaxValue (Excel keeps 15 digits, so only the magnitude survives).
            var qrSheet = workbook.Worksheet("Mã QR");
            var lastRow = qrSheet.LastRowUsed()!.RowNumber();
            var counts = Enumerable.Range(1, lastRow).Select(r => qrSheet.Cell(r, 4)).Where(c => c.DataType == XLDataType.Number).ToList();
            Assert.InRange(counts[^1].GetDouble(), 1.84e19, 1.85e19);
        }

        using var csvBytes = new MemoryStream();
        ConsolidatedCsv.Write(csvBytes, data);
        var csv = System.Text.Encoding.UTF8.GetString(csvBytes.ToArray());
        Assert.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), csv);
    }

    [Fact]
    public void SaturatingSumsHoldAtTheBoundsInsteadOfThrowing()
    {
        Assert.Equal(long.MaxValue, Counts.Sum([long.MaxValue, 1L, 5L], x => x));
        Assert.Equal(long.MinValue, Counts.Sum([long.MinValue, -1L], x => x));
        Assert.Equal(12L, Counts.Sum([5L, 7L], x => x));
        // A report's figures are decimal: two rows at long.MaxValue add up exactly instead of throwing.
        var figures = FirstTemplateView.Figures([], [Qr(1, long.MaxValue, 1), Qr(2, long.MaxValue, 2)]);
        Assert.Equal((decimal)long.MaxValue * 2, figures["qrCodes"]);
        Assert.Equal(3m, figures["qrScans"]);
        Assert.Equal(0m, figures["directives"]);
    }

    private static QrRow Qr(int ordinal, long codes, long scans) =>
        new() { Ordinal = ordinal, Entity = $"Điểm {ordinal}", QrCodes = codes, QrScans = scans, Cell = $"C{13 + ordinal}" };

    private static NewSubmission Accepted(string unit, IReadOnlyList<QrRow> rows)
    {
        var content = System.Text.Encoding.UTF8.GetBytes($"tệp của {unit}");
        return new NewSubmission
        {
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            FileName = "bao-cao.xlsx",
            Content = content,
            Source = "test",
            ReceivedAt = new DateTimeOffset(2021, 10, 28, 9, 0, 0, TimeSpan.FromHours(7)),
            Outcome = Outcomes.Accepted,
            UnitCode = unit,
            RoundCode = RoundCode,
            ParserVersion = "test-1",
            Report = new ParsedReport
            {
                TemplateId = FirstTemplateView.Id,
                Sheet = "Phụ lục",
                Header = new ReportHeader(),
            }.WithRows([], rows),
        };
    }
}
