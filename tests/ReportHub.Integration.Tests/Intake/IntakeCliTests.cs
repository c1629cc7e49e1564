using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Intake;

/// <summary>The intake rules from the command line: <c>rounds add-unit</c> and <c>submissions reinstate</c>.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class IntakeCliTests
{
    private const string Round = OnlineServicesReports.Round;

    [Fact]
    public async Task AbolishedDistrictIsRefusedUntilAddedToTheRoundFromTheCommandLine()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var file = cli.Write("binhson-2025-q3.csv", OnlineServicesReports.For("51.524").ToCsv());

        var (refusedExit, refused) = await cli.IngestAsync([file]);

        Assert.Equal(1, refusedExit);
        var issue = Assert.Single(Assert.Single(refused).GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.not-expected");
        Assert.Contains("Tỉnh Quảng Ngãi", issue.GetProperty("message").GetString(), StringComparison.Ordinal);

        var unknown = await cli.RunAsync("rounds", "add-unit", Round, "--unit", "51.999");
        var added = await cli.RunAsync("rounds", "add-unit", Round, "--unit", "51.524", "--json");
        var again = await cli.RunAsync("rounds", "add-unit", Round, "--unit", "51.524");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Không có đơn vị mã “51.999” trong danh mục", unknown.Err, StringComparison.Ordinal);
        Assert.True(added.ExitCode == 0, added.ToString());
        var json = Assert.Single(added.JsonLines);
        Assert.True(json.GetProperty("added").GetBoolean());
        Assert.Equal("51.524", json.GetProperty("unit").GetString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("không thay đổi gì", again.Out, StringComparison.Ordinal);
        var (acceptedExit, accepted) = await cli.IngestAsync([file]);
        Assert.Equal(0, acceptedExit);
        Assert.Equal("accepted", Assert.Single(accepted).GetProperty("status").GetString());
        var totals = await cli.RunAsync("totals", "--round", Round, "--json");
        Assert.Equal(1, Assert.Single(totals.JsonLines).GetProperty("unitsReported").GetInt32());
    }

    [Fact]
    public async Task OperatorReinstatesAnOlderVersionFromTheCommandLine()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var first = cli.Write("stp-q3.csv", OnlineServicesReports.For("51.STP", received: 1000).ToCsv());
        var revision = cli.Write("stp-q3-sua.csv", OnlineServicesReports.For("51.STP", received: 1200).ToCsv());
        var firstId = Assert.Single((await cli.IngestAsync([first])).Results).GetProperty("submissionId").GetInt64();
        var revisionId = Assert.Single((await cli.IngestAsync([revision])).Results).GetProperty("submissionId").GetInt64();
        var resent = Assert.Single((await cli.IngestAsync([first])).Results);
        Assert.Equal("duplicate", resent.GetProperty("status").GetString());
        Assert.Equal(revisionId, resent.GetProperty("currentSubmissionId").GetInt64());

        var missing = await cli.RunAsync("submissions", "reinstate", "999999");
        var reinstated = await cli.RunAsync("submissions", "reinstate", firstId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("#999999", missing.Err, StringComparison.Ordinal);
        Assert.True(reinstated.ExitCode == 0, reinstated.ToString());
        var json = Assert.Single(reinstated.JsonLines);
        Assert.Equal("current", json.GetProperty("status").GetString());
        Assert.Equal(revisionId, json.GetProperty("replaced").GetInt64());
        var totals = await cli.RunAsync("totals", "--round", Round, "--json");
        Assert.Equal(1000m, Assert.Single(totals.JsonLines).GetProperty("figures").GetProperty("received").GetDecimal());
    }
}
