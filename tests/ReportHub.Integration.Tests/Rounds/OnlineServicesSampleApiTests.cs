using System.Globalization;
using System.Net;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;
using static ReportHub.Integration.Tests.Rounds.OnlineServicesSamples;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>The 2025-Q3 sample files uploaded to the API with no round given, and the round's totals and units.</summary>
public sealed class OnlineServicesSampleApiTests
{
    private static readonly DateOnly RequestDate = new(2025, 10, 1);

    [Fact]
    public async Task UploadedOnlineServicesSamplesFillRound2025Q3AndLeaveTheOtherDepartmentsMissing()
    {
        using var app = ReportHubApp.ReferenceOnly();
        foreach (var file in Expected.Files)
        {
            var response = await app.UploadAsync(await File.ReadAllBytesAsync(PathOf(file)), file.File);
            var body = await ReportHubApp.ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{file.File}: {(int)response.StatusCode} {body}");
            Assert.Equal(Round, body.GetProperty("round").GetString());
            Assert.Equal(file.Unit, body.GetProperty("unit").GetString());
            AssertFigures(file.Figures, body.GetProperty("figures"), file.File);
        }

        var totals = await app.TotalsAsync(Round);
        var units = (await app.GetJsonAsync($"/api/rounds/{Round}/units")).EnumerateArray().ToList();

        var departments = await DepartmentsValidOnAsync(app, RequestDate);
        Assert.Equal(Template, totals.GetProperty("template").GetString());
        Assert.Equal(departments.Count, totals.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(Expected.Totals.UnitsReported, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(departments.Count - Expected.Totals.UnitsReported, totals.GetProperty("unitsMissing").GetInt32());
        AssertFigures(Expected.Totals.Figures, totals.GetProperty("figures"), "totals");
        AssertNoCovidFields(totals, "totals");

        Assert.Equal(departments.Order(StringComparer.Ordinal), units.Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        foreach (var unit in units)
        {
            var code = unit.GetProperty("unit").GetString()!;
            AssertNoCovidFields(unit, code);
            if (Expected.Files.SingleOrDefault(f => f.Unit == code) is { } file)
            {
                Assert.NotEqual("missing", unit.GetProperty("status").GetString());
                AssertFigures(file.Figures, unit.GetProperty("figures"), code);
            }
            else
            {
                Assert.Equal("missing", unit.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.Null, unit.GetProperty("submissionId").ValueKind);
            }
        }
        // Departments closed in the 2025 restructuring are not expected; their successors report for them.
        Assert.DoesNotContain(units, u => u.GetProperty("unit").GetString() is "51.STTTT" or "51.SKHDT" or "51.SLDTBXH");
        Assert.Contains(units, u => u.GetProperty("unit").GetString() == "51.SNNMT" && u.GetProperty("status").GetString() == "missing");
    }

    [Fact]
    public async Task FirstRunLoadsTheOnlineServicesSamplesIntoTheirRoundOnTime()
    {
        using var app = new ReportHubApp(loadSamples: null, environment: "Development");

        var totals = await app.TotalsAsync(Round);
        var units = (await app.GetJsonAsync($"/api/rounds/{Round}/units")).EnumerateArray().ToList();

        AssertFigures(Expected.Totals.Figures, totals.GetProperty("figures"), "totals");
        Assert.Equal(Expected.Totals.UnitsReported, totals.GetProperty("unitsOnTime").GetInt32());
        Assert.Equal(0, totals.GetProperty("unitsLate").GetInt32());
        var reported = units.Where(u => u.GetProperty("status").GetString() != "missing").ToList();
        Assert.Equal(Expected.Files.Select(f => f.Unit).Order(StringComparer.Ordinal), reported.Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        // The 2021-10 samples in the folder above are not pulled into this round.
        Assert.Equal(51m, (await app.TotalsAsync()).GetProperty("figures").GetProperty("directives").GetDecimal());
    }

    private static async Task<List<string>> DepartmentsValidOnAsync(ReportHubApp app, DateOnly day)
    {
        var units = await app.GetJsonAsync("/api/units");
        return
        [
            .. units.EnumerateArray()
                .Where(u => u.GetProperty("type").GetString() == "department" && u.GetProperty("parent").GetString() == "51")
                .Where(u => Date(u, "validFrom") is not { } from || from <= day)
                .Where(u => Date(u, "validTo") is not { } to || day <= to)
                .Select(u => u.GetProperty("code").GetString()!),
        ];
    }

    private static DateOnly? Date(JsonElement unit, string name) =>
        unit.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? DateOnly.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
