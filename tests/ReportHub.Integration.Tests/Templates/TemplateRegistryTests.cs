using ReportHub.Warehouse.Templates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ReportHub.Core.Templates;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Templates;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>The registry on a real warehouse: a SQLite file, or PostgreSQL when the suite runs with REPORTHUB_TEST_WAREHOUSE=Postgres.</summary>
public sealed class TemplateRegistryTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder("rh-tpl");
    private TemplateRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        var db = new Db(new WarehouseOptions { Provider = Enum.Parse<WarehouseProvider>(Warehouses.Provider), ConnectionString = Warehouses.ConnectionString(_folder) });
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        _registry = new TemplateRegistry(db, new TemplateStore(db), new TemplateValidator(), TimeProvider.System, NullLogger<TemplateRegistry>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ShippedTemplatesAreRegisteredOnceAndStayRegistered()
    {
        Assert.Equal(TemplateResources.ShippedJson().Count, await _registry.RegisterShippedAsync(CancellationToken.None));
        Assert.Equal(0, await _registry.RegisterShippedAsync(CancellationToken.None));

        var list = await _registry.ListAsync(CancellationToken.None);
        var covid = Assert.Single(list, t => t.Id == FirstTemplateView.Id);
        Assert.Equal(1, covid.Version);
        Assert.Equal(FirstTemplateView.Definition.Title, covid.Title);
        var stored = await _registry.GetAsync(FirstTemplateView.Id, null, CancellationToken.None);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TemplateResources.ShippedJson().Single(j => j.Contains(FirstTemplateView.Id, StringComparison.Ordinal))), JsonNode.Parse(stored!.Definition)));
    }

    [Fact]
    public async Task NewVersionsAreKeptAndTheLatestIsListed()
    {
        Assert.Equal(RegistrationStatus.Registered, (await _registry.AddAsync(TemplateSamples.Services(1).Json(), CancellationToken.None)).Status);
        var v3 = TemplateSamples.Services(3);
        v3["title"] = "BIỂU MẪU MỚI";
        var added = await _registry.AddAsync(v3.Json(), CancellationToken.None);

        Assert.Equal(RegistrationStatus.Registered, added.Status);
        var listed = Assert.Single(await _registry.ListAsync(CancellationToken.None), t => t.Id == TemplateSamples.Id);
        Assert.Equal((3, "BIỂU MẪU MỚI"), (listed.Version, listed.Title));
        Assert.Equal(3, (await _registry.GetAsync(TemplateSamples.Id, null, CancellationToken.None))!.Version);
        var first = await _registry.GetAsync(TemplateSamples.Id, 1, CancellationToken.None);
        Assert.Equal("BIỂU MẪU BÁO CÁO KẾT QUẢ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN", first!.Title);
        Assert.Null(await _registry.GetAsync(TemplateSamples.Id, 2, CancellationToken.None));
        Assert.Null(await _registry.GetAsync("khong-co", null, CancellationToken.None));
    }

    [Fact]
    public async Task SameVersionWithSameJsonIsIdempotent()
    {
        await _registry.AddAsync(TemplateSamples.Services().Json(), CancellationToken.None);
        // Reformatted, same content: still the same definition.
        var again = await _registry.AddAsync(TemplateSamples.Services().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), CancellationToken.None);

        Assert.Equal(RegistrationStatus.Unchanged, again.Status);
        Assert.Empty(again.Errors);
    }

    [Fact]
    public async Task SameVersionWithDifferentJsonIsRefused()
    {
        await _registry.AddAsync(TemplateSamples.Services().Json(), CancellationToken.None);
        var changed = TemplateSamples.Services();
        changed["emptyMarkers"] = new JsonArray("Không có", "Không");

        var result = await _registry.AddAsync(changed.Json(), CancellationToken.None);

        Assert.Equal(RegistrationStatus.Refused, result.Status);
        Assert.Equal("$.version", Assert.Single(result.Errors).Path);
        var stored = await _registry.GetAsync(TemplateSamples.Id, 1, CancellationToken.None);
        Assert.Equal("Không có", Assert.Single(JsonNode.Parse(stored!.Definition)!["emptyMarkers"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task OlderVersionThanTheLatestIsRefused()
    {
        await _registry.AddAsync(TemplateSamples.Services(2).Json(), CancellationToken.None);

        var result = await _registry.AddAsync(TemplateSamples.Services(1).Json(), CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.version", error.Path);
        Assert.Contains("3", error.Message);
        Assert.Null(await _registry.GetAsync(TemplateSamples.Id, 1, CancellationToken.None));
    }

    [Fact]
    public async Task InvalidDefinitionIsRefusedWithAllErrorsAndNothingStored()
    {
        var broken = TemplateSamples.Services();
        broken["measures"]![0]!["from"] = "services.nothing";
        broken["indicators"]![0]!["numerator"] = "nothing";

        var result = await _registry.AddAsync(broken.Json(), CancellationToken.None);

        Assert.Equal(RegistrationStatus.Refused, result.Status);
        Assert.Equal(["$.measures[0].from", "$.indicators[0].numerator"], result.Errors.Select(e => e.Path));
        Assert.DoesNotContain(await _registry.ListAsync(CancellationToken.None), t => t.Id == TemplateSamples.Id);
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfOneVersionStoreItOnce()
    {
        var json = TemplateSamples.Services().Json();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _registry.AddAsync(json, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Accepted, string.Join('\n', r.Errors)));
        Assert.Single(results, r => r.Status == RegistrationStatus.Registered);
    }
}
