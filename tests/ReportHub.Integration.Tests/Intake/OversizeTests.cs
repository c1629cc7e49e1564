using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Intake;

[Collection(ConsoleCollection.Name)]
public sealed class OversizeTests
{
    private const int Limit = 1024 * 1024;

    /// <summary>A CSV of about <paramref name="bytes"/> bytes: rows of text, as a runaway export would be.</summary>
    private static byte[] BigCsv(int bytes)
    {
        var line = Encoding.UTF8.GetBytes("Sở Công Thương,01,541,ghi chú dài cho đủ dung lượng\r\n");
        var content = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            content[i] = line[i % line.Length];
        }
        return content;
    }

    [Fact]
    public async Task CliRecordsFileOverTheLimitByNameSizeAndHashWithoutItsBytes()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var big = BigCsv(3 * Limit + 17);
        var path = cli.Write("qua-lon.csv", big);

        var run = await cli.RunAsync("ingest", path, "--json", $"--Ingest:MaxFileBytes={Limit}");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = Assert.Single(run.JsonLines);
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        var issue = Assert.Single(result.GetProperty("issues").EnumerateArray());
        Assert.Equal("file.too-large", issue.GetProperty("code").GetString());
        Assert.Contains("vượt quá giới hạn 1 MB", issue.GetProperty("message").GetString());
        Assert.Equal("Toàn bộ tệp", issue.GetProperty("location").GetString());
        var id = result.GetProperty("submissionId").GetInt64();

        using var app = new ReportHubApp(connectionString: cli.ConnectionString);
        var detail = await app.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal(big.Length, detail.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(big)), detail.GetProperty("sha256").GetString());
        Assert.Equal("qua-lon.csv", detail.GetProperty("file").GetString());
        Assert.False(detail.GetProperty("fileStored").GetBoolean());
        var file = await app.GetJsonAsync($"/api/submissions/{id}/file", HttpStatusCode.NotFound);
        Assert.Equal("Không có tệp gốc", file.GetProperty("title").GetString());
        Assert.Contains("vượt quá dung lượng cho phép nên không được lưu lại", file.GetProperty("detail").GetString());

        // Nothing to replay: the bytes were never kept.
        var replay = await cli.RunAsync("replay", "--rejected", "--json");
        Assert.True(replay.ExitCode == 0 && replay.Lines.Count == 0, replay.ToString());
    }

    [Fact]
    public async Task SameBytesUnderAHigherLimitAreKeptAfterAll()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var report = ReportBuilder.Seed().ToCsv();
        var path = cli.Write("seed.csv", report);

        var refused = Assert.Single((await cli.RunAsync("ingest", path, "--json", "--Ingest:MaxFileBytes=100")).JsonLines);
        Assert.Equal("file.too-large", refused.GetProperty("issues")[0].GetProperty("code").GetString());
        var accepted = Assert.Single((await cli.RunAsync("ingest", path, "--json")).JsonLines);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());

        using var app = new ReportHubApp(connectionString: cli.ConnectionString);
        var response = await app.CreateClient().GetAsync($"/api/submissions/{accepted.GetProperty("submissionId").GetInt64()}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(report, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task InboxQuarantinesAnOversizedFileWithItsJsonAndNeverRetriesIt()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Directory.CreateDirectory(cli.Inbox);
        var big = BigCsv(2 * Limit);
        var inboxFile = Path.Combine(cli.Inbox, "qua-lon.csv");
        await File.WriteAllBytesAsync(inboxFile, big);
        File.SetLastWriteTimeUtc(inboxFile, DateTime.UtcNow.AddMinutes(-1));

        var run = await cli.RunAsync("watch", "--drain", $"--Ingest:MaxFileBytes={Limit}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(inboxFile));
        var sha = Convert.ToHexStringLower(SHA256.HashData(big));
        Assert.Equal(big, await File.ReadAllBytesAsync(Path.Combine(cli.Quarantine, sha + ".csv")));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Quarantine, sha + ".json"))).RootElement;
        Assert.Equal("rejected", json.GetProperty("status").GetString());
        var issue = Assert.Single(json.GetProperty("issues").EnumerateArray());
        Assert.Equal("file.too-large", issue.GetProperty("code").GetString());
        Assert.Equal("Toàn bộ tệp", issue.GetProperty("location").GetString());

        // A second drain finds nothing to do: the file is not picked up again.
        var again = await cli.RunAsync("watch", "--drain", $"--Ingest:MaxFileBytes={Limit}");
        Assert.True(again.ExitCode == 0, again.ToString());
        using var app = new ReportHubApp(connectionString: cli.ConnectionString);
        var id = json.GetProperty("submissionId").GetInt64();
        Assert.False((await app.GetJsonAsync($"/api/submissions/{id}")).GetProperty("fileStored").GetBoolean());
        await app.GetJsonAsync($"/api/submissions/{id + 1}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task QuarantineJsonCarriesTheLocationOfEachIssue()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Directory.CreateDirectory(cli.Inbox);
        var builder = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", -1L, 541L)] };
        var bad = builder.ToXlsx();
        var cell = builder.Cells["qr.0.codes"];
        var inboxFile = Path.Combine(cli.Inbox, "am.xlsx");
        await File.WriteAllBytesAsync(inboxFile, bad);
        File.SetLastWriteTimeUtc(inboxFile, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(0, (await cli.RunAsync("watch", "--drain")).ExitCode);

        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Quarantine, Convert.ToHexStringLower(SHA256.HashData(bad)) + ".json"))).RootElement;
        var negative = json.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "value.negative");
        Assert.Equal(cell, negative.GetProperty("cell").GetString());
        Assert.Contains($"ô {cell}", negative.GetProperty("location").GetString());
    }
}
