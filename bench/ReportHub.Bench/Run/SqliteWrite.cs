using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Bench.Run;

/// <summary>
/// The warehouse write of one big report on SQLite, alone: <see cref="SubmissionStore.SaveAsync"/> of a generated
/// report (N QR rows, so N + directives table_rows) into a fresh, migrated SQLite file, timed per run
/// (wall and process CPU). Reading and checking the file are left out so that the write is what is measured.
/// </summary>
internal static class SqliteWrite
{
    public static async Task<int> RunAsync(int qrRows, int runs, string workDir)
    {
        Directory.CreateDirectory(workDir);
        var report = Report(qrRows);
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var database = Path.Combine(workDir, $"sqlite-write-{run}.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
            var db = new Db(new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={database}" });
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
            var store = new SubmissionStore(db);
            var content = System.Text.Encoding.UTF8.GetBytes($"sqlite-write {run} {qrRows}");

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var id = await store.SaveAsync(new NewSubmission
            {
                FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                FileName = "bao-cao.xlsx",
                Content = content,
                Source = "bench",
                ReceivedAt = new DateTimeOffset(2021, 10, 28, 9, 0, 0, TimeSpan.FromHours(7)),
                Outcome = Outcomes.Accepted,
                UnitCode = "51.SCT",
                RoundCode = "2021-10",
                ParserVersion = "bench",
                Report = report,
            }, CancellationToken.None);
            wall.Stop();
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            walls.Add(wall.Elapsed.TotalMilliseconds);
            cpus.Add(cpuMs);

            var saved = await store.GetAsync(id, CancellationToken.None);
            if (saved is null || FirstTemplate.Figure(saved.Figures, "qrCodes") != FirstTemplate.Figure(report.Figures, "qrCodes")
                || FirstTemplate.Figure(saved.Figures, "qrScans") != FirstTemplate.Figure(report.Figures, "qrScans"))
            {
                await Console.Error.WriteLineAsync($"sqlite-write: submission {id} stored other totals than the report's");
                return 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: {qrRows} QR rows, SaveAsync {wall.Elapsed.TotalMilliseconds:F0} ms wall, {cpuMs:F0} ms CPU, {qrRows / wall.Elapsed.TotalSeconds:F0} rows/s"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {runs}: SaveAsync {Median(walls):F0} ms wall, {Median(cpus):F0} ms CPU"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Rows like a district's: Vietnamese names, some notes (empty, multi-line, none), large counts.</summary>
    private static ParsedReport Report(int qrRows)
    {
        var directives = Enumerable.Range(1, 4).Select(i => new ParsedRow
        {
            Ordinal = i,
            Cell = $"B{8 + i}",
            Values = new Dictionary<string, FieldValue>
            {
                ["ordinal"] = Count(i),
                ["content"] = new() { Text = $"Chỉ đạo số {i} về việc triển khai, sử dụng các biện pháp công nghệ phòng, chống dịch Covid-19" },
                ["citation"] = new()
                {
                    Text = $"{780 + i}/SCT-VP ngày 07/05/2021", Code = $"{780 + i}/SCT-VP", Date = new DateOnly(2021, 5, 7),
                },
                ["recipients"] = new()
                {
                    Text = "UBND các huyện, thị xã, thành phố.\nChợ Đầu mối Nông sản Quảng Ngãi.",
                    Items = ["UBND các huyện, thị xã, thành phố.", "Chợ Đầu mối Nông sản Quảng Ngãi."],
                },
            },
        }).ToList();
        var qr = Enumerable.Range(1, qrRows).Select(i =>
        {
            var values = new Dictionary<string, FieldValue>
            {
                ["ordinal"] = Count(i),
                ["entity"] = new() { Text = $"Cửa hàng bách hóa tổng hợp Hương Giang số {i}, xã Bình Thạnh, huyện Bình Sơn" },
                ["qrCodes"] = Count(i % 7),
                ["qrScans"] = Count((i * 37L) % 100_000),
            };
            // An empty note is an empty cell: the parser keeps no value for it.
            if ((i % 4) switch { 2 => "đã cập nhật", 3 => $"ghi chú {i}\nhai dòng", _ => null } is { } note)
            {
                values["note"] = new() { Text = note };
            }
            return new ParsedRow { Ordinal = i, Cell = string.Create(CultureInfo.InvariantCulture, $"C{20 + i}"), Values = values };
        }).ToList();
        var tables = new Dictionary<string, ParsedTable>(StringComparer.Ordinal)
        {
            ["directives"] = new() { Section = "directives", Rows = directives },
            ["qr"] = new() { Section = "qr", Rows = qr },
        };
        return new ParsedReport
        {
            TemplateId = FirstTemplate.Id,
            Sheet = "Phụ lục",
            Header = new ReportHeader { SignerName = "Nguyễn Đức Huy" },
            Tables = tables,
            Figures = Core.Measures.Figures.Compute(FirstTemplate.Definition, tables),
        };
    }

    private static FieldValue Count(long value) => new() { Text = value.ToString(CultureInfo.InvariantCulture), Number = value };
}
