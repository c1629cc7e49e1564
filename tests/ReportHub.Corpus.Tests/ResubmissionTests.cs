using System.Net;
using System.Text.Json;
using ReportHub.Core.Text;
using ReportHub.Corpus.Tests.Corpus;
using ReportHub.Corpus.Tests.Support;

namespace ReportHub.Corpus.Tests;

/// <summary>Versions and timeliness through the API: v2 supersedes v1, v1 again changes nothing, on time by the first accepted receipt.</summary>
public sealed class ResubmissionTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static Report Version(long scans) => With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", scans)]);

    private static Report With(Action<Report> change)
    {
        var report = Report.Seed();
        change(report);
        return report;
    }

    private static JsonElement Unit(JsonElement units, string code) => units.EnumerateArray().Single(u => u.Str("unit") == code);

    [Fact]
    public async Task V2SupersedesV1InTotalsAndV1AgainIsADuplicateThatChangesNothing()
    {
        var clock = new TestClock(new DateTimeOffset(2021, 10, 28, 9, 0, 0, Vietnam));
        using var app = CorpusHosts.App(clock: clock);
        var v1 = Version(541).ToXlsx();
        var v2 = Version(600).ToXlsx();

        using var first = await app.UploadAsync(v1, "v1.xlsx");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        clock.Now = new DateTimeOffset(2021, 10, 30, 10, 0, 0, Vietnam);
        using var second = await app.UploadAsync(v2, "v2.xlsx");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var afterV2 = await app.GetJsonAsync("/api/rounds/2021-10/totals");
        var v2Id = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.Num("submissionId");

        clock.Now = new DateTimeOffset(2021, 10, 31, 10, 0, 0, Vietnam);
        using var again = await app.UploadAsync(v1, "v1-gui-lai.xlsx");
        var againBody = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", againBody.Str("status"));
        Assert.Equal((1L, 3L, 1L, 600L), (afterV2.Num("unitsReported"), afterV2.Num("directives"), afterV2.Num("qrCodes"), afterV2.Num("qrScans")));
        var totals = await app.GetJsonAsync("/api/rounds/2021-10/totals");
        Assert.Equal(afterV2.ToString(), totals.ToString());
        var sct = Unit(await app.GetJsonAsync("/api/rounds/2021-10/units"), "51.SCT");
        Assert.Equal(v2Id, sct.Num("submissionId"));
        Assert.Equal(600, sct.Num("qrScans"));
        // Timeliness counts from the first accepted receipt (28/10), not from v2 (30/10, after the deadline).
        Assert.Equal("onTime", sct.Str("status"));
        Assert.Equal((1L, 0L), (totals.Num("unitsOnTime"), totals.Num("unitsLate")));
    }

    [Fact]
    public async Task ARejectedResubmissionLeavesTheCurrentVersionAndItsFiguresInPlace()
    {
        var clock = new TestClock(new DateTimeOffset(2021, 10, 27, 9, 0, 0, Vietnam));
        using var app = CorpusHosts.App(clock: clock);
        using var v1 = await app.UploadAsync(Version(541).ToXlsx(), "v1.xlsx");
        Assert.Equal(HttpStatusCode.Created, v1.StatusCode);

        var broken = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", -1L)]);
        using var v2 = await app.UploadAsync(broken.ToXlsx(), "v2.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, v2.StatusCode);
        var totals = await app.GetJsonAsync("/api/rounds/2021-10/totals");
        Assert.Equal((1L, 541L), (totals.Num("unitsReported"), totals.Num("qrScans")));
        var versions = await app.GetJsonAsync("/api/units/51.SCT/submissions?round=2021-10");
        Assert.Equal(["current", "rejected"], versions.EnumerateArray().OrderBy(v => v.Num("id")).Select(v => v.Str("status")));
    }

    [Fact]
    public async Task AUnitWhoseFirstAcceptedFileCameAfterTheDeadlineIsLateEvenIfARejectedFileCameEarlier()
    {
        var clock = new TestClock(new DateTimeOffset(2021, 10, 28, 9, 0, 0, Vietnam));
        using var app = CorpusHosts.App(clock: clock);
        var broken = With(r => r.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "mười", 541L)]);
        using var rejected = await app.UploadAsync(broken.ToXlsx(), "v1.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);

        clock.Now = new DateTimeOffset(2021, 10, 30, 8, 0, 0, Vietnam);
        using var accepted = await app.UploadAsync(Version(541).ToXlsx(), "v2.xlsx");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        var sct = Unit(await app.GetJsonAsync("/api/rounds/2021-10/units"), "51.SCT");
        Assert.Equal("late", sct.Str("status"));
    }

    [Fact]
    public async Task AFileReceivedLateOnTheDeadlineDayInVietnamIsOnTime()
    {
        // 23:30 on 29/10 in Vietnam is 16:30 UTC the same day: still by the end of the deadline day.
        var clock = new TestClock(new DateTimeOffset(2021, 10, 29, 23, 30, 0, Vietnam));
        using var app = CorpusHosts.App(clock: clock);
        using var response = await app.UploadAsync(Version(541).ToXlsx(), "v1.xlsx");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal("onTime", Unit(await app.GetJsonAsync("/api/rounds/2021-10/units"), "51.SCT").Str("status"));
    }
}

