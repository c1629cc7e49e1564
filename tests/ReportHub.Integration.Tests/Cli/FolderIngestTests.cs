using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Cli;

/// <summary>
/// A folder is parsed several files at a time; these pin that the warehouse still takes the files one by one in their
/// order, exactly as a loop of single ingests would.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FolderIngestTests
{
    [Fact]
    public async Task FolderIngestStoresFilesInTheirOrderSoTheLastVersionOfAUnitIsCurrent()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var first = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", 1L, 100L)] }.ToXlsx();
        var second = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", 2L, 200L)] }.ToXlsx();
        var third = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", 3L, 300L)] }.ToXlsx();
        var files = new[]
        {
            cli.Write("a-first.xlsx", first),
            cli.Write("b-second.xlsx", second),
            cli.Write("c-copy-of-first.xlsx", first),
            cli.Write("d-third.xlsx", third),
        };

        var (exit, results) = await cli.IngestAsync(files);

        Assert.Equal(0, exit);
        Assert.Equal(files, results.Select(r => r.GetProperty("file").GetString()));
        Assert.Equal(["accepted", "accepted", "duplicate", "accepted"], results.Select(r => r.GetProperty("status").GetString()));
        var ids = results.Select(r => r.GetProperty("submissionId").GetInt64()).ToList();
        Assert.Equal(ids[0], ids[2]);
        Assert.True(ids[0] < ids[1] && ids[1] < ids[3], string.Join(", ", ids));
        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        var versions = (await app.GetJsonAsync("/api/units/51.SCT/submissions?round=2021-10")).EnumerateArray()
            .ToDictionary(v => v.GetProperty("id").GetInt64(), v => v.GetProperty("status").GetString());
        Assert.Equal("superseded", versions[ids[0]]);
        Assert.Equal("superseded", versions[ids[1]]);
        Assert.Equal("current", versions[ids[3]]);
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(3, totals.GetProperty("qrCodes").GetInt64());
        Assert.Equal(300, totals.GetProperty("qrScans").GetInt64());
    }

    [Fact]
    public async Task FolderIngestWithAFileThatCannotBeReadStoresTheFilesBeforeItAndRejectsIt()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var good = cli.Write("a-good.xlsx", new ReportBuilder().ToXlsx());
        var broken = cli.Write("b-broken.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var other = cli.Write("c-other.xlsx", new ReportBuilder
        {
            IssuingBody = ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH SƠN"],
            NumberLine = "Số: 77/UBND",
            QrRows = [new QrSpec("UBND huyện Bình Sơn", 5L, 50L)],
        }.ToXlsx());

        var (exit, results) = await cli.IngestAsync([good, broken, other]);

        Assert.Equal(1, exit);
        Assert.Equal(["accepted", "rejected", "accepted"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("file.corrupt", results[1].GetProperty("issues")[0].GetProperty("code").GetString());
        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        var rejected = await app.GetJsonAsync($"/api/submissions/{results[1].GetProperty("submissionId").GetInt64()}");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(2, totals.GetProperty("unitsReported").GetInt32());
    }
}
