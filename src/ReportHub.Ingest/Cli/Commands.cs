using ReportHub.Readers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Intake;
using ReportHub.Pipeline.Reference;
using ReportHub.Pipeline.Sources;
using ReportHub.Pipeline.Worker;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Resilience;

namespace ReportHub.Ingest.Cli;

internal static class Commands
{
    public static async Task<int> InitAsync(string[] config, CancellationToken ct)
    {
        using var host = CliHost.Build(config, level: LogLevel.Information);
        await PrepareAsync(host.Services, ct);
        var samples = SamplesFolder.Find(host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Samples:Path"])
            ?? throw new ConfigurationException("Không tìm thấy thư mục samples/ (cần samples/reference/units.csv). Hãy chạy lệnh từ thư mục gốc của ReportHub hoặc đặt Samples:Path.");
        var (units, rounds) = await host.Services.GetRequiredService<ReferenceLoader>().LoadAsync(Path.Combine(samples, "reference"), ct);
        Console.WriteLine($"Warehouse ready: {units} units, {rounds} new rounds loaded from {samples}.");
        return CliApp.Ok;
    }

    public static async Task<int> IngestAsync(string[] config, string[] paths, string? round, string? unit, bool json, bool dryRun, CancellationToken ct)
    {
        var files = Expand(paths);
        using var host = CliHost.Build(config);
        await PrepareAsync(host.Services, ct);
        var ingest = host.Services.GetRequiredService<IngestService>();
        var source = host.Services.GetRequiredService<FileSource>();
        var hints = new SenderHints { Round = round, Unit = unit, DryRun = dryRun };
        var audit = host.Services.GetRequiredService<AuditLog>();
        var anyRejected = false;
        await CliProgress.RunAsync(json || files.Count < 2, files.Count, progress => ingest.IngestManyAsync(files,
            async (file, token) =>
            {
                progress.Starting(file);
                return await source.ReadAsync(file, hints, token);
            },
            async (file, result) =>
            {
                anyRejected |= result.Rejected;
                if (!dryRun)
                {
                    await audit.WriteIngestAsync(AuditActors.Cli, AuditActions.Ingest, result, ct);
                }
                progress.Done(json ? CliJson.Line(result with { File = file }) : Describe(result with { File = file }));
            }, ct));
        return anyRejected ? CliApp.Rejected : CliApp.Ok;
    }

    public static async Task<int> TotalsAsync(string[] config, string round, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await PrepareAsync(host.Services, ct);
        var totals = await host.Services.GetRequiredService<RollupService>().TotalsAsync(round, ct)
            ?? throw new ConfigurationException($"Không có đợt báo cáo “{round}”.");
        if (json)
        {
            Console.WriteLine(CliJson.Line(totals));
            return CliApp.Ok;
        }
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        Console.WriteLine($"Đợt {totals.Round}: {totals.UnitsReported}/{totals.UnitsExpected} đơn vị đã báo cáo " +
            $"(đúng hạn {totals.UnitsOnTime}, trễ hạn {totals.UnitsLate}, chưa gửi {totals.UnitsMissing})");
        var rollups = host.Services.GetRequiredService<RollupService>();
        var roundRecord = await host.Services.GetRequiredService<ReferenceStore>().RoundAsync(totals.Round, ct);
        var definition = roundRecord is null ? null : await rollups.DefinitionAsync(roundRecord, ct);
        foreach (var (key, label, indicator) in FigureLines(definition, totals.Figures))
        {
            // A figure no unit reported is said to be missing, never printed as a 0 an official could copy.
            var shown = totals.Figures.TryGetValue(key, out var value) ? value.ToString("#,##0.##", vi)
                : indicator ? "chưa tính được (không có đơn vị nào báo cáo đủ tử số và mẫu số, hoặc mẫu số bằng 0)"
                : "chưa có số liệu";
            var covered = totals.Coverage.TryGetValue(key, out var units) && units < totals.UnitsReported && totals.Figures.ContainsKey(key)
                ? $" (trên {units}/{totals.UnitsReported} đơn vị đã báo cáo)"
                : "";
            Console.WriteLine($"  {label}: {shown}{covered}");
        }
        return CliApp.Ok;
    }

    /// <summary>Each measure and indicator of the template, labelled as the definition labels it, in its order.</summary>
    private static IEnumerable<(string Key, string Label, bool Indicator)> FigureLines(TemplateDefinition? definition, IReadOnlyDictionary<string, decimal> figures)
    {
        if (definition is null)
        {
            return figures.Keys.Select(k => (k, k, false));
        }
        return definition.Measures.Select(m => (m.Key, m.Label, false))
            .Concat(definition.Indicators.Select(i => (i.Key, i.Label, true)));
    }

    public static async Task<int> WatchAsync(string[] config, bool drain, CancellationToken ct)
    {
        using var host = CliHost.Build(config, worker: !drain, level: LogLevel.Information);
        await PrepareWorkerAsync(host.Services, ct);
        if (!drain)
        {
            // The generic host stops on SIGINT and SIGTERM and lets the current file finish.
            await host.RunAsync(ct);
            return CliApp.Ok;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Command-line invocation leaves signals to us (no forced exit), so both stop the drain between files.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        var givenUp = await host.Services.GetRequiredService<IngestWorkerLoop>().RunAsync(drain: true, stop.Token);
        foreach (var source in givenUp)
        {
            await Console.Error.WriteLineAsync($"Nguồn {source} không trả lời; đã bỏ qua trong lần chạy này.");
        }
        return CliApp.Ok;
    }

    /// <summary>
    /// Migrates before the worker starts. Several workers may start at once against one server warehouse: the one
    /// that loses the race to apply a migration finds it applied on the next try. Transient errors are retried too.
    /// </summary>
    private static async Task PrepareWorkerAsync(IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("watch");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await services.GetRequiredService<WarehouseResilience>().ExecuteAsync(async t => await CliHost.MigrateAsync(services, t), ct);
                return;
            }
            catch (DbException ex) when (attempt < 5)
            {
                logger.LogWarning("Migrating the warehouse failed ({Error}); another worker may be migrating it. Retrying.", ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), ct);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
            {
                throw new ConfigurationException($"Không kết nối được kho dữ liệu (Warehouse): {ex.Message}");
            }
        }
    }

