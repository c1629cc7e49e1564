using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Reference;
using ReportHub.Testing.App;
using ReportHub.Testing.Cli;
using ReportHub.Testing.Repo;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>A unit's contact address through the API, the CLI and the registry CSV.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UnitContactTests
{
    [Fact]
    public async Task AdminSetsAnAddressTrimmedAndInNfcAndItIsAudited()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var decomposed = "  văn.thư@sct.quangngai.gov.vn ".Normalize(NormalizationForm.FormD);

        var set = await app.CreateClient().PutAsJsonAsync("/api/units/51.STP/contact", new { email = decomposed });
        var body = await ReportHubApp.ReadJsonAsync(set);

        Assert.True(set.StatusCode == HttpStatusCode.OK, body.ToString());
        var stored = body.GetProperty("email").GetString()!;
        Assert.Equal("văn.thư@sct.quangngai.gov.vn", stored);
        Assert.True(stored.IsNormalized(NormalizationForm.FormC));
        Assert.True(body.GetProperty("changed").GetBoolean());
        var unit = Assert.Single((await app.GetJsonAsync("/api/units")).EnumerateArray(), u => u.GetProperty("code").GetString() == "51.STP");
        Assert.Equal(stored, unit.GetProperty("email").GetString());
        var audit = Assert.Single((await app.GetJsonAsync("/api/audit")).EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.UnitContactChanged);
        Assert.Equal("51.STP", audit.GetProperty("target").GetString());

        var again = await ReportHubApp.ReadJsonAsync(await app.CreateClient().PutAsJsonAsync("/api/units/51.STP/contact", new { email = stored }));
        Assert.False(again.GetProperty("changed").GetBoolean());
        var cleared = await ReportHubApp.ReadJsonAsync(await app.CreateClient().PutAsJsonAsync("/api/units/51.STP/contact", new { email = "" }));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("email").ValueKind);
    }

    [Theory]
    [InlineData("Lan <lan@sct.quangngai.gov.vn>")]
    [InlineData("lan@localhost")]
    [InlineData("lan sct@quangngai.gov.vn")]
    [InlineData("lan@@quangngai.gov.vn")]
    [InlineData("a@b.vn, c@d.vn")]
    public async Task MalformedAddressIsRefusedWith422InVietnamese(string address)
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);

        var response = await app.CreateClient().PutAsJsonAsync("/api/units/51.STP/contact", new { email = address });
        var problem = await ReportHubApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không phải địa chỉ thư điện tử hợp lệ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unit = Assert.Single((await app.GetJsonAsync("/api/units")).EnumerateArray(), u => u.GetProperty("code").GetString() == "51.STP");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unit.GetProperty("email").ValueKind);
    }

    [Fact]
    public async Task OnlyAnAdminSetsAddressesAndUnknownUnitsAndBadBodiesAreRefused()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var body = new { email = "vanthu@stp.quangngai.gov.vn" };

        var analyst = await app.ClientFor(Roles.Analyst).PutAsJsonAsync("/api/units/51.STP/contact", body);
        var unknown = await app.CreateClient().PutAsJsonAsync("/api/units/51.XYZ/contact", body);
        var notJson = await app.CreateClient().PutAsync("/api/units/51.STP/contact", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task CliSetsAnAddressAndRefusesAMalformedOne()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunProcessAsync("init")).ExitCode);

        var set = await cli.RunProcessAsync("units", "contact", "51.SNV", "--email", "vanthu@snv.quangngai.gov.vn", "--json");
        var bad = await cli.RunProcessAsync("units", "contact", "51.SNV", "--email", "vanthu");
        var unknown = await cli.RunProcessAsync("units", "contact", "51.XYZ", "--email", "vanthu@snv.quangngai.gov.vn");

        Assert.True(set.ExitCode == 0, set.ToString());
        var line = Assert.Single(set.JsonLines);
        Assert.Equal("vanthu@snv.quangngai.gov.vn", line.GetProperty("email").GetString());
        Assert.True(line.GetProperty("changed").GetBoolean());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("không phải địa chỉ thư điện tử hợp lệ", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("51.XYZ", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryEmailColumnIsLoadedAndABlankCellKeepsTheStoredAddress()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var folder = Path.Combine(app.Folder, "registry");
        Directory.CreateDirectory(folder);
        var lines = (await File.ReadAllLinesAsync(Path.Combine(RepoPaths.Samples, "reference", "units.csv"))).ToList();
        lines[0] += ",email";
        for (var i = 1; i < lines.Count; i++)
        {
            lines[i] += lines[i].StartsWith("51.SYT,", StringComparison.Ordinal) ? ",vanthu@syt.quangngai.gov.vn" : ",";
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, "units.csv"), lines);
        await ReminderRound.SetContactAsync(app, "51.STP", "vanthu@stp.quangngai.gov.vn");

        await app.Services.GetRequiredService<ReferenceLoader>().LoadAsync(folder, CancellationToken.None);

        var units = (await app.GetJsonAsync("/api/units")).EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("email").GetString());
        Assert.Equal("vanthu@syt.quangngai.gov.vn", units["51.SYT"]);
        Assert.Equal("vanthu@stp.quangngai.gov.vn", units["51.STP"]);
        Assert.Null(units["51.SNV"]);
    }

    [Fact]
    public void RegistryWithAMalformedEmailIsRefusedNamingTheUnit()
    {
        var folder = RepoPaths.NewTempFolder("rh-registry");
        try
        {
            var path = Path.Combine(folder, "units.csv");
            File.WriteAllLines(path, ["code,name,type,parent,aliases,validFrom,validTo,successor,email", "51.SYT,Sở Y tế,department,51,,1989-07-01,,,khong-phai-thu"]);

            var error = Assert.Throws<InvalidDataException>(() => ReferenceLoader.ReadUnits(path));

            Assert.Contains("51.SYT", error.Message, StringComparison.Ordinal);
            Assert.Contains("khong-phai-thu", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            RepoPaths.TryDelete(folder);
        }
    }
}
