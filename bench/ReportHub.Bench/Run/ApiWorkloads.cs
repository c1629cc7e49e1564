using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using ReportHub.Bench.Generation;
using static ReportHub.Bench.Run.Measure;

namespace ReportHub.Bench.Run;

/// <summary>
/// W4 (the consolidated workbook) and W5 (totals under wrk) over the real Release API in Production, serving W1's
/// warehouse, with an analyst key made by `reporthub keys create`.
/// </summary>
internal static partial class ApiWorkloads
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(string database, ExpectedRound expected, BenchSettings settings)
    {
        var keyOutput = Proc.Check(Tools.Cli(database, ["keys", "create", "--role", "analyst", "--label", "bench"]), "reporthub keys create");
        var key = keyOutput.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var port = FreePort();
        var baseUrl = F($"http://127.0.0.1:{port}");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Paths.Repo,
        };
        psi.ArgumentList.Add(Tools.ApiDll);
        foreach (var (k, v) in Tools.WarehouseEnv(database))
        {
            psi.Environment[k] = v;
        }
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = baseUrl;
        psi.Environment["Access__RequestsPerMinute"] = "100000000";
        psi.Environment["Ingest__RunWorker"] = "false";
        psi.Environment["Ingest__Inbox"] = Path.Combine(settings.WorkDir, "inbox");
        using var api = Process.Start(psi) ?? throw new BenchFailure("could not start the API");
        var log = new StringBuilder();
        api.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        api.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
            await WaitHealthyAsync(http, api, log);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var w4 = await ConsolidatedAsync(http, api.Id, expected, settings);
            var w5 = await TotalsUnderLoadAsync(http, baseUrl, key, expected, settings);
            return [w4, w5];
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
                await api.WaitForExitAsync();
            }
        }
    }

    private static async Task<ResultRow> ConsolidatedAsync(HttpClient http, int pid, ExpectedRound expected, BenchSettings settings)
    {
        var times = new List<double>();
        var rows = expected.Files.Count * (long)settings.W1QrRows;
        for (var i = 0; i < settings.Runs; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri($"/api/rounds/{expected.Round}/consolidated.xlsx", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchFailure(F($"W4: consolidated.xlsx answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 500)])}"));
            }
            times.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine(F($"  W4 run {i + 1}: {sw.Elapsed.TotalSeconds:0.00} s, {body.Length / 1048576.0:0.0} MB, API peak RSS so far {Proc.StatusMb(pid, "VmHWM"):0} MB"));
            if (i == 0)
            {
                CheckQrSheet(body, expected, rows);
            }
        }
        var peak = Proc.StatusMb(pid, "VmHWM") ?? double.NaN;
        var t = Median(times);
        var ok = t <= 3 && peak <= 400;
        return new ResultRow
        {
            Workload = F($"W4: `GET /api/rounds/{{code}}/consolidated.xlsx`, {rows:N0} QR rows, Release API"),
            ReportHub = F($"{Seconds(times)}, API peak RSS {peak:0} MB"),
            Ratio = F($"{t / 3:0.00}× the time limit, {peak / 400:0.00}× the memory limit"),
            Goal = "≤ 3 s, ≤ 400 MB",
            Met = ok ? "yes" : F($"no: {(t > 3 ? $"{t - 3:0.0} s over" : "time ok")}; {(peak > 400 ? $"{peak - 400:0} MB over" : "memory ok")}"),
        };
    }

    /// <summary>The QR sheet of the workbook holds every row of the round, and its figures add up to the generator's.</summary>
    private static void CheckQrSheet(byte[] workbook, ExpectedRound expected, long rows)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(workbook));
        do
        {
            if (reader.Name != "Mã QR")
            {
                continue;
            }
            long codes = 0, scans = 0, data = 0;
            var line = 0;
            while (reader.Read())
            {
                line++;
                // Header at row 4; data rows carry their running number in column A, the total row does not.
                if (line <= 4 || reader.GetValue(0) is not double)
                {
                    continue;
                }
                data++;
                codes += Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
                scans += Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture);
            }
            if (data != rows || codes != expected.QrCodes || scans != expected.QrScans)
            {
                throw new BenchFailure(F($"W4: the workbook's QR sheet has {data} rows, {codes} codes, {scans} scans; expected {rows}, {expected.QrCodes}, {expected.QrScans}"));
            }
            return;
        }
        while (reader.NextResult());
        throw new BenchFailure("W4: the workbook has no “Mã QR” sheet");
    }

    private static async Task<ResultRow> TotalsUnderLoadAsync(HttpClient http, string baseUrl, string key, ExpectedRound expected, BenchSettings settings)
    {
        var path = $"/api/rounds/{expected.Round}/totals";
        var json = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        Expect("W5 GET totals", Tools.Totals(json), expected);
        var rates = new List<double>();
        var p99s = new List<double>();
        for (var i = 0; i < settings.Runs; i++)
        {
            var result = Proc.Check(Proc.Run("wrk", ["-t2", "-c32", F($"-d{settings.W5Seconds}s"), "--latency", "-H", $"Authorization: Bearer {key}", baseUrl + path]), "wrk");
            if (result.Stdout.Contains("Non-2xx", StringComparison.Ordinal) || result.Stdout.Contains("Socket errors", StringComparison.Ordinal))
            {
                throw new BenchFailure($"W5: wrk saw failed requests:\n{result.Stdout}");
            }
            var rate = double.Parse(RequestsPerSecond().Match(result.Stdout).Groups[1].Value, CultureInfo.InvariantCulture);
            var p99 = LatencyMs(P99().Match(result.Stdout));
            rates.Add(rate);
            p99s.Add(p99);
            Console.WriteLine(F($"  W5 run {i + 1}: {rate:N0} req/s, p99 {p99:0.00} ms"));
        }
        var r = Median(rates);
        var p = Median(p99s);
        var ok = r >= 10_000 && p <= 10;
        return new ResultRow
        {
            Workload = F($"W5: `GET /api/rounds/{{code}}/totals` under `wrk -t2 -c32 -d{settings.W5Seconds}s`, loopback"),
            ReportHub = F($"{r:N0} req/s, p99 {p:0.0} ms"),
            Ratio = F($"{r / 10_000:0.00}× the rate goal, p99 at {p / 10:0.00}× the limit"),
            Goal = "≥ 10,000 req/s, p99 ≤ 10 ms",
            Met = ok ? "yes" : F($"no: {(r < 10_000 ? $"rate at {r / 10_000:P0}" : "rate ok")}; {(p > 10 ? $"p99 {p - 10:0.0} ms over" : "p99 ok")}"),
        };
    }

    private static double LatencyMs(Match m)
    {
        if (!m.Success)
        {
            throw new BenchFailure("W5: no 99% line in wrk's output");
        }
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process api, StringBuilder log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (api.HasExited)
            {
                throw new BenchFailure($"the API exited with {api.ExitCode}:\n{Proc.Tail(log.ToString())}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new BenchFailure($"the API did not become healthy in 60 s:\n{Proc.Tail(log.ToString())}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*99%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex P99();
}
