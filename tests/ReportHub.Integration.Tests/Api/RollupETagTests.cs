using System.Net;
using System.Net.Http.Headers;
using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Integration.Tests.Api;

/// <summary>Rollups carry an ETag that changes only when what they are computed from changes.</summary>
public sealed class RollupETagTests
{
    [Theory]
    [InlineData("totals")]
    [InlineData("units")]
    public async Task UnchangedRollupIsAnswered304AndANewSubmissionChangesItsETag(string kind)
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.CreateClient();
        var url = $"/api/rounds/2021-10/{kind}";

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using (var again = new HttpRequestMessage(HttpMethod.Get, url))
        {
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(etag, notModified.Headers.ETag);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        // A submission written by the pipeline directly, as a worker in another process would.
        var result = await app.Ingest.IngestAsync(new IngestRequest
        {
            FileName = "sct.xlsx",
            Content = await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")),
            Source = "cli",
        }, CancellationToken.None);
        Assert.Equal("accepted", result.Status);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        if (kind == "units")
        {
            Assert.Contains("\"submissionId\":" + result.SubmissionId, await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            var totals = await app.TotalsAsync();
            Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
            Assert.Equal(541, totals.GetProperty("qrScans").GetInt64());
        }
    }

    [Fact]
    public async Task ClosingARoundChangesItsETag()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.CreateClient();
        var before = (await client.GetAsync("/api/rounds/2021-10/totals")).Headers.ETag;

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/rounds/2021-10/close", null)).StatusCode);

        Assert.NotEqual(before, (await client.GetAsync("/api/rounds/2021-10/totals")).Headers.ETag);
    }

    [Fact]
    public async Task SubmissionIngestedByTheCliInAnotherProcessChangesTotalsOnTheNextRequest()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var client = app.CreateClient();
        // Asked twice, so the second answer is the one the API keeps between warehouse changes.
        var first = await client.GetAsync("/api/rounds/2021-10/totals");
        var second = await client.GetAsync("/api/rounds/2021-10/totals");
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(0, (await ReportHubApp.ReadJsonAsync(second)).GetProperty("unitsReported").GetInt32());
        using var cli = new CliWorkspace(provider: app.Provider, connectionString: app.ConnectionString);
        var file = cli.Write("sct.xlsx", await File.ReadAllBytesAsync(RepoPaths.SampleReport("sct-2162-seed004.xlsx")));

        var ingest = await cli.RunProcessAsync("ingest", file, "--json");
        Assert.True(ingest.ExitCode == 0, ingest.ToString());

        var after = await client.GetAsync("/api/rounds/2021-10/totals");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(second.Headers.ETag, after.Headers.ETag);
        var totals = await ReportHubApp.ReadJsonAsync(after);
        Assert.Equal(1, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(541, totals.GetProperty("qrScans").GetInt64());
    }
}
