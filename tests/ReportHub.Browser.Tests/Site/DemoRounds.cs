using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace ReportHub.Browser.Tests.Site;

/// <summary>
/// Rounds of a test's own on the shared demo site, and reports sent to them through the API, so a test that uploads
/// never changes the demo round 2021-10 other tests read.
/// </summary>
public static class DemoRounds
{
    /// <summary>A 2025-Q3 report of Sở Tư pháp; its header cites the Q3 round's request document.</summary>
    private const string SampleCsv = "stp-2876.csv";
    private const string SampleDocument = "1234/SKHCN-CĐS";

    /// <summary>A new open round of the online-services template for the departments, its code and request document made unique.</summary>
    public static async Task<(string Code, string Document)> CreateAsync(DemoSite site, string prefix, string deadline = "2030-12-31")
    {
        ArgumentNullException.ThrowIfNull(site);
        var suffix = Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        var code = prefix + "-" + suffix;
        var document = suffix + "/SKHCN-CĐS";
        using var client = await ClientAsync(site);
        using var response = await client.PostAsJsonAsync(new Uri("/api/rounds", UriKind.Relative), new
        {
            code,
            title = "Báo cáo dịch vụ công trực tuyến (kiểm thử bảng điều khiển)",
            template = "dvc-online-2025",
            requestDocument = document,
            requestDate = "2025-10-01",
            deadline,
            expected = new { types = new[] { "department" } },
        });
        Assert.True(response.IsSuccessStatusCode, $"create round: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (code, document);
    }

    /// <summary>Sở Tư pháp's sample report re-dated to cite <paramref name="document"/>, sent through the API as a department's program would.</summary>
    public static async Task UploadCitingAsync(DemoSite site, string document, string round)
    {
        ArgumentNullException.ThrowIfNull(site);
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.SampleReports, "2025-Q3", SampleCsv));
        Assert.Contains(SampleDocument, text, StringComparison.Ordinal);
        var content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetBytes(text.Replace(SampleDocument, document, StringComparison.Ordinal));
        using var client = await ClientAsync(site);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", SampleCsv);
        using var response = await client.PostAsync(new Uri("/api/submissions", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload: {(int)response.StatusCode} {body}");
        Assert.Contains("\"accepted\"", body, StringComparison.Ordinal);
        Assert.Contains(round, body, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> ClientAsync(DemoSite site)
    {
        var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        return client;
    }
}