    public static async Task<int> ReplayAsync(string[] config, bool onlyRejected, bool json, CancellationToken ct)
    {
        using var host = CliHost.Build(config);
        await PrepareAsync(host.Services, ct);
        var anyRejected = false;
        var replay = host.Services.GetRequiredService<ReplaySource>();
        var audit = host.Services.GetRequiredService<AuditLog>();
        var ids = await replay.ReplayableAsync(onlyRejected, ct);
        await CliProgress.RunAsync(json, ids.Count, progress => replay.ReplayAsync(ids, async replayed =>
        {
            anyRejected |= replayed.Result.Rejected;
            await audit.WriteIngestAsync(AuditActors.Cli, AuditActions.Replay, replayed.Result, ct);
            progress.Starting(replayed.Result.File);
            progress.Done(json ? CliJson.Line(replayed.Result) : $"#{replayed.Id} → {Describe(replayed.Result)}");
        }, ct));
        return anyRejected ? CliApp.Rejected : CliApp.Ok;
    }

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await CliHost.MigrateAsync(services, ct);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
        {
            throw new ConfigurationException($"Không kết nối được kho dữ liệu (Warehouse): {ex.Message}");
        }
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // A folder holds notes and manifests too; only spreadsheets and Word letters are reports.
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && ReportFormats.IsReportFile(f)
                        && InboxEntry.KindOfTarget(f) != EntryKind.Special)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                if (InboxEntry.KindOfTarget(path) == EntryKind.Special)
                {
                    // Reading a FIFO or device would block or never end.
                    throw new ConfigurationException($"“{path}” không phải tệp thông thường (FIFO hoặc thiết bị). Hãy chỉ định tệp báo cáo .xlsx, .xls hoặc .csv.");
                }
                files.Add(path);
            }
            else
            {
                throw new ConfigurationException($"Không tìm thấy tệp hoặc thư mục: {path}");
            }
        }
        return files;
    }

    private static string AcceptedFigures(IngestResult r) =>
        $"mẫu {r.Template}: " + string.Join(", ", r.Figures.Select(f => $"{f.Key} = {f.Value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"))}"));

    private static string Describe(IngestResult r)
    {
        var head = r.Status switch
        {
            "accepted" => $"ĐÃ NHẬN  {r.File}: đơn vị {r.Unit}, đợt {r.Round}, {AcceptedFigures(r)} (mã #{r.SubmissionId})",
            "duplicate" => $"TRÙNG    {r.File}: đã nhận trước đây (mã #{r.SubmissionId}), không thay đổi gì",
            _ => $"TỪ CHỐI  {r.File}",
        };
        var lines = r.Issues.Select(i => $"    [{(i.Severity == "error" ? "lỗi" : "lưu ý")}] {(i.Cell is null ? "" : $"{i.Sheet}!{i.Cell}: ")}{i.Message} ({i.Code})");
        return string.Join(Environment.NewLine, lines.Prepend(head));
    }
}
