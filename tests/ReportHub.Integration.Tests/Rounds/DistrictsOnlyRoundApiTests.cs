using System.Net;
using System.Net.Http.Json;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>The API chooses a round's units from the types it is sent, as the pages do: districts only is the districts.</summary>
public sealed class DistrictsOnlyRoundApiTests
{
    [Fact]
    public async Task ADistrictsOnlyRoundExpectsTheDistrictsOfTheRequestDayAndNoneAfterTheMerger()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        object Body(string code, string document, string day) => new
        {
            code, title = "Báo cáo của các huyện", template = "covid-tech-2021", requestDocument = document,
            requestDate = day, deadline = "2025-12-31", expected = new { types = new[] { "district" } },
        };

        var before = await client.PostAsJsonAsync("/api/rounds", Body("HUYEN-API-1", "601/SKHCN-CĐS", "2025-06-30"));
        var after = await client.PostAsJsonAsync("/api/rounds", Body("HUYEN-API-2", "602/SKHCN-CĐS", "2025-07-01"));

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        var units = await app.GetJsonAsync("/api/rounds/HUYEN-API-1/units");
        Assert.Equal(Registry.ActiveDistricts(new DateOnly(2025, 6, 30)), units.EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(13, units.GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, after.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(after);
        Assert.Contains("Không có đơn vị nào đang hoạt động vào ngày 01/07/2025", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
