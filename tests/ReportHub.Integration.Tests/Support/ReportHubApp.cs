using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Integration.Tests.Support;

/// <summary>
/// The API over a fresh real warehouse (a SQLite file in a temp folder, or a new PostgreSQL database). The inbox worker is off; the samples folder is the
/// repository's (or a test's copy) and loading it is opt-in.
/// </summary>
public sealed class ReportHubApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly bool? _loadSamples;
    private readonly string _environment;
    private readonly string _samplesPath;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="loadSamples">Samples:Load; null leaves it to the environment's default.</param>
    /// <param name="samplesPath">Samples:Path; null is the repository's samples folder (reference and sample reports).</param>
    /// <param name="connectionString">Warehouse:ConnectionString; null is a new SQLite file in <see cref="Folder"/>.</param>
    /// <param name="settings">Further configuration, e.g. Ingest:MaxFileBytes.</param>
    public ReportHubApp(bool? loadSamples = false, string environment = "Production", string? samplesPath = null, string? connectionString = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Folder = Paths.NewTempFolder("rh-api");
        ConnectionString = connectionString ?? Paths.ConnectionString(Folder);
        _loadSamples = loadSamples;
        _environment = environment;
        _samplesPath = samplesPath ?? Paths.Samples;
    }

    /// <summary>Reference data (units, rounds) loaded, no sample reports: an empty round 2021-10.</summary>
    public static ReportHubApp ReferenceOnly(string environment = "Production", IReadOnlyDictionary<string, string>? settings = null)
    {
        var samples = Paths.CopyReference(Paths.NewTempFolder("rh-ref"));
        return new ReportHubApp(loadSamples: true, environment, samples, settings: settings);
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Warehouse:Provider", Paths.Provider);
        builder.UseSetting("Warehouse:ConnectionString", ConnectionString);
        builder.UseSetting("Ingest:RunWorker", "false");
        builder.UseSetting("Ingest:Inbox", Path.Combine(Folder, "inbox"));
        builder.UseSetting("Ingest:Archive", Path.Combine(Folder, "archive"));
        builder.UseSetting("Ingest:Quarantine", Path.Combine(Folder, "quarantine"));
        if (_loadSamples is { } load)
        {
            builder.UseSetting("Samples:Load", load ? "true" : "false");
        }
        builder.UseSetting("Samples:Path", _samplesPath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public IngestService Ingest => Services.GetRequiredService<IngestService>();

    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var client = CreateClient();
        return await client.PostAsync("/api/submissions" + (query is null ? "" : "?" + query), form);
    }

    public async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await CreateClient().GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> TotalsAsync(string round = "2021-10") => await GetJsonAsync($"/api/rounds/{round}/totals");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
