using System.Text.Json;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>An analyst's rounds through the built reporthub binary, on the warehouse the suite runs on.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RoundCliTests
{
    private static readonly string[] Create2021Q4 =
    [
        "rounds", "create", "--code", "2021-Q4", "--template", "covid-tech-2021",
        "--title", "Báo cáo ứng dụng công nghệ phòng, chống dịch Covid-19 quý IV năm 2021",
        "--request-document", "1550/STTTT-BCVT&CNTT", "--request-date", "01/11/2021", "--deadline", "2021-11-10",
        "--types", "department", "--parents", "51",
    ];

    [Fact]
    public async Task AnalystCreatesClosesAndReopensRoundAndUploadsFollow()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunProcessAsync("init")).ExitCode);

        var created = await cli.RunProcessAsync([.. Create2021Q4, "--json"]);
        Assert.True(created.ExitCode == 0, created.ToString());
        var round = Assert.Single(created.JsonLines);
        Assert.Equal("2021-Q4", round.GetProperty("code").GetString());
        Assert.Equal("covid-tech-2021", round.GetProperty("template").GetString());
        Assert.Equal("2021-11-01", round.GetProperty("requestDate").GetString());
        Assert.False(round.GetProperty("closed").GetBoolean());
        Assert.Equal(Registry.ActiveDepartments(new DateOnly(2021, 11, 1)).Count, round.GetProperty("unitsExpected").GetInt32());

        var report = cli.Write("sct-q4.xlsx", new ReportBuilder { Request = null }.ToXlsx());
        var closed = await cli.RunProcessAsync("rounds", "close", "2021-Q4");
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Contains("Đã đóng đợt 2021-Q4", closed.Out, StringComparison.Ordinal);

        var refused = await cli.RunProcessAsync("ingest", report, "--round", "2021-Q4", "--json");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        var rejection = Assert.Single(refused.JsonLines);
        Assert.Equal("rejected", rejection.GetProperty("status").GetString());
        var issue = Assert.Single(rejection.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "round.closed");
        Assert.Contains("Đợt báo cáo 2021-Q4 đã đóng", issue.GetProperty("message").GetString(), StringComparison.Ordinal);

        var listed = await cli.RunProcessAsync("rounds", "list", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var q4 = Assert.Single(listed.JsonLines, r => r.GetProperty("code").GetString() == "2021-Q4");
        Assert.True(q4.GetProperty("closed").GetBoolean());
        Assert.Equal(JsonValueKind.String, q4.GetProperty("closedAt").ValueKind);

        var reopened = await cli.RunProcessAsync("rounds", "reopen", "2021-Q4");
        Assert.True(reopened.ExitCode == 0, reopened.ToString());
        var accepted = await cli.RunProcessAsync("ingest", report, "--round", "2021-Q4", "--json");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        var result = Assert.Single(accepted.JsonLines);
        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal("2021-Q4", result.GetProperty("round").GetString());
        Assert.Equal("51.SCT", result.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task RoundsSurviveInitAndSamplesAreInsertedOnce()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync(Create2021Q4)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("rounds", "close", "2021-10")).ExitCode);

        var again = await cli.RunAsync("init");

        Assert.True(again.ExitCode == 0, again.ToString());
        var rounds = (await cli.RunAsync("rounds", "list", "--json")).JsonLines.ToDictionary(r => r.GetProperty("code").GetString()!);
        Assert.Equal(["2021-10", "2021-Q4", "2025-Q3"], rounds.Keys.Order(StringComparer.Ordinal));
        Assert.True(rounds["2021-10"].GetProperty("closed").GetBoolean());
        Assert.False(rounds["2021-Q4"].GetProperty("closed").GetBoolean());
        Assert.Equal("dvc-online-2025", rounds["2025-Q3"].GetProperty("template").GetString());
    }

    [Fact]
    public async Task InvalidRoundIsRefusedWithEveryProblemInVietnamese()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var run = await cli.RunAsync("rounds", "create", "--code", "2026-Q1", "--template", "khong-co",
            "--title", "Đợt thử", "--request-document", "77/SKHCN-CĐS", "--request-date", "2026-01-10", "--deadline", "05/01/2026",
            "--types", "department,ward", "--parents", "99", "--units", "51.XYZ,51.STTTT");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--template: Không có biểu mẫu “khong-co”", run.Err, StringComparison.Ordinal);
        Assert.Contains("covid-tech-2021", run.Err, StringComparison.Ordinal);
        Assert.Contains("--deadline: Hạn nộp 05/01/2026 sớm hơn ngày yêu cầu báo cáo 10/01/2026", run.Err, StringComparison.Ordinal);
        Assert.Contains("--types: Loại đơn vị “ward” không có", run.Err, StringComparison.Ordinal);
        Assert.Contains("--parents: Không có đơn vị cấp trên mã “99”", run.Err, StringComparison.Ordinal);
        Assert.Contains("--units: Không có đơn vị mã “51.XYZ”", run.Err, StringComparison.Ordinal);
        Assert.Contains("51.STTTT (Sở Thông tin và Truyền thông tỉnh Quảng Ngãi) không còn hoạt động", run.Err, StringComparison.Ordinal);
        Assert.Contains("51.SKHCN", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-Q1", (await cli.RunAsync("rounds", "list")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateCodeAndReusedRequestAreRefused()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync(Create2021Q4)).ExitCode);

        var duplicate = await cli.RunAsync(Create2021Q4);
        var sameRequest = await cli.RunAsync([.. Create2021Q4.Select(a => a == "2021-Q4" ? "2021-Q4b" : a)]);
        var badDate = await cli.RunAsync([.. Create2021Q4.Select(a => a == "2021-Q4" ? "2021-Q4c" : a == "2021-11-10" ? "31/02/2021" : a)]);
        var unknown = await cli.RunAsync("rounds", "close", "1999-01");

        Assert.True(duplicate.ExitCode == 2, duplicate.ToString());
        Assert.Contains("--code: Đã có đợt báo cáo mã “2021-Q4”", duplicate.Err, StringComparison.Ordinal);
        Assert.True(sameRequest.ExitCode == 2, sameRequest.ToString());
        Assert.Contains("--request-document: Công văn 1550/STTTT-BCVT&CNTT đã mở đợt 2021-Q4", sameRequest.Err, StringComparison.Ordinal);
        Assert.True(badDate.ExitCode == 2, badDate.ToString());
        Assert.Contains("--deadline: “31/02/2021” không phải ngày hợp lệ", badDate.Err, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("Không có đợt báo cáo mã “1999-01”", unknown.Err, StringComparison.Ordinal);
    }
}
