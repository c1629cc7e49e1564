using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Intake;

[Collection(ConsoleCollection.Name)]
public sealed class TimeBudgetTests
{
    [Fact]
    public async Task FileOverItsTimeBudgetIsStoredAsRejectedAndReplaysOnceTimeAllows()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var path = cli.Write("seed.xlsx", ReportBuilder.Seed().ToXlsx());

        var run = await cli.RunAsync("ingest", path, "--json", "--Ingest:FileTimeoutSeconds=0.001");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = Assert.Single(run.JsonLines);
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        var issue = Assert.Single(result.GetProperty("issues").EnumerateArray());
        Assert.Equal("file.timeout", issue.GetProperty("code").GetString());
        Assert.Contains("cần quá 0,001 giây", issue.GetProperty("message").GetString());
        Assert.Equal("Toàn bộ tệp", issue.GetProperty("location").GetString());

        var replay = await cli.RunAsync("replay", "--rejected", "--json");
        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Equal("accepted", Assert.Single(replay.JsonLines).GetProperty("status").GetString());
    }
}
