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
/// report (N QR rows, so N qr_rows and N + directives table_rows) into a fresh, migrated SQLite file, timed per run
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
            if (saved?.QrCodes != report.QrCodes || saved.QrScans != report.QrScans)
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
    private static ParsedReport Report(int qrRows) => new()
    {
        TemplateId = "covid-tech-2021",
        Sheet = "Phụ lục",
        Header = new ReportHeader { SignerName = "Nguyễn Đức Huy" },
        Directives = Enumerable.Range(1, 4).Select(i => new DirectiveRow
        {
            Ordinal = i,
            Content = $"Chỉ đạo số {i} về việc triển khai, sử dụng các biện pháp công nghệ phòng, chống dịch Covid-19",
            CitationText = $"{780 + i}/SCT-VP ngày 07/05/2021",
            Citation = new Citation { Number = (780 + i).ToString(CultureInfo.InvariantCulture), Symbol = "SCT-VP", Date = new DateOnly(2021, 5, 7) },
            Recipients = ["UBND các huyện, thị xã, thành phố.", "Chợ Đầu mối Nông sản Quảng Ngãi."],
            Cell = $"B{8 + i}",
        }).ToList(),
        QrRows = Enumerable.Range(1, qrRows).Select(i => new QrRow
        {
            Ordinal = i,
            Entity = $"Cửa hàng bách hóa tổng hợp Hương Giang số {i}, xã Bình Thạnh, huyện Bình Sơn",
            QrCodes = i % 7,
            QrScans = (i * 37L) % 100_000,
            Note = (i % 4) switch { 0 => null, 1 => "", 2 => "đã cập nhật", _ => $"ghi chú {i}\nhai dòng" },
            Cell = string.Create(CultureInfo.InvariantCulture, $"C{20 + i}"),
        }).ToList(),
    };
}
