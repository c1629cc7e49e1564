using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>rounds create refuses dates and titles a round cannot hold with exit 2 and a Vietnamese reason, never a crash.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RoundLimitsCliTests
{
    private static string[] Create(string title = "Báo cáo quý IV năm 2021", string requestDate = "2021-11-01", string deadline = "2021-11-10") =>
    [
        "rounds", "create", "--code", "2021-L", "--template", "covid-tech-2021", "--title", title,
        "--request-document", "1551/STTTT-BCVT&CNTT", "--request-date", requestDate, "--deadline", deadline,
        "--types", "department", "--parents", "51",
    ];

    [Fact]
    public async Task FarDatesAreRefusedWithTheirReasonInAChildProcess()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunProcessAsync("init")).ExitCode);

        var far = await cli.RunProcessAsync(Create(deadline: "9999-12-31"));
        var early = await cli.RunProcessAsync(Create(requestDate: "0001-01-01"));
        var title = await cli.RunProcessAsync(Create(title: "\uFFFE"));

        Assert.True(far.ExitCode == 2, far.ToString());
        Assert.Contains("--deadline: Hạn nộp báo cáo 31/12/9999 phải nằm trong khoảng 2000–2100", far.Err, StringComparison.Ordinal);
        Assert.True(early.ExitCode == 2, early.ToString());
        Assert.Contains("--request-date: Ngày công văn yêu cầu báo cáo 01/01/0001 phải nằm trong khoảng 2000–2100", early.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("không còn hoạt động", early.Err, StringComparison.Ordinal);
        Assert.True(title.ExitCode == 2, title.ToString());
        Assert.Contains("--title: Chưa nhập tên đợt", title.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-L", (await cli.RunProcessAsync("rounds", "list")).Out, StringComparison.Ordinal);
    }

    // Code points, not strings: an attribute's string is stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    [InlineData(0x202E)]
    public async Task TitleOfNothingButHostileCharactersIsRefused(int codePoint)
    {
        var hostile = ((char)codePoint).ToString();
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync(Create(title: hostile));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--title: Chưa nhập tên đợt", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileCharactersInsideATitleAreDroppedAndTheRoundIsCreated()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync([.. Create(title: "Báo cáo\u0000 quý\uFFFE IV\u202E năm" + '\uD800' + " 2021"), "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var round = Assert.Single(run.JsonLines);
        Assert.Equal("Báo cáo quý IV năm 2021", round.GetProperty("title").GetString());
    }
}
