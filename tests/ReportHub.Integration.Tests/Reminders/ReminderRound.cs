using System.Net;
using System.Net.Http.Json;
using ReportHub.Testing.App;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>A round of the test's own, past its deadline, that three departments have not reported to.</summary>
internal static class ReminderRound
{
    public const string Code = "2024-NHAC";
    public const string Title = "Báo cáo tình hình chuyển đổi số quý I năm 2024";
    public const string RequestDocument = "321/STTTT-CĐS";
    public static readonly string[] Units = ["51.SNV", "51.STP", "51.VPUBND"];

    public static async Task CreateAsync(ReportHubApp app, string code = Code)
    {
        var created = await app.CreateClient().PostAsJsonAsync("/api/rounds", new
        {
            code,
            title = Title,
            template = "covid-tech-2021",
            requestDocument = RequestDocument,
            requestDate = "2024-03-01",
            deadline = "2024-03-15",
            expected = new { units = Units },
        });
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"round not created: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task SetContactAsync(ReportHubApp app, string unit, string? email)
    {
        var answer = await app.CreateClient().PutAsJsonAsync($"/api/units/{unit}/contact", new { email });
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"contact not set: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }
}
