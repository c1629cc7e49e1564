using System.Net;
using System.Text;
using System.Text.Json;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Intake;

/// <summary>
/// A unit sends a late revision, then the first version's bytes again: the duplicate answer says which version counts
/// now and how to make the first one current, and <c>POST /api/submissions/{id}/reinstate</c> does it.
/// </summary>
public sealed class ReinstateApiTests
{
    private const string Round = OnlineServicesReports.Round;
    private const string Unit = "51.STP";

    [Fact]
    public async Task ResendOfASupersededVersionNamesTheCurrentOneAndReinstatingMakesItCurrent()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var first = OnlineServicesReports.For(Unit, received: 1000).ToXlsx();
        var revision = OnlineServicesReports.For(Unit, received: 1200).ToXlsx();
        var firstId = await AcceptedAsync(app, first, "stp-q3.xlsx");
        var revisionId = await AcceptedAsync(app, revision, "stp-q3-sua.xlsx");

        var resent = await app.UploadAsync(first, "stp-q3-gui-lai.xlsx");

        var duplicate = await ReportHubApp.ReadJsonAsync(resent);
        Assert.True(resent.StatusCode == HttpStatusCode.OK, duplicate.ToString());
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal(firstId, duplicate.GetProperty("submissionId").GetInt64());
        Assert.Equal(revisionId, duplicate.GetProperty("currentSubmissionId").GetInt64());
        var revisionStored = await app.GetJsonAsync($"/api/submissions/{revisionId}");
        Assert.Equal(revisionStored.GetProperty("receivedAt").GetDateTimeOffset(), duplicate.GetProperty("currentReceivedAt").GetDateTimeOffset());
        Assert.Equal($"/api/submissions/{firstId}/reinstate", duplicate.GetProperty("reinstate").GetString());
        var issue = Assert.Single(duplicate.GetProperty("issues").EnumerateArray());
        Assert.Equal("duplicate.not-current", issue.GetProperty("code").GetString());
        Assert.Equal("warning", issue.GetProperty("severity").GetString());
        var message = issue.GetProperty("message").GetString()!;
        Assert.True(message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains($"bản đang được tính cho đơn vị {Unit} trong đợt {Round} là báo cáo #{revisionId}", message, StringComparison.Ordinal);
        Assert.Contains($"POST /api/submissions/{firstId}/reinstate", message, StringComparison.Ordinal);
        Assert.Equal(1000m, duplicate.GetProperty("figures").GetProperty("received").GetDecimal());

        var before = Assert.Single((await app.GetJsonAsync($"/api/rounds/{Round}/units")).EnumerateArray(), u => u.GetProperty("unit").GetString() == Unit);
        Assert.Equal(revisionId, before.GetProperty("submissionId").GetInt64());

        var reinstated = await app.ClientFor(Roles.Department, Unit).PostAsync($"/api/submissions/{firstId}/reinstate", null);

        var body = await ReportHubApp.ReadJsonAsync(reinstated);
        Assert.True(reinstated.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("changed").GetBoolean());
        Assert.Equal(revisionId, body.GetProperty("replaced").GetInt64());
        Assert.Equal("current", body.GetProperty("submission").GetProperty("status").GetString());
        var versions = (await app.GetJsonAsync($"/api/units/{Unit}/submissions?round={Round}")).EnumerateArray().ToList();
        var current = Assert.Single(versions, v => v.GetProperty("status").GetString() == "current");
        Assert.Equal(firstId, current.GetProperty("id").GetInt64());
        Assert.Equal("superseded", (await app.GetJsonAsync($"/api/submissions/{revisionId}")).GetProperty("status").GetString());
        var row = Assert.Single((await app.GetJsonAsync($"/api/rounds/{Round}/units")).EnumerateArray(), u => u.GetProperty("unit").GetString() == Unit);
        Assert.Equal(firstId, row.GetProperty("submissionId").GetInt64());
        Assert.Equal(1000m, row.GetProperty("figures").GetProperty("received").GetDecimal());
        var entry = Assert.Single((await app.GetJsonAsync("/api/audit?limit=50")).EnumerateArray(), e => e.GetProperty("action").GetString() == "submission.reinstate");
        Assert.Equal($"#{firstId}", entry.GetProperty("target").GetString());

        // Now the first version counts: sending it again is a plain duplicate, shaped as before.
        var plain = await ReportHubApp.ReadJsonAsync(await app.UploadAsync(first, "stp-q3-lan-3.xlsx"));
        Assert.Empty(plain.GetProperty("issues").EnumerateArray());
        foreach (var field in new[] { "currentSubmissionId", "currentReceivedAt", "reinstate" })
        {
            Assert.False(plain.TryGetProperty(field, out _), field);
        }
        var repeated = await ReportHubApp.ReadJsonAsync(await app.CreateClient().PostAsync($"/api/submissions/{firstId}/reinstate", null));
        Assert.False(repeated.GetProperty("changed").GetBoolean());
        Assert.Single((await app.GetJsonAsync("/api/audit?limit=50")).EnumerateArray(), e => e.GetProperty("action").GetString() == "submission.reinstate");
    }

