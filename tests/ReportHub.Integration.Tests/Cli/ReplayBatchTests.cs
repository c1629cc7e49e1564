using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Cli;

/// <summary>Replay reads stored files as a batch, several parsed ahead; outcomes must still come in their stored order.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReplayBatchTests
{
    private const string TourismUnit = "51.SDL,Sở Du lịch tỉnh Quảng Ngãi,department,51,Sở Du lịch;SDL,2008-04-01,,\n";

    [Fact]
    public async Task ReplayOfSeveralRejectedFilesKeepsTheirOrderSkipsOneWithoutBytesAndLeavesTheLastVersionCurrent()
    {
        var samples = RepoPaths.CopyReference(RepoPaths.NewTempFolder("rh-ref"));
        using var cli = new CliWorkspace(samples, [new("Ingest:MaxFileBytes", "20000")]);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        ReportBuilder Tourism(long scans, int extraRows = 0) => new()
        {
            IssuingBody = ["SỞ DU LỊCH"],
            NumberLine = "Số: 512/SDL",
            QrRows = [new QrSpec("Sở Du lịch tỉnh Quảng Ngãi", 2L, scans),
                .. Enumerable.Range(1, extraRows).Select(i => new QrSpec($"Điểm du lịch cộng đồng số {i} ở huyện Lý Sơn", 1L, 1L))],
        };
        var first = cli.Write("a-sdl.xlsx", Tourism(100).ToXlsx());
        var tooLarge = cli.Write("b-sdl-lon.xlsx", Tourism(500, extraRows: 2000).ToXlsx());
        var second = cli.Write("c-sdl.xlsx", Tourism(300).ToXlsx());
        Assert.True(new FileInfo(tooLarge).Length > 20000 && new FileInfo(second).Length < 20000);
        var (exit, stored) = await cli.IngestAsync([first, tooLarge, second]);
        Assert.Equal(1, exit);
        Assert.All(stored, r => Assert.Equal("rejected", r.GetProperty("status").GetString()));

        await File.AppendAllTextAsync(Path.Combine(samples, "reference", "units.csv"), TourismUnit);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        // The round's expected units were chosen before the registry knew the unit: an analyst adds it to the round.
        Assert.Equal(0, (await cli.RunAsync("rounds", "add-unit", "2021-10", "--unit", "51.SDL")).ExitCode);
        var replay = await cli.RunAsync("replay", "--rejected", "--json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal(["a-sdl.xlsx", "c-sdl.xlsx"], replay.JsonLines.Select(l => Path.GetFileName(l.GetProperty("file").GetString())));
        Assert.All(replay.JsonLines, l => Assert.Equal("accepted", l.GetProperty("status").GetString()));
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(300, totals.GetProperty("qrScans").GetInt64());
    }
}
