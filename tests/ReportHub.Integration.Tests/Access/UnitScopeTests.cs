using System.Net;
using System.Net.Http.Headers;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>
/// A department writes only its own unit's rows. Unit scope is checked before anything is stored, the duplicate
/// check included: another unit's exact bytes, a header naming another unit, an unknown unit or no unit at all are
/// refused with 403 and leave no submission, duplicate or history row anywhere.
/// </summary>
public sealed class UnitScopeTests
{
    private const string Sct = "51.SCT";
    private const string BinhSon = "51.524";

    private static byte[] SctReport => File.ReadAllBytes(RepoPaths.SampleReport("sct-2162-seed004.xlsx"));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name, string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/submissions" + (query is null ? "" : "?" + query), form);
    }

    /// <summary>Every stored row a file can leave: submissions (accepted, rejected, duplicate) and each unit's history.</summary>
    private sealed record Stored(long Submissions, int SctHistory, int BinhSonHistory);

    private static async Task<Stored> StoredAsync(ReportHubApp app) => new(
        await WarehouseRows.CountAsync(app, "submissions"),
        (await app.GetJsonAsync($"/api/units/{Sct}/submissions")).GetArrayLength(),
        (await app.GetJsonAsync($"/api/units/{BinhSon}/submissions")).GetArrayLength());

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("submissionId", body, StringComparison.Ordinal);
        Assert.DoesNotContain("qrScans", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUnitsExactBytesAre403AndNothingIsStored()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var accepted = await UploadAsync(app.CreateClient(), SctReport, "sct.xlsx");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var binhSon = app.ClientFor(Roles.Department, BinhSon);
        var before = await StoredAsync(app);

        var copy = await UploadAsync(binhSon, SctReport, "bao-cao-binh-son.xlsx");

        await AssertForbiddenAsync(copy);
        Assert.Contains(Sct, await copy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(app));
        var history = await app.GetJsonAsync($"/api/units/{Sct}/submissions");
        Assert.DoesNotContain(history.EnumerateArray(), v => v.GetProperty("fileName").GetString() == "bao-cao-binh-son.xlsx");
    }

    [Fact]
    public async Task AnotherUnitsExactBytesOnTheUnitPageAre403AndNothingIsStored()
    {
        using var app = ReportHubApp.ReferenceOnly();
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(app.CreateClient(), SctReport, "sct.xlsx")).StatusCode);
        using var clerk = await PageSession.SignedInAsync(app, "binhson", Roles.Department, BinhSon);
        var before = await StoredAsync(app);

        var copy = await clerk.UploadAsync(SctReport, "bao-cao-binh-son.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, copy.StatusCode);
        Assert.DoesNotContain("data-status=\"duplicate\"", await copy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(app));
    }

    [Fact]
    public async Task ARefusalIsAuditedAlikeFromThePageAndFromTheApi()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var key = app.ClientFor(Roles.Department, BinhSon);
        using var clerk = await PageSession.SignedInAsync(app, "binhson", Roles.Department, BinhSon);

        var api = await UploadAsync(key, SctReport, "qua-api.xlsx");
        var page = await clerk.UploadAsync(SctReport, "qua-trang.xlsx");

        await AssertForbiddenAsync(api);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var refusals = (await app.GetJsonAsync("/api/audit")).EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "submission.upload")
            .ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(BinhSon, e.GetProperty("target").GetString()));
        Assert.All(refusals, e => Assert.StartsWith("Từ chối: ", e.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.Equal(refusals[0].GetProperty("detail").GetString(), refusals[1].GetProperty("detail").GetString());
        Assert.Contains(refusals, e => e.GetProperty("actor").GetString() == "user:binhson");
        Assert.Contains(refusals, e => e.GetProperty("actor").GetString()!.StartsWith("key:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnExactBytesAreStillADuplicate()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var sct = app.ClientFor(Roles.Department, Sct);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(sct, SctReport, "sct.xlsx")).StatusCode);

        var again = await UploadAsync(sct, SctReport, "sct-lan-2.xlsx");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await ReportHubApp.ReadJsonAsync(again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task FileNamingAnUnknownUnitIsRefusedAndNotStored()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var sct = app.ClientFor(Roles.Department, Sct);
        var unknown = new ReportBuilder { IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG CÓ TRONG DANH MỤC"] }.ToXlsx();
        var before = await StoredAsync(app);

        var upload = await UploadAsync(sct, unknown, "la.xlsx");
        var dryRun = await UploadAsync(sct, unknown, "la.xlsx", "dryRun=true");

        await AssertForbiddenAsync(upload);
        Assert.Contains("SỞ KHÔNG CÓ TRONG DANH MỤC", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertForbiddenAsync(dryRun);
        Assert.Equal(before, await StoredAsync(app));
        Assert.Equal(0, await WarehouseRows.CountAsync(app, "submissions"));
    }

    [Fact]
    public async Task FileNamingNoUnitIsRefusedAndNotStoredUnderTheSender()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var sct = app.ClientFor(Roles.Department, Sct);
        var anonymous = new ReportBuilder { IncludeHeader = false }.ToXlsx();
        var before = await StoredAsync(app);

        var upload = await UploadAsync(sct, anonymous, "khong-ten.xlsx", "round=2021-10");

        await AssertForbiddenAsync(upload);
        Assert.Contains("không ghi là báo cáo của đơn vị nào", await upload.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(app));
        Assert.Equal(0, await WarehouseRows.CountAsync(app, "submissions"));
        // The same file sent by an analyst's tool with the unit chosen is still taken: only departments need the header.
        var admin = await UploadAsync(app.CreateClient(), anonymous, "khong-ten.xlsx", $"round=2021-10&unit={Sct}");
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
    }

    [Fact]
    public async Task FileNamingNoUnitOnTheUnitPageIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, Sct);

        var upload = await clerk.UploadAsync(new ReportBuilder { IncludeHeader = false }.ToXlsx(), "khong-ten.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(0, await WarehouseRows.CountAsync(app, "submissions"));
    }

    [Fact]
    public async Task FileThatIsNotAReportStaysTheSendersRejectedAttempt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var sct = app.ClientFor(Roles.Department, Sct);

        var upload = await UploadAsync(sct, "đây không phải bảng tính"u8.ToArray(), "ghi-chu.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        var body = await ReportHubApp.ReadJsonAsync(upload);
        Assert.Equal(Sct, body.GetProperty("unit").GetString());
        var history = await app.GetJsonAsync($"/api/units/{Sct}/submissions");
        Assert.Equal("ghi-chu.xlsx", Assert.Single(history.EnumerateArray()).GetProperty("fileName").GetString());
    }
}
