using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Api.Uploads;
using ReportHub.Integration.Tests.Support;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>
/// “Kiểm tra thử” then “Gửi báo cáo này”: the checked file is kept on the server under a token that only its own
/// account and unit can spend, once, within the hour.
/// </summary>
public sealed partial class CheckedUploadTests
{
    private static byte[] Good => ReportBuilder.Seed().ToXlsx();

    [Fact]
    public async Task ACleanCheckIsSentWithOneClickAndTheTokenSendsOnlyOnce()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var check = await session.UploadAsync(Good, "bao-cao.xlsx", dryRun: true);
        var token = TokenOn(await check.Content.ReadAsStringAsync());
        Assert.Single(Directory.GetFiles(Folder(app), "*.bin"));

        var sent = await session.SendCheckedAsync(token);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("data-status=\"accepted\"", html);
        Assert.Contains("Đã nhận báo cáo", html);
        Assert.Matches("href=\"/submissions/\\d+\"", html);
        Assert.DoesNotContain("id=\"history-empty\"", html);
        Assert.Empty(Directory.GetFiles(Folder(app)));

        var again = await session.SendCheckedAsync(token);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("Không còn tệp đã kiểm tra để gửi", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenOlderThanAnHourIsRefusedAndItsFileDeleted()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var app = ReportHubApp.ReferenceOnly(clock: clock);
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        var token = TokenOn(await (await session.UploadAsync(Good, "bao-cao.xlsx", dryRun: true)).Content.ReadAsStringAsync());

        clock.Now += CheckedUploads.Lifetime + TimeSpan.FromMinutes(1);
        var late = await session.SendCheckedAsync(token);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("id=\"history-empty\"", await late.Content.ReadAsStringAsync());
        Assert.Empty(Directory.GetFiles(Folder(app)));
    }

    [Fact]
    public async Task AnotherAccountCannotSpendTheTokenAndItStaysForItsOwner()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var owner = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var colleague = await PageSession.SignedInAsync(app, "vanthu2", Roles.Department, "51.SCT");
        var token = TokenOn(await (await owner.UploadAsync(Good, "bao-cao.xlsx", dryRun: true)).Content.ReadAsStringAsync());

        var stolen = await colleague.SendCheckedAsync(token);
        Assert.Equal(HttpStatusCode.Gone, stolen.StatusCode);
        Assert.Single(Directory.GetFiles(Folder(app), "*.bin"));

        var sent = await owner.SendCheckedAsync(token);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("data-status=\"accepted\"", await sent.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenCheckedForOneUnitDoesNotSendForAnother()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        var token = await admin.TokenAsync("/unit?unit=51.SCT");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("51.SCT"), "unit" },
            { new StringContent("check"), "action" },
            { new ByteArrayContent(Good), "upload", "bao-cao.xlsx" },
        };
        var check = await admin.Client.PostAsync("/unit?unit=51.SCT", form);
        var checkToken = TokenOn(await check.Content.ReadAsStringAsync());

        var elsewhere = await admin.SendCheckedAsync(checkToken, unit: "51.524");
        Assert.Equal(HttpStatusCode.Gone, elsewhere.StatusCode);

        var right = await admin.SendCheckedAsync(checkToken, unit: "51.SCT");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("data-status=\"accepted\"", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACheckWithErrorsKeepsNothingToSend()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        var bad = ReportBuilder.Seed();
        bad.QrRows[0] = bad.QrRows[0] with { Scans = "abc" };

        var check = await session.UploadAsync(bad.ToXlsx(), "bao-cao.xlsx", dryRun: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, check.StatusCode);
        var html = await check.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"send-checked\"", html);
        Assert.Contains("data-kind=\"cells\"", html);
        Assert.False(Directory.Exists(Folder(app)) && Directory.GetFiles(Folder(app)).Length > 0);
    }

    [Fact]
    public async Task AnEmptyFileIsNamedAsEmpty()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await session.UploadAsync([], "bao-cao.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-kind=\"empty\"", html);
        Assert.Contains("Tệp rỗng (0 byte)", html);
        Assert.Contains("“bao-cao.xlsx”", html);
        Assert.DoesNotContain("Chưa chọn tệp báo cáo", html);
    }

    [Fact]
    public async Task APdfIsRefusedAsAFileWithoutTheCellAdvice()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await session.UploadAsync(ReportHub.Testing.Refused.Pdf.Page(["BÁO CÁO"]), "bao-cao.pdf");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-kind=\"refused\"", html);
        Assert.Contains("Tệp không được nhận", html);
        Assert.DoesNotContain("Hãy sửa các ô", html);
    }

    [Fact]
    public async Task AClosedRoundIsRefusedAsAFileWithoutTheCellAdvice()
    {
        using var app = ReportHubApp.ReferenceOnly();
        Assert.NotNull(await app.Services.GetRequiredService<ReportHub.Pipeline.Rounds.RoundService>().SetClosedAsync("2021-10", true, CancellationToken.None));
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await session.UploadAsync(Good, "bao-cao.xlsx");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-code=\"round.closed\"", html);
        Assert.Contains("data-kind=\"refused\"", html);
        Assert.DoesNotContain("Hãy sửa các ô", html);
    }

    [Fact]
    public async Task TheResultAndTheReportPageShowTheFiguresRead()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        var report = ReportBuilder.Seed();

        var sent = await session.UploadAsync(report.ToXlsx(), "bao-cao.xlsx");
        var html = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());

        var scans = ReportHub.Api.Web.Display.Number(report.ExpectedQrScans);
        Assert.Contains("id=\"read-figures\"", html);
        Assert.Matches($"data-key=\"qrScans\">\\s*<dt>Số lượt quét mã QR</dt>\\s*<dd>{Regex.Escape(scans)}</dd>", html);
        var id = Regex.Match(html, "href=\"/submissions/(\\d+)\"").Groups[1].Value;
        var page = WebUtility.HtmlDecode((await session.FollowAsync("/submissions/" + id)).Html);
        Assert.Matches($"data-key=\"qrScans\">\\s*<dt>Số lượt quét mã QR</dt>\\s*<dd>{Regex.Escape(scans)}</dd>", page);
    }

    private static string Folder(ReportHubApp app) => app.Services.GetRequiredService<CheckedUploads>().Folder;

    private static string TokenOn(string html) =>
        CheckToken().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No check token on the page:\n" + html[..Math.Min(html.Length, 4000)]);

    [GeneratedRegex("name=\"checkToken\" value=\"([0-9a-f]{48})\"")]
    private static partial Regex CheckToken();
}
