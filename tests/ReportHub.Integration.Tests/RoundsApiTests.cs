using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using ExcelDataReader;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests;

public sealed class RoundsApiTests
{
    private sealed record Expected(string File, string Unit, string Round, long Directives, long QrCodes, long QrScans);

    /// <summary>expected.json reduced to what a round holds: per unit only the last file (in ingestion order) counts.</summary>
    private static (int Units, long Directives, long QrCodes, long QrScans) ExpectedRound()
    {
        var files = JsonSerializer.Deserialize<List<Expected>>(File.ReadAllText(RepoPaths.SampleReport("expected.json")), ReportHubApp.Json)!;
        var current = files.Where(f => f.Round == "2021-10")
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .GroupBy(f => f.Unit)
            .Select(g => g.Last())
            .ToList();
        return (current.Count, current.Sum(f => f.Directives), current.Sum(f => f.QrCodes), current.Sum(f => f.QrScans));
    }

    [Fact]
    public async Task FirstRunShowsPopulatedRound()
    {
        using var app = new ReportHubApp(loadSamples: null, environment: "Development");

        var totals = await app.TotalsAsync();

        var expected = ExpectedRound();
        Assert.Equal(14, expected.Units);
        Assert.Equal("2021-10", totals.GetProperty("round").GetString());
        Assert.Equal(expected.Units, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(expected.Directives, totals.GetProperty("directives").GetInt64());
        Assert.Equal(expected.QrCodes, totals.GetProperty("qrCodes").GetInt64());
        Assert.Equal(expected.QrScans, totals.GetProperty("qrScans").GetInt64());
        Assert.Equal(51, totals.GetProperty("directives").GetInt64());
        Assert.Equal(5840, totals.GetProperty("qrCodes").GetInt64());
        Assert.Equal(711091, totals.GetProperty("qrScans").GetInt64());
        // The template and its figures (stored at ingest) come with the COVID fields, and agree with them.
        Assert.Equal("covid-tech-2021", totals.GetProperty("template").GetString());
        var figures = totals.GetProperty("figures");
        Assert.Equal(51m, figures.GetProperty("directives").GetDecimal());
        Assert.Equal(5840m, figures.GetProperty("qrCodes").GetDecimal());
        Assert.Equal(711091m, figures.GetProperty("qrScans").GetDecimal());
        var unitsExpected = totals.GetProperty("unitsExpected").GetInt32();
        Assert.Equal(expected.Units, totals.GetProperty("unitsOnTime").GetInt32());
        Assert.Equal(0, totals.GetProperty("unitsLate").GetInt32());
        Assert.Equal(unitsExpected - expected.Units, totals.GetProperty("unitsMissing").GetInt32());

        var units = await app.GetJsonAsync("/api/rounds/2021-10/units");
        Assert.Equal(unitsExpected, units.GetArrayLength());
        var sct = units.EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "51.SCT");
        Assert.Equal("onTime", sct.GetProperty("status").GetString());
        Assert.Equal(541, sct.GetProperty("qrScans").GetInt64());
        Assert.Equal(541m, sct.GetProperty("figures").GetProperty("qrScans").GetDecimal());
        // A unit that has not reported has no figure at all, not a 0.
        Assert.Equal(expected.QrScans, units.EnumerateArray().Sum(u => u.TryGetProperty("qrScans", out var scans) ? scans.GetInt64() : 0));
        Assert.All(units.EnumerateArray().Where(u => u.GetProperty("status").GetString() == "missing"), u => Assert.False(u.TryGetProperty("qrScans", out _)));

        var rounds = await app.GetJsonAsync("/api/rounds");
        var round = rounds.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "2021-10");
        Assert.Equal("1406/STTTT-BCVT&CNTT", round.GetProperty("requestDocument").GetString());
        Assert.Equal("2021-10-29", round.GetProperty("deadline").GetString());
        Assert.Equal(unitsExpected, round.GetProperty("unitsExpected").GetInt32());
    }

    [Fact]
    public async Task ProductionStartsEmptyUnlessSamplesLoadIsSet()
    {
        using var app = new ReportHubApp(loadSamples: null, environment: "Production");

        var rounds = await app.GetJsonAsync("/api/rounds");

        Assert.Equal(0, rounds.GetArrayLength());
        await app.GetJsonAsync("/api/rounds/2021-10/totals", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConsolidatedWorkbookTotalsRowHoldsRoundTotals()
    {
        using var app = new ReportHubApp(loadSamples: null, environment: "Development");
        var totals = await app.TotalsAsync();
        long[] expected = [totals.GetProperty("directives").GetInt64(), totals.GetProperty("qrCodes").GetInt64(), totals.GetProperty("qrScans").GetInt64()];

        var response = await app.CreateClient().GetAsync("/api/rounds/2021-10/consolidated.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = workbook.Worksheet(1);
            var totalCell = sheet.CellsUsed().First(c => c.GetString().Trim() == "Tổng cộng");
            var row = totalCell.Address.RowNumber;
            long[] found = [.. new[] { 8, 9, 10 }.Select(c => (long)sheet.Cell(row, c).GetDouble())];
            Assert.Equal(expected, found);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using (var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes)))
        {
            long[]? found = null;
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray();
                if (cells.Any(v => v?.ToString()?.Trim() == "Tổng cộng"))
                {
                    found = [.. new[] { 7, 8, 9 }.Select(c => Convert.ToInt64(cells[c], System.Globalization.CultureInfo.InvariantCulture))];
                    break;
                }
            }
            Assert.NotNull(found);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public async Task ConsolidatedCsvIsUtf8WithBomAndJsonFieldHeaders()
    {
        using var app = new ReportHubApp(loadSamples: null, environment: "Development");
        var totals = await app.TotalsAsync();

        var response = await app.CreateClient().GetAsync("/api/rounds/2021-10/consolidated.csv?header=keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no UTF-8 BOM");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unit,name,type,status,receivedAt,submissionId,directives,qrCodes,qrScans,revisedAt", lines[0]);
        Assert.Equal(totals.GetProperty("unitsExpected").GetInt32(), lines.Length - 1);
        var sct = lines.Single(l => l.StartsWith("51.SCT,", StringComparison.Ordinal));
        // The figures, then revisedAt, empty for a report never revised.
        Assert.EndsWith(",3,1,541,", sct);
        Assert.Contains(",onTime,", sct);
        var scans = lines.Skip(1).Select(l => l.Split(',')[^2]).ToList();
        Assert.Equal(totals.GetProperty("qrScans").GetInt64(), scans.Where(s => s.Length > 0).Sum(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
        // A unit that has not reported has empty figure fields, not zeros.
        Assert.Equal(totals.GetProperty("unitsMissing").GetInt32(), scans.Count(s => s.Length == 0));
    }

    [Theory]
    [InlineData("/api/rounds/1999-01/totals")]
    [InlineData("/api/rounds/1999-01/units")]
    [InlineData("/api/rounds/1999-01/consolidated.xlsx")]
    [InlineData("/api/rounds/1999-01/consolidated.csv")]
    [InlineData("/api/units/99.XYZ/template.xlsx?round=2021-10")]
    [InlineData("/api/units/51.SCT/template.xlsx?round=1999-01")]
    [InlineData("/api/units/99.XYZ/submissions")]
    [InlineData("/api/submissions/987654")]
    [InlineData("/api/submissions/987654/file")]
    public async Task UnknownRoundUnitOrSubmissionIsProblem404(string url)
    {
        using var app = ReportHubApp.ReferenceOnly();

        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task HealthAndOpenApiAnswer200()
    {
        using var app = new ReportHubApp();
        var client = app.CreateClient();

        var health = await client.GetAsync("/health");
        var openapi = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", (await ReportHubApp.ReadJsonAsync(health)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        var document = await ReportHubApp.ReadJsonAsync(openapi);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/rounds/{code}/totals", out _));
    }
}
