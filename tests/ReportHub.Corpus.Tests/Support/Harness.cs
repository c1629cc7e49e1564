using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportHub.Ingest.Cli;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Corpus.Tests.Support;

/// <summary>Locations in the checkout and per-test scratch folders.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "reference", "units.csv")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("samples/reference/units.csv not found above " + AppContext.BaseDirectory);
    });

    public static string Samples => Path.Combine(RepoRoot.Value, "samples");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NewTempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// A samples folder holding only samples/reference. The API loads sample reports on the first start in every
    /// environment when Samples:Load is true, so the reference data is given without the reports.
    /// </summary>
    public static string ReferenceOnlySamples(string folder)
    {
        var samples = Path.Combine(folder, "samples");
        var reference = Path.Combine(samples, "reference");
        Directory.CreateDirectory(reference);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Samples, "reference")))
        {
            File.Copy(file, Path.Combine(reference, Path.GetFileName(file)));
        }
        return samples;
    }

    public static void TryDelete(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>The API over a fresh SQLite file in its own temp folder: reference data loaded, no sample reports, no worker.</summary>
public sealed class CorpusApp : WebApplicationFactory<Program>
{
    private readonly IEnumerable<KeyValuePair<string, string>> _settings;
    private readonly TestClock? _clock;
    private readonly string _samples;

    public CorpusApp(IEnumerable<KeyValuePair<string, string>>? settings = null, TestClock? clock = null)
    {
        Folder = TestPaths.NewTempFolder("rh-corpus-api");
        _samples = TestPaths.ReferenceOnlySamples(Folder);
        _settings = settings ?? [];
        _clock = clock;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "reporthub.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Warehouse:Provider", "Sqlite");
        builder.UseSetting("Warehouse:ConnectionString", ConnectionString);
        builder.UseSetting("Ingest:RunWorker", "false");
        builder.UseSetting("Ingest:Inbox", Path.Combine(Folder, "inbox"));
        builder.UseSetting("Ingest:Archive", Path.Combine(Folder, "archive"));
        builder.UseSetting("Ingest:Quarantine", Path.Combine(Folder, "quarantine"));
        builder.UseSetting("Samples:Load", "true");
        builder.UseSetting("Samples:Path", _samples);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        }
    }

    public IngestService Ingest => Services.GetRequiredService<IngestService>();

    public Warehouse Warehouse => new(ConnectionString);

    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var client = CreateClient();
        return await client.PostAsync("/api/submissions" + (string.IsNullOrEmpty(query) ? "" : "?" + query), form);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = CreateClient();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TestPaths.TryDelete(Folder);
        }
    }
}

/// <summary>Direct reads of the SQLite warehouse, to see what was really stored.</summary>
public sealed class Warehouse(string connectionString)
{
    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }
        return result;
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public string? Status(long submissionId) =>
        Strings("SELECT status FROM submissions WHERE id = $id", ("$id", submissionId)).SingleOrDefault();

    public long RowsOf(long submissionId) =>
        Scalar("SELECT (SELECT COUNT(*) FROM directives WHERE submission_id = $id) + (SELECT COUNT(*) FROM qr_rows WHERE submission_id = $id)", ("$id", submissionId));

    public void CloseRound(string code) => Execute($"UPDATE rounds SET closed = 1 WHERE code = '{code}'");
}

/// <summary>Runs the real CLI in-process against its own warehouse and captures stdout.</summary>
public sealed class CliRun : IDisposable
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public CliRun(IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        Folder = TestPaths.NewTempFolder("rh-corpus-cli");
        Settings =
        [
            $"--Warehouse:ConnectionString=Data Source={Path.Combine(Folder, "reporthub.db")}",
            $"--Samples:Path={TestPaths.Samples}",
            $"--Ingest:Inbox={Path.Combine(Folder, "inbox")}",
            $"--Ingest:Archive={Path.Combine(Folder, "archive")}",
            $"--Ingest:Quarantine={Path.Combine(Folder, "quarantine")}",
            .. (settings ?? []).Select(s => $"--{s.Key}={s.Value}"),
        ];
    }

    public string Folder { get; }

    public string[] Settings { get; }

    public Warehouse Warehouse => new($"Data Source={Path.Combine(Folder, "reporthub.db")}");

    public async Task<(int Exit, string Out)> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        var captured = new StringWriter();
        try
        {
            Console.SetOut(captured);
            Console.SetError(TextWriter.Null);
            var exit = await CliApp.RunAsync([.. args, .. Settings]).WaitAsync(TimeSpan.FromSeconds(60));
            return (exit, captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ConsoleLock.Release();
        }
    }

    public async Task InitAsync()
    {
        var (exit, output) = await RunAsync("init");
        Assert.True(exit == 0, "init: " + output);
    }

    public string WriteFile(string name, byte[] bytes)
    {
        var dir = Path.Combine(Folder, "in-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Ingests files with --json; returns the exit code and one parsed object per file.</summary>
    public async Task<(int Exit, List<JsonElement> Results)> IngestAsync(IEnumerable<string> files, params string[] extra)
    {
        var (exit, output) = await RunAsync(["ingest", .. files, "--json", .. extra]);
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (exit, results);
    }

    public void Dispose() => TestPaths.TryDelete(Folder);
}

public static class Json
{
    public static string Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";

    public static long Num(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : -1;

    public static string Describe(this JsonElement issues) =>
        issues.ValueKind != JsonValueKind.Array ? "(no issues)" :
        string.Join("\n", issues.EnumerateArray().Select(i => $"  {i.Str("severity")} {i.Str("code")} @ {i.Str("cell")}: {i.Str("message")}"));

    public static Encoding Utf8Bom => new UTF8Encoding(true);
}