/// <summary>Versions through the CLI: the same rules, with exit codes.</summary>
[Collection("cli")]
public sealed class CliResubmissionTests
{
    [Fact]
    public async Task V2SupersedesV1AndV1AgainIsADuplicateWithExitCodeZero()
    {
        using var cli = CorpusHosts.Cli();
        await cli.InitAsync();
        var v1 = cli.WriteFile("v1.xlsx", Version(541));
        var v2 = cli.WriteFile("v2.xlsx", Version(600));

        var (exit1, r1) = await cli.IngestAsync([v1]);
        var (exit2, r2) = await cli.IngestAsync([v2]);
        var (exit3, r3) = await cli.IngestAsync([v1]);

        Assert.Equal((0, 0, 0), (exit1, exit2, exit3));
        Assert.Equal(["accepted", "accepted", "duplicate"], new[] { r1, r2, r3 }.Select(r => Assert.Single(r).Str("status")));
        Assert.Equal(r1[0].Num("submissionId"), r3[0].Num("submissionId"));
        var (_, output) = await cli.RunAsync("totals", "--round", "2021-10", "--json");
        var totals = JsonDocument.Parse(output.Split('\n').Single(l => l.StartsWith('{'))).RootElement;
        Assert.Equal((1L, 3L, 1L, 600L), (totals.Num("unitsReported"), totals.Num("directives"), totals.Num("qrCodes"), totals.Num("qrScans")));
        // Received today, long after the 2021 deadline.
        Assert.Equal(1, totals.Num("unitsLate"));
        Assert.Equal(2, cli.Warehouse.Scalar("SELECT COUNT(*) FROM submissions WHERE unit_code = '51.SCT' AND outcome = 'accepted'"));
    }

    private static byte[] Version(long scans)
    {
        var report = Report.Seed();
        report.QrRows = [new("Sở Công Thương tỉnh Quảng Ngãi", "01", scans)];
        return report.ToXlsx();
    }
}

/// <summary>Legacy text survives the whole pipeline: what is stored is the Unicode of what was typed.</summary>
public sealed class LegacyTextTests
{
    public static TheoryData<string, LegacyCharset> Twins => new()
    {
        { "xlsx", LegacyCharset.Tcvn3 },
        { "xlsx", LegacyCharset.Vni },
        { "csv", LegacyCharset.Vni },
    };

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task LegacyReportStoresTheSameRowsAsItsUnicodeTwin(string format, LegacyCharset charset)
    {
        // "Xã Bình Dương": TCVN3 writes ư as U+00AD (a soft hyphen to every other program).
        // TCVN3 has no code for most capitals with marks (Ổ, Ệ …): names that start with plain capitals, as typed in .VnTime.
        string[] communes = ["Xã Bình Dương", "Xã Bình Thạnh", "Xã Bình Chánh"];
        var legacy = Report.District(communes);
        legacy.Charset = charset;
        var unicode = Report.District(communes);
        if (charset == LegacyCharset.Tcvn3)
        {
            Assert.Contains('\u00AD', legacy.Text("Xã Bình Dương"));
        }

        using var a = CorpusHosts.App();
        using var b = CorpusHosts.App();
        using var legacyResponse = await a.UploadAsync(format == "csv" ? legacy.ToCsv() : legacy.ToXlsx(), "legacy." + format);
        using var unicodeResponse = await b.UploadAsync(format == "csv" ? unicode.ToCsv() : unicode.ToXlsx(), "unicode." + format);

        Assert.True(legacyResponse.StatusCode == HttpStatusCode.Created, await legacyResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, unicodeResponse.StatusCode);
        const string Rows = """
            SELECT json_extract(row_values, '$.entity.t') || '|' || json_extract(row_values, '$.qrCodes.n') || '|' || json_extract(row_values, '$.qrScans.n')
            FROM table_rows WHERE section_key = 'qr' ORDER BY seq
            """;
        var stored = a.Warehouse.Strings(Rows);
        Assert.Equal(b.Warehouse.Strings(Rows), stored);
        Assert.Equal(["Xã Bình Dương|10|1234", "Xã Bình Thạnh|17|2345", "Xã Bình Chánh|24|3456"], stored);
        Assert.All(stored, s => Assert.Equal(s.Normalize(), s));
        Assert.Equal((await b.GetJsonAsync("/api/rounds/2021-10/totals")).ToString(), (await a.GetJsonAsync("/api/rounds/2021-10/totals")).ToString());
    }

    [Fact]
    public async Task Tcvn3EntityRoundTripsToTheConsolidatedWorkbookRows()
    {
        var legacy = Report.District("Xã Bình Dương");
        legacy.Charset = LegacyCharset.Tcvn3;
        using var app = CorpusHosts.App();
        using var response = await app.UploadAsync(legacy.ToXlsx(), "tcvn3.xlsx");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        Assert.Equal(["Xã Bình Dương"], app.Warehouse.Strings("SELECT json_extract(row_values, '$.entity.t') FROM table_rows WHERE section_key = 'qr'"));
        var unit = (await app.GetJsonAsync("/api/rounds/2021-10/units")).EnumerateArray().Single(u => u.Str("unit") == "51.524");
        Assert.Equal((10L, 1234L), (unit.Num("qrCodes"), unit.Num("qrScans")));
        using var client = app.CreateClient();
        var workbook = await client.GetByteArrayAsync("/api/rounds/2021-10/consolidated.xlsx");
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(workbook));
        Assert.Contains(book.Worksheets.SelectMany(s => s.CellsUsed()), c => c.GetString() == "Xã Bình Dương");
    }
}
