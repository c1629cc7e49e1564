using ReportHub.Integration.Tests.Support;
using static ReportHub.Integration.Tests.Rounds.VersionedTemplate;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>Template versions of a round through the CLI (replay, rounds list, rounds upgrade), on the suite's warehouse.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RoundTemplateVersionCliTests
{
    [Fact]
    public async Task ReplayAfterVersionTwoIsRegisteredReadsWithTheRoundsVersionAndUpgradeMovesIt()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        await RunOkAsync(cli, "templates", "add", cli.Write("v1.json", System.Text.Encoding.UTF8.GetBytes(VersionedTemplate.Json(1))));
        var created = await RunOkAsync(cli, "rounds", "create", "--code", RoundCode, "--template", Id, "--title", Round.Title,
            "--request-document", RequestDocument, "--request-date", "2026-04-01", "--deadline", "2026-04-15", "--units", "51.STP,51.STC", "--json");
        Assert.Equal(1, Assert.Single(created.JsonLines).GetProperty("templateVersion").GetInt32());
        var (exit, ingested) = await cli.IngestAsync([
            cli.Write("stp-v1.xlsx", Report(1, "51.STP", ("Bộ phận một cửa", 400, 100, 0))),
            cli.Write("stc-v2.xlsx", Report(2, "51.STC", ("Bộ phận một cửa", 100, 80, 50))),
        ]);
        Assert.True(exit == 0, string.Join("\n", ingested));
        await RunOkAsync(cli, "templates", "add", cli.Write("v2.json", System.Text.Encoding.UTF8.GetBytes(VersionedTemplate.Json(2))));

        var listed = await RunOkAsync(cli, "rounds", "list");
        Assert.Contains($"biểu mẫu {Id} phiên bản 1;", Assert.Single(listed.Lines, l => l.Contains(RoundCode, StringComparison.Ordinal)), StringComparison.Ordinal);

        // Replay reads the stored files with the round's version 1: no figure version 2 would have invented.
        var replayed = await RunOkAsync(cli, "replay", "--json");
        Assert.Equal(2, replayed.JsonLines.Count);
        Assert.All(replayed.JsonLines, r =>
        {
            Assert.Equal("accepted", r.GetProperty("status").GetString());
            Assert.False(r.GetProperty("figures").TryGetProperty("resolved", out _), r.ToString());
        });
        var totals = Assert.Single((await RunOkAsync(cli, "totals", "--round", RoundCode, "--json")).JsonLines).GetProperty("figures");
        Assert.Equal(500m, totals.GetProperty("received").GetDecimal());
        Assert.False(totals.TryGetProperty("resolved", out _));

        var older = await cli.RunAsync("rounds", "upgrade", RoundCode, "--version", "1");
        Assert.True(older.ExitCode == 2, older.ToString());
        Assert.Contains("chỉ nâng được lên phiên bản mới hơn", older.Err, StringComparison.Ordinal);

        var refused = await cli.RunAsync("rounds", "upgrade", RoundCode, "--version", "2", "--json");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        var trial = Assert.Single(refused.JsonLines);
        Assert.False(trial.GetProperty("applied").GetBoolean());
        Assert.Equal("rejected", Unit(trial, "51.STP").GetProperty("status").GetString());
        Assert.Contains("51.STP", refused.Err, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single((await RunOkAsync(cli, "rounds", "list", "--json")).JsonLines, r => r.GetProperty("code").GetString() == RoundCode)
            .GetProperty("templateVersion").GetInt32());

        var forced = await RunOkAsync(cli, "rounds", "upgrade", RoundCode, "--version", "2", "--force");
        Assert.Contains($"Đã nâng đợt {RoundCode} từ phiên bản 1 lên phiên bản 2", forced.Out, StringComparison.Ordinal);
        Assert.Contains("thay đổi: resolved — → 50", Assert.Single(forced.Lines, l => l.StartsWith("51.STC", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("bị từ chối: Tệp được điền theo biểu mẫu phiên bản 1", Assert.Single(forced.Lines, l => l.StartsWith("51.STP", StringComparison.Ordinal)), StringComparison.Ordinal);

        var after = Assert.Single((await RunOkAsync(cli, "totals", "--round", RoundCode, "--json")).JsonLines);
        Assert.Equal(1, after.GetProperty("unitsReported").GetInt32());
        Assert.Equal(50m, after.GetProperty("figures").GetProperty("resolved").GetDecimal());
        Assert.Equal(50m, after.GetProperty("figures").GetProperty("resolvedRate").GetDecimal());
        Assert.Contains($"biểu mẫu {Id} phiên bản 2;", Assert.Single((await RunOkAsync(cli, "rounds", "list")).Lines,
            l => l.Contains(RoundCode, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunOkAsync(CliWorkspace cli, params string[] args)
    {
        var run = await cli.RunAsync(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run}");
        return run;
    }
}
