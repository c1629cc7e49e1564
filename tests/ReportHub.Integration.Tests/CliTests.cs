using System.Security.Cryptography;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Repo;

namespace ReportHub.Integration.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class CliTests
{
    private static readonly string[] ResultFields = ["file", "status", "submissionId", "unit", "round", "template", "figures", "directives", "qrCodes", "qrScans", "issues"];

    [Fact]
    public async Task InitTwiceIsIdempotent()
    {
        using var cli = new CliWorkspace();

        var first = await cli.RunAsync("init");
        var second = await cli.RunAsync("init");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var totals = await cli.RunAsync("totals", "--round", "2021-10", "--json");
        Assert.True(totals.ExitCode == 0, totals.ToString());
        var json = Assert.Single(totals.JsonLines);
        Assert.Equal(0, json.GetProperty("unitsReported").GetInt32());
        Assert.True(json.GetProperty("unitsExpected").GetInt32() > 14);
    }

    [Fact]
    public async Task IngestJsonPrintsOneResultLinePerFile()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var seed = RepoPaths.SampleReport("sct-2162-seed004.xlsx");

        var run = await cli.RunAsync("ingest", seed, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.JsonLines);
        Assert.Equal(ResultFields.Order(StringComparer.Ordinal), line.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(seed, line.GetProperty("file").GetString());
        Assert.Equal("accepted", line.GetProperty("status").GetString());
        Assert.True(line.GetProperty("submissionId").GetInt64() > 0);
        Assert.Equal("51.SCT", line.GetProperty("unit").GetString());
        Assert.Equal("2021-10", line.GetProperty("round").GetString());
        Assert.Equal(3, line.GetProperty("directives").GetInt64());
        Assert.Equal(1, line.GetProperty("qrCodes").GetInt64());
        Assert.Equal(541, line.GetProperty("qrScans").GetInt64());
        Assert.Equal("covid-tech-2021", line.GetProperty("template").GetString());
        var figures = line.GetProperty("figures");
        Assert.Equal(3, figures.GetProperty("directives").GetDecimal());
        Assert.Equal(1, figures.GetProperty("qrCodes").GetDecimal());
        Assert.Equal(541, figures.GetProperty("qrScans").GetDecimal());
        Assert.Equal(JsonValueKind.Array, line.GetProperty("issues").ValueKind);

        var again = await cli.RunAsync("ingest", seed, "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("duplicate", Assert.Single(again.JsonLines).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RejectedFileExitsOneWithIssueDetails()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var builder = new ReportBuilder { Row = 2, Column = 3, QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", 1L, -541L)] };
        var bad = cli.Write("bad.xlsx", builder.ToXlsx());
        var good = RepoPaths.SampleReport("skhcn-1187.xlsx");

        var run = await cli.RunAsync("ingest", good, bad, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(2, run.JsonLines.Count);
        Assert.Equal("accepted", run.JsonLines[0].GetProperty("status").GetString());
        var rejected = run.JsonLines[1];
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.False(rejected.TryGetProperty("qrScans", out _));
        var issue = rejected.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "value.negative");
        Assert.Equal(["cell", "code", "location", "message", "severity", "sheet"], issue.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"Trang tính “Phụ lục”, ô {builder.Cells["qr.0.scans"]}", issue.GetProperty("location").GetString());
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal(builder.Cells["qr.0.scans"], issue.GetProperty("cell").GetString());
        Assert.Equal("Phụ lục", issue.GetProperty("sheet").GetString());
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData("ingest", "--bogus", "x.xlsx")]
    [InlineData("ingest", "/nonexistent/report.xlsx")]
    [InlineData("ingest")]
    [InlineData("totals")]
    [InlineData("frobnicate")]
    [InlineData("totals", "--round", "1999-01")]
    public async Task UsageOrConfigurationErrorExitsTwo(params string[] args)
    {
        using var cli = new CliWorkspace();

        var run = await cli.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(string.IsNullOrWhiteSpace(run.Err));
    }

    [Fact]
    public async Task TotalsJsonIsTheApiTotalsObject()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var ingest = await cli.RunAsync("ingest", Path.Combine(RepoPaths.Samples, "reports"), "--json");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Equal(15, ingest.JsonLines.Count);

        var run = await cli.RunAsync("totals", "--round", "2021-10", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var cliTotals = Assert.Single(run.JsonLines);
        Assert.Equal(14, cliTotals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(711091, cliTotals.GetProperty("qrScans").GetInt64());
        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        var apiTotals = await app.TotalsAsync();
        Assert.Equal(apiTotals.ToString(), cliTotals.ToString());
    }

    [Fact]
    public async Task TotalsOfARoundNobodyReportedToSayMissingNeverZero()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync("totals", "--round", "2025-Q3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Số hồ sơ tiếp nhận: chưa có số liệu", run.Out, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ hồ sơ tiếp nhận trực tuyến (%): chưa tính được", run.Out, StringComparison.Ordinal);
        // No figure line shows a number: the units' counts in the first line are the only zeros.
        Assert.All(run.Lines.Skip(1), line => Assert.DoesNotMatch(@":\s*[0-9]", line));
    }

    [Fact]
    public async Task TotalsSayHowManyUnitsAFigureCoversWhenNotAllDo()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var folder = Path.Combine(RepoPaths.Samples, "reports", "2025-Q3");
        Assert.Equal(0, (await cli.RunAsync(["ingest", .. Directory.GetFiles(folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))])).ExitCode);
        // One unit's figure for dossiers received online is taken out, as a report that never had it would leave it.
        Assert.Equal(1, await ReportHub.Testing.Warehouses.WarehouseRows.ExecuteAsync(cli.Provider, cli.ConnectionString,
            "DELETE FROM figures WHERE measure_key = 'receivedOnline' AND submission_id = (SELECT MIN(id) FROM submissions WHERE status = 'current')"));

        var run = await cli.RunAsync("totals", "--round", "2025-Q3");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Số hồ sơ tiếp nhận trực tuyến: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("(trên 6/7 đơn vị đã báo cáo)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestDryRunStoresNothing()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync("ingest", RepoPaths.SampleReport("sct-2162-seed004.xlsx"), "--dry-run", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.JsonLines);
        Assert.Equal("accepted", line.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("submissionId").ValueKind);
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(0, totals.GetProperty("unitsReported").GetInt32());
        // Nothing was reported, so there is no figure to show: absent, never a 0.
        Assert.False(totals.TryGetProperty("qrScans", out _));
        var real = await cli.RunAsync("ingest", RepoPaths.SampleReport("sct-2162-seed004.xlsx"), "--json");
        Assert.Equal("accepted", Assert.Single(real.JsonLines).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WatchDrainEmptiesInboxIntoArchiveAndQuarantine()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Directory.CreateDirectory(cli.Inbox);
        var goods = new[] { "sct-2162-seed004.xlsx", "lyson-1127.csv" }.Select(n => File.ReadAllBytes(RepoPaths.SampleReport(n))).ToList();
        await File.WriteAllBytesAsync(Path.Combine(cli.Inbox, "sct.xlsx"), goods[0]);
        await File.WriteAllBytesAsync(Path.Combine(cli.Inbox, "lyson.csv"), goods[1]);
        var bad = new ReportBuilder { IncludeSection2 = false }.ToXlsx();
        await File.WriteAllBytesAsync(Path.Combine(cli.Inbox, "bad.xlsx"), bad);
        foreach (var file in Directory.EnumerateFiles(cli.Inbox))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        }

        var run = await cli.RunAsync("watch", "--drain");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(Directory.EnumerateFiles(cli.Inbox, "*", SearchOption.AllDirectories));
        static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));
        Assert.True(File.Exists(Path.Combine(cli.Archive, Sha(goods[0]) + ".xlsx")));
        Assert.True(File.Exists(Path.Combine(cli.Archive, Sha(goods[1]) + ".csv")));
        Assert.Equal(2, Directory.EnumerateFiles(cli.Archive).Count());
        var quarantined = Path.Combine(cli.Quarantine, Sha(bad) + ".xlsx");
        Assert.Equal(bad, await File.ReadAllBytesAsync(quarantined));
        var issues = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Quarantine, Sha(bad) + ".json"))).RootElement;
        Assert.Equal("rejected", issues.GetProperty("status").GetString());
        Assert.Contains(issues.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "section.missing");
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(2, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(541 + 51626, totals.GetProperty("qrScans").GetInt64());
    }

    [Fact]
    public async Task ReplayRejectedAcceptsOnceReferenceDataExists()
    {
        var samples = RepoPaths.CopyReference(RepoPaths.NewTempFolder("rh-ref"));
        using var cli = new CliWorkspace(samples);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var report = new ReportBuilder
        {
            IssuingBody = ["SỞ DU LỊCH"],
            NumberLine = "Số: 512/SDL",
            QrRows = [new QrSpec("Sở Du lịch tỉnh Quảng Ngãi", 2L, 777L)],
        };
        var file = cli.Write("sdl-512.xlsx", report.ToXlsx());

        var first = await cli.RunAsync("ingest", file, "--json");
        Assert.True(first.ExitCode == 1, first.ToString());
        var rejected = Assert.Single(first.JsonLines);
        // The registry does not know the issuing body yet: unit.unknown, which a replay clears once it does.
        Assert.Contains(rejected.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.unknown");

        await File.AppendAllTextAsync(Path.Combine(samples, "reference", "units.csv"),
            "51.SDL,Sở Du lịch tỉnh Quảng Ngãi,department,51,Sở Du lịch;SDL,2008-04-01,,\n");
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        // The round's expected units were chosen before the registry knew the unit: an analyst adds it to the round.
        Assert.Equal(0, (await cli.RunAsync("rounds", "add-unit", "2021-10", "--unit", "51.SDL")).ExitCode);
        var replay = await cli.RunAsync("replay", "--rejected", "--json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        var line = Assert.Single(replay.JsonLines);
        Assert.Equal("accepted", line.GetProperty("status").GetString());
        Assert.Equal("51.SDL", line.GetProperty("unit").GetString());
        Assert.Equal("2021-10", line.GetProperty("round").GetString());
        Assert.Equal(777, line.GetProperty("qrScans").GetInt64());
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(777, totals.GetProperty("qrScans").GetInt64());
    }

    [Fact]
    public async Task ReplayRejectedTwiceDoesNotReingestAFileAlreadyAcceptedOnReplay()
    {
        var samples = RepoPaths.CopyReference(RepoPaths.NewTempFolder("rh-ref"));
        using var cli = new CliWorkspace(samples);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var file = cli.Write("sdl-512.xlsx", new ReportBuilder { IssuingBody = ["SỞ DU LỊCH"], NumberLine = "Số: 512/SDL" }.ToXlsx());
        Assert.Equal(1, (await cli.RunAsync("ingest", file, "--json")).ExitCode);
        await File.AppendAllTextAsync(Path.Combine(samples, "reference", "units.csv"),
            "51.SDL,Sở Du lịch tỉnh Quảng Ngãi,department,51,Sở Du lịch;SDL,2008-04-01,,\n");
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        // The round's expected units were chosen before the registry knew the unit: an analyst adds it to the round.
        Assert.Equal(0, (await cli.RunAsync("rounds", "add-unit", "2021-10", "--unit", "51.SDL")).ExitCode);
        var first = await cli.RunAsync("replay", "--rejected", "--json");
        Assert.Equal("accepted", Assert.Single(first.JsonLines).GetProperty("status").GetString());

        var again = await cli.RunAsync("replay", "--rejected", "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Empty(again.JsonLines);
        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        var versions = await app.GetJsonAsync("/api/units/51.SDL/submissions?round=2021-10");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task BuiltBinaryExitCodesAreZeroOneTwo()
    {
        using var cli = new CliWorkspace();
        var bad = cli.Write("empty.xlsx", []);

        var init = await cli.RunProcessAsync("init");
        var good = await cli.RunProcessAsync("ingest", RepoPaths.SampleReport("stp-1422.csv"), "--json");
        var rejected = await cli.RunProcessAsync("ingest", bad, "--json");
        var usage = await cli.RunProcessAsync("frobnicate");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal("51.STP", Assert.Single(good.JsonLines).GetProperty("unit").GetString());
        Assert.True(rejected.ExitCode == 1, rejected.ToString());
        Assert.Equal("file.empty", Assert.Single(rejected.JsonLines).GetProperty("issues")[0].GetProperty("code").GetString());
        Assert.True(usage.ExitCode == 2, usage.ToString());
    }
}
