using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReportHub.Aggregate;
using ReportHub.Aggregate.Rollups;
using ReportHub.Bench.Generation;
using ReportHub.Core.Domain;
using ReportHub.Pipeline;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Rounds;
using ReportHub.Pipeline.Templates;
using ReportHub.Warehouse.Connections;
using static ReportHub.Bench.Run.Measure;

namespace ReportHub.Bench.Run;

/// <summary>
/// W3: a warehouse of many weekly rounds × 32 units, made in-process through the product's own services (rounds by
/// RoundService, figures by IngestService from small CSV reports that cite each round's request), then
/// RollupService.TotalsAsync and UnitsAsync timed one call at a time over random rounds (the cached steady state),
/// then RollupService.ComputeAsync the same way (the uncached computation a new submission costs).
/// </summary>
internal static class RollupLatency
{
    private const double GoalMs = 5;

    public static async Task<ResultRow> RunAsync(BenchSettings settings)
    {
        var database = Path.Combine(settings.WorkDir, "w3.db");
        Tools.InitWarehouse(database);
        using var host = BuildHost(database);
        var services = host.Services;
        await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<TemplateRegistry>().RegisterShippedAsync(CancellationToken.None);

        var fill = Stopwatch.StartNew();
        var registry = UnitRegistry.ValidOn(Path.Combine(Paths.Samples, "reference", "units.csv"), new DateOnly(2019, 1, 7));
        var units = registry.Take(settings.Units).ToArray();
        var rounds = new List<(RoundCitation Citation, ExpectedRound Expected)>();
        var ingest = services.GetRequiredService<IngestService>();
        for (var r = 0; r < settings.W3Rounds; r++)
        {
            var citation = new RoundCitation
            {
                Code = F($"B3-{r + 1:000}"),
                RequestDocument = F($"{3000 + r}/STTTT-BCVT&CNTT"),
                RequestDate = new DateOnly(2019, 1, 7).AddDays(7 * r),
            };
            var created = await services.GetRequiredService<RoundService>().CreateAsync(new RoundDraft
            {
                Code = citation.Code,
                Title = F($"Báo cáo tuần {r + 1} về ứng dụng công nghệ trong phòng, chống dịch"),
                Template = "covid-tech-2021",
                RequestDocument = citation.RequestDocument,
                RequestDate = citation.RequestDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Deadline = citation.RequestDate.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Expected = new RoundExpectation { Types = ["department", "district"], Parents = ["51"] },
            }, CancellationToken.None);
            if (created.Round is null)
            {
                throw new BenchFailure($"W3: round {citation.Code} not created: {string.Join("; ", created.Problems.Select(p => p.Field + ": " + p.Message))}");
            }
            var files = new List<ExpectedFile>();
            for (var u = 0; u < units.Length; u++)
            {
                var appendix = AppendixBuilder.Build(units[u], u, settings.W3QrRows, citation, seed: 1000 + r);
                var result = await ingest.IngestAsync(new IngestRequest
                {
                    FileName = F($"{citation.Code}-{units[u].Code}.csv"),
                    Content = AppendixWriters.Csv(appendix),
                    Source = "bench",
                    ReceivedAt = new DateTimeOffset(citation.RequestDate.AddDays(3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)),
                }, CancellationToken.None);
                if (result.Status != "accepted" || result.Round != citation.Code || result.Unit != units[u].Code)
                {
                    throw new BenchFailure($"W3: {citation.Code} {units[u].Code}: {result.Status} as {result.Round}/{result.Unit}: {string.Join("; ", result.Issues.Select(i => i.Code + " " + i.Message))}");
                }
                files.Add(new ExpectedFile
                {
                    File = "", Unit = units[u].Code, Round = citation.Code, Layout = appendix.Layout,
                    Directives = appendix.Directives, QrCodes = appendix.QrCodes, QrScans = appendix.QrScans,
                });
            }
            rounds.Add((citation, new ExpectedRound
            {
                Round = citation.Code, Files = files,
                Directives = files.Sum(f => f.Directives), QrCodes = files.Sum(f => f.QrCodes), QrScans = files.Sum(f => f.QrScans),
            }));
        }
        fill.Stop();
        Console.WriteLine(F($"  W3 fill: {settings.W3Rounds} rounds × {units.Length} units ingested in-process in {fill.Elapsed.TotalSeconds:0.0} s ({settings.W3Rounds * units.Length / fill.Elapsed.TotalSeconds:0} files/s)"));

        var rollups = services.GetRequiredService<RollupService>();
        foreach (var (citation, expected) in rounds)
        {
            var totals = await rollups.TotalsAsync(citation.Code, CancellationToken.None)
                ?? throw new BenchFailure($"W3: no totals for {citation.Code}");
            Expect(F($"W3 totals of {citation.Code}"), (totals.Fields?.Get("directives") ?? -1, totals.Fields?.Get("qrCodes") ?? -1, totals.Fields?.Get("qrScans") ?? -1), expected);
            var unitRows = await rollups.UnitsAsync(citation.Code, CancellationToken.None)
                ?? throw new BenchFailure($"W3: no units for {citation.Code}");
            if (unitRows.Count(u => u.Status != UnitStatuses.Missing) != units.Length)
            {
                throw new BenchFailure(F($"W3: {citation.Code} lists {unitRows.Count(u => u.Status != UnitStatuses.Missing)} reporting units, {units.Length} reported"));
            }
        }

        // Steady state: what the API serves between two submissions, the fingerprint query and a cache hit.
        var rng = new Random(42);
        var totalsMs = new List<double>();
        var unitsMs = new List<double>();
        for (var i = 0; i < settings.W3Iterations + 50; i++)
        {
            var code = rounds[rng.Next(rounds.Count)].Citation.Code;
            var sw = Stopwatch.StartNew();
            _ = await rollups.TotalsAsync(code, CancellationToken.None);
            var t = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            _ = await rollups.UnitsAsync(code, CancellationToken.None);
            var u = sw.Elapsed.TotalMilliseconds;
            if (i >= 50)
            {
                totalsMs.Add(t);
                unitsMs.Add(u);
            }
        }

        // Uncached: the computation the first call after a submission pays, one call giving both totals and units.
        // Its answers are checked too, so a fast wrong computation cannot pass.
        var computeMs = new List<double>();
        for (var i = 0; i < settings.W3Iterations + 50; i++)
        {
            var (citation, expected) = rounds[rng.Next(rounds.Count)];
            var sw = Stopwatch.StartNew();
            var computed = await rollups.ComputeAsync(citation.Code, CancellationToken.None)
                ?? throw new BenchFailure($"W3: no uncached rollup for {citation.Code}");
            var c = sw.Elapsed.TotalMilliseconds;
            Expect(F($"W3 uncached totals of {citation.Code}"), (computed.Totals.Fields?.Get("directives") ?? -1, computed.Totals.Fields?.Get("qrCodes") ?? -1, computed.Totals.Fields?.Get("qrScans") ?? -1), expected);
            if (computed.Units.Count(u => u.Status != UnitStatuses.Missing) != units.Length)
            {
                throw new BenchFailure(F($"W3: uncached {citation.Code} lists {computed.Units.Count(u => u.Status != UnitStatuses.Missing)} reporting units, {units.Length} reported"));
            }
            if (i >= 50)
            {
                computeMs.Add(c);
            }
        }

        var (t50, t99) = (Percentile(totalsMs, 50), Percentile(totalsMs, 99));
        var (u50, u99) = (Percentile(unitsMs, 50), Percentile(unitsMs, 99));
        var (c50, c99) = (Percentile(computeMs, 50), Percentile(computeMs, 99));
        var worst = Math.Max(Math.Max(t99, u99), c99);
        return new ResultRow
        {
            Workload = F($"W3: round totals and per-unit table, warehouse of {settings.W3Rounds} rounds × {units.Length} units ({settings.W3Iterations:N0} calls each, in-process)"),
            ReportHub = F($"cached (steady state): totals p50 {t50:0.00} ms / p99 {t99:0.00} ms, units p50 {u50:0.00} ms / p99 {u99:0.00} ms; uncached (totals + units in one computation): p50 {c50:0.00} ms / p99 {c99:0.00} ms"),
            Ratio = F($"worst p99 at {worst / GoalMs:0.00}× the limit"),
            Goal = "p99 ≤ 5 ms each, cached and uncached",
            Met = worst <= GoalMs ? "yes" : F($"no: p99 {worst - GoalMs:0.0} ms over"),
        };
    }

    private static IHost BuildHost(string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [$"--Warehouse:Provider=Sqlite", $"--Warehouse:ConnectionString=Data Source={database}"],
            ContentRootPath = Paths.Repo,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddRollups();
        builder.Services.AddAccess(builder.Configuration);
        return builder.Build();
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
