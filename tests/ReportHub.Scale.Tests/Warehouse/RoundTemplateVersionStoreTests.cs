using Dapper;
using ReportHub.Core.Domain;
using ReportHub.Scale.Tests.Support;
using ReportHub.Warehouse.Templates;
using Xunit.Abstractions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>
/// Migration 013 and the store of a round's template version: existing rounds keep the version their rollups used
/// (the latest registered, or 1), and a round moves only while it is open and still on the version the caller read.
/// </summary>
public sealed class RoundTemplateVersionStoreTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task ExistingRoundsGetTheLatestVersionOfTheirTemplateOrOne(string provider)
    {
        await using var wh = await Warehouses.CreateAsync(provider);
        output.WriteLine(wh.ToString());
        await wh.Migrator.MigrateAsync(9, None);
        await using (var connection = await wh.Db.OpenAsync(None))
        {
            foreach (var (id, version) in new[] { ("mau-a", 1), ("mau-a", 3), ("mau-a", 2), ("mau-b", 1) })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO templates (id, version, title, definition, registered_at)
                    VALUES (@Id, @Version, 'Mẫu', '{}', '2025-01-01T00:00:00.0000000Z')
                    """, new { Id = id, Version = version });
            }
            foreach (var (code, template) in new[] { ("R-A", "mau-a"), ("R-B", "mau-b"), ("R-COVID", "covid-tech-2021") })
            {
                await connection.ExecuteAsync("""
                    INSERT INTO rounds (code, title, request_document, request_date, deadline, template_id, closed, created_at)
                    VALUES (@Code, 'Đợt', NULL, '2025-10-01', '2025-10-10', @Template, 0, '2025-10-01T00:00:00.0000000Z')
                    """, new { Code = code, Template = template });
            }
        }

        await wh.Migrator.MigrateAsync(None);

        var rounds = (await wh.Reference.RoundsAsync(None)).ToDictionary(r => r.Code, r => r.TemplateVersion);
        Assert.Equal(new Dictionary<string, int> { ["R-A"] = 3, ["R-B"] = 1, ["R-COVID"] = 1 }, rounds);
        Assert.Equal(3, (await wh.Reference.RoundAsync("R-A", None))!.TemplateVersion);
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task RoundMovesOnlyWhileOpenAndOnTheVersionTheCallerRead(string provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        output.WriteLine(wh.ToString());
        var round = new Round
        {
            Code = "R-1", Title = "Đợt", RequestDate = new DateOnly(2025, 10, 1), Deadline = new DateOnly(2025, 10, 10),
            Template = "mau-a", TemplateVersion = 2,
        };
        Assert.True(await wh.Reference.InsertRoundAsync(round, None));
        Assert.Equal(2, (await wh.Reference.RoundAsync("R-1", None))!.TemplateVersion);
        var stamp = await wh.Rollups.StampAsync("R-1", None);

        Assert.False(await wh.Reference.SetTemplateVersionAsync("R-1", 1, 3, None));
        Assert.True(await wh.Reference.SetTemplateVersionAsync("R-1", 2, 3, None));
        Assert.Equal(3, (await wh.Reference.RoundAsync("R-1", None))!.TemplateVersion);
        // The rollups' fingerprint follows the version, so a cached total of the old version is not served again.
        Assert.NotEqual(stamp, await wh.Rollups.StampAsync("R-1", None));

        Assert.True(await wh.Reference.SetClosedAsync("R-1", true, None));
        Assert.False(await wh.Reference.SetTemplateVersionAsync("R-1", 3, 4, None));
        Assert.Equal(3, (await wh.Reference.RoundAsync("R-1", None))!.TemplateVersion);
        Assert.False(await wh.Reference.SetTemplateVersionAsync("no-such-round", 1, 2, None));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task NewRoundIsPinnedToTheLatestRegisteredVersion(string provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        var store = new TemplateStore(wh.Db);
        await using (var connection = await wh.Db.OpenAsync(None))
        {
            foreach (var version in new[] { 1, 2 })
            {
                await TemplateStore.InsertAsync(connection, new StoredTemplate
                {
                    Id = "mau-a", Version = version, Title = "Mẫu", Definition = "{}", RegisteredAt = DateTimeOffset.UtcNow,
                }, None);
            }
        }

        Assert.Equal(2, await store.VersionForNewRoundAsync("mau-a", None));
        Assert.Equal([1, 2], await store.VersionsAsync("mau-a", None));
        // Not registered: the shipped definition's version, else 1.
        Assert.Equal(1, await store.VersionForNewRoundAsync("covid-tech-2021", None));
        Assert.Equal(1, await store.VersionForNewRoundAsync("chua-dang-ky", None));
        Assert.Empty(await store.VersionsAsync("chua-dang-ky", None));
    }
}