    [Fact]
    public async Task DepartmentCannotReinstateAnotherUnitsSubmission()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var firstId = await AcceptedAsync(app, OnlineServicesReports.For(Unit, received: 1000).ToXlsx(), "stp-q3.xlsx");
        var revisionId = await AcceptedAsync(app, OnlineServicesReports.For(Unit, received: 1200).ToXlsx(), "stp-q3-sua.xlsx");

        var response = await app.ClientFor(Roles.Department, "51.SCT").PostAsync($"/api/submissions/{firstId}/reinstate", null);

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, problem.ToString());
        Assert.Contains("51.SCT", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("current", (await app.GetJsonAsync($"/api/submissions/{revisionId}")).GetProperty("status").GetString());
        Assert.Equal("superseded", (await app.GetJsonAsync($"/api/submissions/{firstId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RejectedUnknownDuplicateOrClosedRoundSubmissionsAreNotReinstated()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var rejected = await app.UploadAsync(OnlineServicesReports.For("51.524").ToXlsx(), "binhson.xlsx");
        var rejectedId = (await ReportHubApp.ReadJsonAsync(rejected)).GetProperty("submissionId").GetInt64();
        var first = OnlineServicesReports.For(Unit, received: 1000).ToXlsx();
        var firstId = await AcceptedAsync(app, first, "stp-q3.xlsx");
        await AcceptedAsync(app, OnlineServicesReports.For(Unit, received: 1200).ToXlsx(), "stp-q3-sua.xlsx");
        await app.UploadAsync(first, "stp-q3-gui-lai.xlsx");
        var duplicateId = (await app.GetJsonAsync($"/api/units/{Unit}/submissions?round={Round}")).EnumerateArray()
            .Single(v => v.GetProperty("status").GetString() == "duplicate").GetProperty("id").GetInt64();

        await AssertProblemAsync(await client.PostAsync($"/api/submissions/{rejectedId}/reinstate", null), HttpStatusCode.Conflict, "đã bị từ chối");
        await AssertProblemAsync(await client.PostAsync($"/api/submissions/{duplicateId}/reinstate", null), HttpStatusCode.Conflict, $"hãy khôi phục báo cáo #{firstId}");
        await AssertProblemAsync(await client.PostAsync("/api/submissions/999999/reinstate", null), HttpStatusCode.NotFound, "#999999");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rounds/{Round}/close", null)).StatusCode);
        await AssertProblemAsync(await client.PostAsync($"/api/submissions/{firstId}/reinstate", null), HttpStatusCode.Conflict, "đã đóng");
        Assert.Equal("superseded", (await app.GetJsonAsync($"/api/submissions/{firstId}")).GetProperty("status").GetString());
    }

    private static async Task<long> AcceptedAsync(ReportHubApp app, byte[] file, string name)
    {
        var response = await app.UploadAsync(file, name);
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("submissionId").GetInt64();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {problem}");
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
    }
}
