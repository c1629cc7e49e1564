using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using ReportHub.Integration.Tests.Support;
using ReportHub.Warehouse.Resilience;

namespace ReportHub.Integration.Tests.Intake;

[Collection(ConsoleCollection.Name)]
public sealed class SaveFailureTests
{
    [Fact]
    public async Task RowsTheWarehouseRefusesEndInARecordedRejectionWithoutRows()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Sabotage.RefuseInserts(cli.ConnectionString, "table_rows");
        var path = cli.Write("seed.xlsx", ReportBuilder.Seed().ToXlsx());

        var run = await cli.RunAsync("ingest", path, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var result = Assert.Single(run.JsonLines);
        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal("warehouse.save-failed", Assert.Single(result.GetProperty("issues").EnumerateArray()).GetProperty("code").GetString());
        var id = result.GetProperty("submissionId").GetInt64();
        using var app = new ReportHubApp(connectionString: cli.ConnectionString);
        var detail = await app.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal("rejected", detail.GetProperty("outcome").GetString());
        Assert.False(detail.TryGetProperty("directives", out _));
        Assert.Empty(detail.GetProperty("figures").EnumerateObject());
        var issue = Assert.Single(detail.GetProperty("issues").EnumerateArray());
        Assert.Contains("Không lưu được số liệu của tệp “seed.xlsx”", issue.GetProperty("message").GetString());
        Assert.Equal("Toàn bộ tệp", issue.GetProperty("location").GetString());
        Assert.Equal(0, (await app.TotalsAsync()).GetProperty("unitsReported").GetInt32());
    }

    [Fact]
    public async Task InboxQuarantinesAFileWhoseRejectionCannotBeRecordedEitherAndDrainEnds()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Sabotage.RefuseInserts(cli.ConnectionString, "submissions");
        Directory.CreateDirectory(cli.Inbox);
        var report = ReportBuilder.Seed().ToXlsx();
        var inboxFile = Path.Combine(cli.Inbox, "seed.xlsx");
        await File.WriteAllBytesAsync(inboxFile, report);
        File.SetLastWriteTimeUtc(inboxFile, DateTime.UtcNow.AddMinutes(-1));

        var drain = cli.RunAsync("watch", "--drain");
        var finished = await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == drain, "watch --drain kept retrying a file the warehouse refuses");
        var run = await drain;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(inboxFile));
        var sha = Convert.ToHexStringLower(SHA256.HashData(report));
        Assert.Equal(report, await File.ReadAllBytesAsync(Path.Combine(cli.Quarantine, sha + ".xlsx")));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cli.Quarantine, sha + ".json"))).RootElement;
        Assert.Equal("rejected", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("submissionId").ValueKind);
        var issue = Assert.Single(json.GetProperty("issues").EnumerateArray());
        Assert.Equal("warehouse.save-failed", issue.GetProperty("code").GetString());
        Assert.Contains("thư mục cách ly", issue.GetProperty("message").GetString());
        Assert.Equal("Toàn bộ tệp", issue.GetProperty("location").GetString());
    }

    public static TheoryData<string, bool> PostgresStates => new()
    {
        { "22021", true }, { "22001", true }, { "23505", true }, { "23514", true }, { "54000", true }, { "42P01", true },
        { "40001", false }, { "40P01", false }, { "08006", false }, { "57P01", false }, { "53300", false },
    };

    [Theory]
    [MemberData(nameof(PostgresStates))]
    public void PostgresErrorsAreClassifiedByTheirState(string state, bool permanent)
    {
        var error = new PostgresException("test", "ERROR", "ERROR", state);
        Assert.Equal(permanent, TransientErrors.IsPermanent(error));
        Assert.Equal(!permanent, TransientErrors.IsTransient(error));
        Assert.Contains(state, TransientErrors.Describe(error));
    }

    [Theory]
    [InlineData(19, 1811, true)]
    [InlineData(19, 2067, true)]
    [InlineData(18, 18, true)]
    [InlineData(20, 20, true)]
    [InlineData(5, 5, false)]
    [InlineData(6, 6, false)]
    public void SqliteErrorsAreClassifiedByTheirCode(int code, int extended, bool permanent)
    {
        var error = new SqliteException("test", code, extended);
        Assert.Equal(permanent, TransientErrors.IsPermanent(error));
        Assert.Equal(!permanent, TransientErrors.IsTransient(error));
    }

    [Theory]
    [InlineData(8152, true)]
    [InlineData(2628, true)]
    [InlineData(547, true)]
    [InlineData(2627, true)]
    [InlineData(515, true)]
    [InlineData(1205, false)]
    [InlineData(40613, false)]
    public void SqlServerErrorsAreClassifiedByTheirNumber(int number, bool permanent)
    {
        var error = SqlServerErrors.Create(number);
        Assert.Equal(number, error.Number);
        Assert.Equal(permanent, TransientErrors.IsPermanent(error));
    }

    [Fact]
    public void CancellationAndConnectionLossAreNeverPermanent()
    {
        Assert.False(TransientErrors.IsPermanent(new OperationCanceledException()));
        Assert.False(TransientErrors.IsPermanent(new NpgsqlException("connection lost", new IOException("reset"))));
        Assert.False(TransientErrors.IsPermanent(new InvalidOperationException("not a database error")));
    }
}
