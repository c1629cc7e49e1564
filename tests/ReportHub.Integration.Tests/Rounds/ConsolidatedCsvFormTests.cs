using System.Net;
using System.Net.Http.Json;
using System.Text;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Integration.Tests.Support;
using ReportHub.Integration.Tests.Templates;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>
/// The per-unit CSV in its two forms over HTTP: comma-separated for scripts by default, and the semicolon form
/// without a <c>sep=</c> line that the pages link, which Vietnamese Excel opens in columns. On SQLite or PostgreSQL
/// (REPORTHUB_TEST_WAREHOUSE).
/// </summary>
public sealed class ConsolidatedCsvFormTests
{
    private const string RoundCode = "2025-CSV-T";
    private const string FormulaLabel = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";

    [Fact]
    public async Task DefaultFormIsCommaSeparatedWithoutSepLineAndWritesVietnameseValues()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();

        var lines = Lines(await GetAsync(client, "/api/rounds/2021-10/consolidated.csv"));

        Assert.StartsWith("Mã đơn vị,Tên đơn vị,Loại,Tình trạng,Ngày nhận,Mã báo cáo,", lines[0], StringComparison.Ordinal);
        Assert.Equal(lines, Lines(await GetAsync(client, "/api/rounds/2021-10/consolidated.csv?format=csv")));
        var sct = lines.Single(l => l.StartsWith("51.SCT,", StringComparison.Ordinal));
        Assert.StartsWith("51.SCT,Sở Công Thương tỉnh Quảng Ngãi,\"Sở, ban, ngành\",Chưa gửi,", sct, StringComparison.Ordinal);
        AssertNoEnglishValues(lines.Skip(1));
    }

    [Fact]
    public async Task ExcelFormStartsWithSepLineAndSeparatesWithSemicolons()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/rounds/2021-10/consolidated.csv?format=excel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-hop-2021-10.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = Lines(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Mã đơn vị;Tên đơn vị;Loại;Tình trạng;Ngày nhận;Mã báo cáo;", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("51.SCT;Sở Công Thương tỉnh Quảng Ngãi;Sở, ban, ngành;Chưa gửi;", StringComparison.Ordinal));
        AssertNoEnglishValues(lines.Skip(1));
    }

    [Fact]
    public async Task KeysHeaderKeepsTheJsonCodesInBothForms()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();

        var comma = Lines(await GetAsync(client, "/api/rounds/2021-10/consolidated.csv?header=keys"));
        var excel = Lines(await GetAsync(client, "/api/rounds/2021-10/consolidated.csv?header=keys&format=excel"));

        Assert.Contains(comma, l => l.StartsWith("51.SCT,Sở Công Thương tỉnh Quảng Ngãi,department,missing,", StringComparison.Ordinal));
        Assert.StartsWith("unit;name;type;status;receivedAt;submissionId;", excel[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("semicolon")]
    public async Task UnknownFormatIsAProblemNamingTheTwoForms(string format)
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);

        var response = await app.CreateClient().GetAsync($"/api/rounds/2021-10/consolidated.csv?format={format}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("detail").GetString()!;
        Assert.Contains("format=csv", detail, StringComparison.Ordinal);
        Assert.Contains("format=excel", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", ',')]
    [InlineData("excel", ';')]
    public async Task HeadingFromATemplateLabelStartingWithEqualsIsGuarded(string format, char separator)
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();
        var definition = TemplateSamples.Services();
        definition["measures"]![0]!["label"] = FormulaLabel;
        definition["indicators"]![0]!["label"] = "＝1+1";
        var registered = await client.PostAsync("/api/templates", new StringContent(definition.Json(), Encoding.UTF8, "application/json"));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var round = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = "Báo cáo dịch vụ công trực tuyến (thử CSV)",
            template = TemplateSamples.Id,
            requestDocument = "1/SKHCN",
            requestDate = "2025-10-01",
            deadline = "2025-10-20",
            expected = new { units = new[] { "51.STP" } },
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());

        var lines = Lines(await GetAsync(client, $"/api/rounds/{RoundCode}/consolidated.csv?format={format}"));

        var heading = lines[0];
        var quotedLabel = "\"'" + FormulaLabel.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        Assert.Contains(separator + quotedLabel + separator, heading, StringComparison.Ordinal);
        Assert.Contains(separator + "'＝1+1" + separator, heading, StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith("51.STP" + separator, StringComparison.Ordinal));
        Assert.Contains(separator + "Chưa gửi" + separator, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsPageLinksTheExcelForm()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (status, html) = await analyst.GetAsync("/exports");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/api/rounds/2021-10/consolidated.csv?format=excel\"", html, StringComparison.Ordinal);
        var csv = Lines(await analyst.Client.GetByteArrayAsync("/api/rounds/2021-10/consolidated.csv?format=excel"));
        Assert.StartsWith("Mã đơn vị;", csv[0], StringComparison.Ordinal);
    }

    private static void AssertNoEnglishValues(IEnumerable<string> rows)
    {
        string[] codes = ["department", "district", "commune", "province", "other", "onTime", "late", "missing"];
        var leaks = rows.SelectMany(r => r.Split(',', ';')).Where(f => codes.Contains(f, StringComparer.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join(", ", leaks));
    }

    /// <summary>The lines after the UTF-8 BOM, which both forms carry.</summary>
    private static string[] Lines(byte[] bytes)
    {
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no UTF-8 BOM");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
