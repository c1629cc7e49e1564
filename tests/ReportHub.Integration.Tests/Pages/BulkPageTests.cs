using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ReportHub.Testing.Archives;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The /bulk page without scripts: the plain form post renders each file's outcome, and the page's limits.</summary>
public sealed partial class BulkPageTests
{
    private static async Task<HttpResponseMessage> PostZipAsync(PageSession session, byte[] zip, string? round = null, string fileName = "thu-den.zip")
    {
        var token = await session.TokenAsync("/bulk");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(zip), "archive", fileName);
        form.Add(new StringContent(round ?? ""), "round");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bulk") { Content = form };
        // A browser's form post: it accepts a page, so an error is answered with one.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await session.Client.SendAsync(request);
    }

    [Fact]
    public async Task APlainFormPostListsEachFileWithItsOutcomeAndLinksToItsReport()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var session = await PageSession.SignedInAsync(app, "chuyenvien", Roles.Analyst, null);
        var (status, page) = await session.GetAsync("/bulk");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"nav-bulk\"", page);
        Assert.Contains("tối đa 200 tệp", page);
        var zip = new ZipFiles()
            .Add("Sơn Tịnh.xlsx", UnitReports.SonTinh().ToXlsx())
            .Add("../ngoai.xlsx", [1, 2, 3])
            .Add("sai.csv", "STT,Đơn vị\n"u8.ToArray())
            .ToBytes();

        var response = await PostZipAsync(session, zip, round: "2021-10");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kết quả: 3 tệp", html);
        Assert.Matches("<tr data-status=\"accepted\" data-unit=\"51.527\">\\s*<td[^>]*>Sơn Tịnh.xlsx</td>", html);
        Assert.Matches("href=\"/submissions/\\d+\">#\\d+</a>", html);
        Assert.Contains("<tr data-status=\"refused\"", html);
        Assert.Contains("không an toàn", html);
        Assert.Contains("<tr data-status=\"rejected\"", html);
        Assert.Matches("id=\"summary-accepted\">1<", html);
        Assert.Matches("id=\"summary-refused\">1<", html);
        Assert.Matches("<option value=\"2021-10\" selected=\"selected\">", html);
        // The submission it links to is the one stored, under its own name.
        var id = SubmissionLink().Match(html).Groups[1].Value;
        Assert.Equal("Sơn Tịnh.xlsx", (await app.GetJsonAsync($"/api/submissions/{id}")).GetProperty("file").GetString());
    }

    [Fact]
    public async Task OnlyAnalystsAndAdminsHaveThePage()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var department = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var (status, _) = await department.GetAsync("/bulk");
        var (_, unitPage) = await department.GetAsync("/unit");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.DoesNotContain("id=\"nav-bulk\"", unitPage);
    }

    [Fact]
    public async Task AnArchiveRefusedWholeOrMissingIsSaidOnThePage()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Bulk:MaxEntries", "1")]);
        using var session = await PageSession.SignedInAsync(app, "chuyenvien", Roles.Analyst, null);

        var notZip = await PostZipAsync(session, "không phải tệp nén"u8.ToArray(), fileName: "ghi-chu.txt");
        var tooMany = await PostZipAsync(session, new ZipFiles().Add("a.xlsx", [1]).Add("b.xlsx", [2]).ToBytes());
        var empty = await PostZipAsync(session, []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notZip.StatusCode);
        Assert.Contains("không phải tệp nén .zip", await notZip.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Contains("vượt quá giới hạn 1 tệp", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("rỗng (0 byte)", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePageReadsAnArchiveLargerThanOneFileAndRefusesOneOverItsOwnLimit()
    {
        using var app = ReportHubApp.ReferenceOnly(settings:
        [
            new("Ingest:MaxFileBytes", (256 * 1024).ToString()),
            new("Bulk:MaxArchiveBytes", (1024 * 1024).ToString()),
        ]);
        using var session = await PageSession.SignedInAsync(app, "chuyenvien", Roles.Analyst, null);
        var within = new ZipFiles().Add("Sơn Tịnh.xlsx", UnitReports.SonTinh().ToXlsx())
            .Add("a.csv", ZipFiles.Noise(200 * 1024, 1), CompressionLevel.NoCompression)
            .Add("b.csv", ZipFiles.Noise(200 * 1024, 2), CompressionLevel.NoCompression).ToBytes();
        // Over the archive's limit but within the room left for the form around it: the page itself refuses it.
        var over = new ZipFiles().Add("a.csv", ZipFiles.Noise(1100 * 1024, 3), CompressionLevel.NoCompression).ToBytes();
        // Over the body the page reads at all: refused unread, with the error page naming the archive's limit.
        var farOver = new ZipFiles().Add("a.csv", ZipFiles.Noise(1600 * 1024, 4), CompressionLevel.NoCompression).ToBytes();

        var read = await PostZipAsync(session, within);
        var refused = await PostZipAsync(session, over);
        var unread = await PostZipAsync(session, farOver);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Matches("id=\"summary-accepted\">1<", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("Tệp nén gửi lên vượt quá 1 MB", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, unread.StatusCode);
        var page = await unread.Content.ReadAsStringAsync();
        Assert.Contains("Tệp nén quá lớn", page);
        Assert.Contains("mỗi tệp nén tối đa 1 MB", page);
        // Only the archive that was read stored anything.
        Assert.Equal(1, (await app.GetJsonAsync("/api/units/51.527/submissions")).GetArrayLength());
    }

    [GeneratedRegex("href=\"/submissions/(\\d+)\"")]
    private static partial Regex SubmissionLink();
}
