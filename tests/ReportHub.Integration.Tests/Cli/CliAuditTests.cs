using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Integration.Tests.Support;
using ReportHub.Integration.Tests.Templates;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Cli;

/// <summary>
/// Every state change is in the audit log whatever its door: the CLI writes as <c>cli:OSUSER</c>, the worker as
/// <c>worker:ID</c>, with the same targets and details the API and pages write.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliAuditTests
{
    private static readonly string CliActor = "cli:" + Environment.UserName;

    private static async Task<List<JsonElement>> AuditAsync(CliWorkspace cli)
    {
        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        return [.. (await app.GetJsonAsync("/api/audit?limit=1000")).EnumerateArray()];
    }

    private static JsonElement Single(List<JsonElement> entries, string action, string? target = null) =>
        Assert.Single(entries, e => e.GetProperty("action").GetString() == action
            && (target is null || e.GetProperty("target").GetString() == target));

    private static async Task RunAsync(CliWorkspace cli, params string[] args)
    {
        var run = await cli.RunAsync(args);
        Assert.True(run.ExitCode == 0, string.Join(' ', args) + ": " + run);
    }

    [Fact]
    public async Task RoundsCreateCloseAndReopenFromTheCliAreAuditedWithTheOsUser()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();

        // The built binary, as an operator runs it: a process of its own.
        var created = await cli.RunProcessAsync("rounds", "create", "--code", "2030-T1", "--template", "covid-tech-2021",
            "--title", "Báo cáo tháng 01 năm 2030", "--request-document", "4321/SKHCN-CĐS", "--request-date", "2030-01-05",
            "--deadline", "2030-01-20", "--types", "department");
        Assert.True(created.ExitCode == 0, created.ToString());
        await RunAsync(cli, "rounds", "close", "2030-T1");
        await RunAsync(cli, "rounds", "reopen", "2030-T1");

        var entries = await AuditAsync(cli);
        var create = Single(entries, AuditActions.RoundCreated, "2030-T1");
        Assert.Equal(CliActor, create.GetProperty("actor").GetString());
        Assert.StartsWith("Báo cáo tháng 01 năm 2030; mẫu covid-tech-2021; hạn 2030-01-20; ", create.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(CliActor, Single(entries, AuditActions.RoundClosed, "2030-T1").GetProperty("actor").GetString());
        Assert.Equal(CliActor, Single(entries, AuditActions.RoundReopened, "2030-T1").GetProperty("actor").GetString());
    }

    [Fact]
    public async Task TemplatesAddFromTheCliIsAuditedOnceAndAnUnchangedDefinitionIsNot()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var file = cli.Write("dvc.json", System.Text.Encoding.UTF8.GetBytes(TemplateSamples.Services(2).Json()));

        await RunAsync(cli, "templates", "add", file);
        await RunAsync(cli, "templates", "add", file);

        var entry = Single(await AuditAsync(cli), AuditActions.TemplateAdded);
        Assert.Equal(CliActor, entry.GetProperty("actor").GetString());
        Assert.Equal($"{TemplateSamples.Id} v2", entry.GetProperty("target").GetString());
    }

    [Fact]
    public async Task IngestAndReplayFromTheCliAreAuditedPerFileButADryRunIsNot()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var good = cli.Write("sct.xlsx", await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")));
        var bad = cli.Write("thieu.xlsx", new ReportBuilder { IncludeSection2 = false }.ToXlsx());

        var (_, dry) = await cli.IngestAsync([good], "--dry-run");
        Assert.Equal("accepted", Assert.Single(dry).GetProperty("status").GetString());
        Assert.DoesNotContain(await AuditAsync(cli), e => e.GetProperty("action").GetString() == AuditActions.Ingest);

        var (_, results) = await cli.IngestAsync([good, bad]);
        var replay = await cli.RunAsync("replay", "--rejected", "--json");
        Assert.True(replay.ExitCode is 0 or 1, replay.ToString());

        var entries = await AuditAsync(cli);
        var accepted = Single(entries, AuditActions.Ingest, "#" + results[0].GetProperty("submissionId").GetInt64());
        Assert.Equal(CliActor, accepted.GetProperty("actor").GetString());
        Assert.Equal("sct.xlsx: accepted; đơn vị 51.SCT; đợt 2021-10", accepted.GetProperty("detail").GetString());
        var rejected = Single(entries, AuditActions.Ingest, "#" + results[1].GetProperty("submissionId").GetInt64());
        Assert.StartsWith("thieu.xlsx: rejected", rejected.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var replayed = Single(entries, AuditActions.Replay);
        Assert.Equal(CliActor, replayed.GetProperty("actor").GetString());
        Assert.StartsWith("thieu.xlsx: rejected", replayed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAndKeysCommandsAreAuditedWithTheOsUser()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        using (var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString))
        {
            var made = await app.Services.GetRequiredService<AccountService>()
                .CreateAsync("vanthu", "Văn thư", Roles.Department, "51.SCT", "mat-khau-vanthu-2025", CancellationToken.None);
            Assert.True(made.Succeeded, made.Error);
        }

        await RunAsync(cli, "users", "disable", "vanthu");
        await RunAsync(cli, "users", "enable", "vanthu");
        var key = await cli.RunAsync("keys", "create", "--role", "department", "--unit", "51.SCT");
        Assert.True(key.ExitCode == 0, key.ToString());
        var prefix = key.Lines[^1].Split('_')[1];
        await RunAsync(cli, "keys", "revoke", prefix);

        var entries = await AuditAsync(cli);
        Assert.Equal(CliActor, Single(entries, AuditActions.UserDisabled, "vanthu").GetProperty("actor").GetString());
        Assert.Equal(CliActor, Single(entries, AuditActions.UserEnabled, "vanthu").GetProperty("actor").GetString());
        var created = Single(entries, AuditActions.KeyCreated, prefix);
        Assert.Equal(CliActor, created.GetProperty("actor").GetString());
        // The same words the admin page writes for a key.
        Assert.Equal("vai trò Đơn vị báo cáo; đơn vị 51.SCT", created.GetProperty("detail").GetString());
        Assert.Equal(CliActor, Single(entries, AuditActions.KeyRevoked, prefix).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task WorkerIngestOfAnInboxFileIsAuditedWithTheWorkerId()
    {
        using var cli = new CliWorkspace(settings: [new("Ingest:WorkerId", "hopthu-1")]);
        await cli.InitAsync();
        Directory.CreateDirectory(cli.Inbox);
        var path = Path.Combine(cli.Inbox, "sct.xlsx");
        await File.WriteAllBytesAsync(path, await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        var run = await cli.RunAsync("watch", "--drain");
        Assert.True(run.ExitCode == 0, run.ToString());

        var entry = Single(await AuditAsync(cli), AuditActions.Ingest);
        Assert.Equal("worker:hopthu-1", entry.GetProperty("actor").GetString());
        Assert.Matches(@"^#\d+$", entry.GetProperty("target").GetString());
        Assert.Equal("sct.xlsx: accepted; đơn vị 51.SCT; đợt 2021-10", entry.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WorkerWithoutAConfiguredIdIsNamedByHostAndProcess()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        Directory.CreateDirectory(cli.Inbox);
        var path = Path.Combine(cli.Inbox, "sct.xlsx");
        await File.WriteAllBytesAsync(path, await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        var run = await cli.RunAsync("watch", "--drain");
        Assert.True(run.ExitCode == 0, run.ToString());

        var actor = Single(await AuditAsync(cli), AuditActions.Ingest).GetProperty("actor").GetString();
        Assert.StartsWith($"worker:{Environment.MachineName}:{Environment.ProcessId}:", actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerStillStoresTheFileWhenTheAuditLogRefusesItsEntry()
    {
        using var cli = new CliWorkspace(settings: [new("Ingest:WorkerId", "hopthu-2")]);
        await cli.InitAsync();
        Sabotage.RefuseInserts(cli.ConnectionString, "audit_log");
        Directory.CreateDirectory(cli.Inbox);
        var path = Path.Combine(cli.Inbox, "sct.xlsx");
        await File.WriteAllBytesAsync(path, await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1));

        var run = await cli.RunAsync("watch", "--drain");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Could not write the audit entry for sct.xlsx", run.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(cli.Inbox, "*", SearchOption.AllDirectories));
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
    }
}
