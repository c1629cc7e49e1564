using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Warehouse.Access;
using ReportHub.Testing.Repo;
using ReportHub.Testing.Warehouses;
using Xunit;

namespace ReportHub.Testing.App;

/// <summary>
/// The API in-process over a fresh real warehouse (a SQLite file in its own temp folder, or a new database on the
/// suite's server provider). The inbox worker is off; the samples folder is the repository's (or a test's copy) and
/// loading it is opt-in. The one app factory of the suite: tests change it through settings, never by subclassing.
/// </summary>
public sealed class ReportHubApp : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly bool? _loadSamples;
    private readonly string _environment;
    private readonly string _samplesPath;
    private readonly IEnumerable<KeyValuePair<string, string>> _settings;
    private readonly TimeProvider? _clock;
    private readonly bool _quiet;

    /// <param name="loadSamples">Samples:Load; null leaves it to the environment's default.</param>
    /// <param name="samplesPath">Samples:Path; null is the repository's samples folder (reference and sample reports).</param>
    /// <param name="connectionString">Warehouse:ConnectionString; null is a new warehouse (a SQLite file in <see cref="Folder"/>).</param>
    /// <param name="settings">Further configuration, e.g. Ingest:MaxFileBytes; applied last, so it wins.</param>
    /// <param name="provider">Warehouse:Provider; null is the suite's (<see cref="Warehouses.Warehouses.Provider"/>).</param>
    /// <param name="clock">The host's TimeProvider, for tests that move time.</param>
    /// <param name="quiet">No log output (suites that start hundreds of hosts).</param>
    /// <param name="referenceOnly">Samples:Path is a copy of samples/reference in <see cref="Folder"/>, without reports.</param>
    public ReportHubApp(bool? loadSamples = false, string environment = "Production", string? samplesPath = null, string? connectionString = null,
        IEnumerable<KeyValuePair<string, string>>? settings = null, string? provider = null, TimeProvider? clock = null, bool quiet = false,
        bool referenceOnly = false)
    {
        _settings = settings ?? [];
        Folder = RepoPaths.NewTempFolder("rh-api");
        Provider = provider ?? Warehouses.Warehouses.Provider;
        ConnectionString = connectionString ?? Warehouses.Warehouses.ConnectionString(Folder, Provider);
        _loadSamples = loadSamples;
        _environment = environment;
        _samplesPath = referenceOnly ? RepoPaths.CopyReference(Folder) : samplesPath ?? RepoPaths.Samples;
        _clock = clock;
        _quiet = quiet;
    }

    /// <summary>Reference data (units, rounds) loaded, no sample reports: empty rounds 2021-10 and 2025-Q3.</summary>
    public static ReportHubApp ReferenceOnly(string environment = "Production", IEnumerable<KeyValuePair<string, string>>? settings = null,
        string? provider = null, TimeProvider? clock = null, bool quiet = false) =>
        new(loadSamples: true, environment, settings: settings, provider: provider, clock: clock, quiet: quiet, referenceOnly: true);

    public string Folder { get; }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file when the provider is SQLite.</summary>
    public string DatabasePath => Path.Combine(Folder, "reporthub.db");

    /// <summary>Direct reads of the stored rows (SQLite only).</summary>
    public SqliteWarehouse Warehouse => new(ConnectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Warehouse:Provider", Provider);
        builder.UseSetting("Warehouse:ConnectionString", ConnectionString);
        builder.UseSetting("Ingest:RunWorker", "false");
        builder.UseSetting("Ingest:Inbox", Path.Combine(Folder, "inbox"));
        builder.UseSetting("Ingest:Archive", Path.Combine(Folder, "archive"));
        builder.UseSetting("Ingest:Quarantine", Path.Combine(Folder, "quarantine"));
        // Suites send thousands of requests with one key; a test of the limit itself sets its own.
        builder.UseSetting("Access:RequestsPerMinute", "1000000");
        builder.UseSetting("Access:SignInsPerMinute", "1000000");
        if (_loadSamples is { } load)
        {
            builder.UseSetting("Samples:Load", load ? "true" : "false");
        }
        builder.UseSetting("Samples:Path", _samplesPath);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_quiet)
        {
            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }
    }

    public IngestService Ingest => Services.GetRequiredService<IngestService>();

    private string? _adminKey;

    /// <summary>
    /// Every client of <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> carries an admin key, so tests of
    /// behaviour other than access need no ceremony; access tests use <see cref="ClientFor"/> and <see cref="AnonymousClient"/>.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        _adminKey ??= KeyFor(Roles.Admin);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminKey);
    }

    /// <summary>A new API key with this role (and unit, for a department), made the way `keys create` makes one.</summary>
    public string KeyFor(string role, string? unit = null) =>
        Services.GetRequiredService<ApiKeyService>().CreateAsync(role, unit, "test", CancellationToken.None).GetAwaiter().GetResult().Key
        ?? throw new InvalidOperationException($"No key for role {role} unit {unit}.");

    /// <summary>A client with a fresh key of this role and unit.</summary>
    public HttpClient ClientFor(string role, string? unit = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyFor(role, unit));
        return client;
    }

    /// <summary>A client with no key and no session.</summary>
    public HttpClient AnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

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
            RepoPaths.TryDelete(Folder);
        }
    }
}
