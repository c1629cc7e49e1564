using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Reference;
using ReportHub.Scale.Tests.Support;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>Uploads racing each other (API, CLI, workers) never record the same bytes or unit twice.</summary>
public sealed class ConcurrentIngestTests
{
    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task SameBytesUploadedAtOnceAreAcceptedOnce(string provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        await using var services = wh.Services();
        await services.GetRequiredService<ReferenceLoader>().LoadAsync(Path.Combine(RepoPaths.Samples, "reference"), CancellationToken.None);
        var ingest = services.GetRequiredService<IngestService>();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleReports, "sct-2162-seed004.xlsx"));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => ingest.IngestAsync(new IngestRequest
        {
            FileName = $"copy-{i}.xlsx",
            Content = bytes,
            Source = "upload",
        }, CancellationToken.None))));

        Assert.Single(results, r => r.Status == "accepted");
        Assert.Equal(5, results.Count(r => r.Status == "duplicate"));
        await using var connection = await wh.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE status = 'current'"));
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE section_key = 'directives'"));
    }

    [Theory]
    [MemberData(nameof(Warehouses.Providers), MemberType = typeof(Warehouses))]
    public async Task VersionsOfOneUnitUploadedAtOnceLeaveOneCurrent(string provider)
    {
        await using var wh = await (await Warehouses.CreateAsync(provider)).MigrateAsync();
        await using var services = wh.Services();
        await services.GetRequiredService<ReferenceLoader>().LoadAsync(Path.Combine(RepoPaths.Samples, "reference"), CancellationToken.None);
        var ingest = services.GetRequiredService<IngestService>();
        var xlsx = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleReports, "sct-2162-seed004.xlsx"));
        var csv = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleReports, "sct-2162-seed004.csv"));

        var results = await Task.WhenAll(new[] { ("a.xlsx", xlsx), ("b.csv", csv) }.Select(f => Task.Run(() => ingest.IngestAsync(new IngestRequest
        {
            FileName = f.Item1,
            Content = f.Item2,
            Source = "upload",
        }, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal("accepted", r.Status));
        await using var connection = await wh.Db.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE unit_code = '51.SCT' AND status = 'current'"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions WHERE unit_code = '51.SCT' AND status = 'superseded'"));
    }
}
