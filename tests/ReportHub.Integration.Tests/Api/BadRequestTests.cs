using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Api;

public sealed class BadRequestTests
{
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private static async Task<HttpResponseMessage> PostRawAsync(ReportHubApp app, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await app.CreateClient().PostAsync("/api/submissions", content);
    }

    [Fact]
    public async Task MultipartWithoutBoundaryIsBadRequestInVietnamese()
    {
        using var app = new ReportHubApp();
        var problem = await AssertProblemAsync(await PostRawAsync(app, "multipart/form-data", "--x\r\n\r\n"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        Assert.Contains("boundary", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GarbageMultipartIsBadRequest()
    {
        using var app = new ReportHubApp();
        await AssertProblemAsync(await PostRawAsync(app, "multipart/form-data; boundary=abc", "\u0000\u0001 rác không phải multipart"), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
    }

    [Fact]
    public async Task UnterminatedPartIsBadRequest()
    {
        using var app = new ReportHubApp();
        var body = "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nSTT,Nội dung\r\n1,còn dở";
        await AssertProblemAsync(await PostRawAsync(app, "multipart/form-data; boundary=abc", body), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
    }

    [Fact]
    public async Task TwentyKilobyteFileNameIsBadRequest()
    {
        using var app = new ReportHubApp();
        var response = await app.UploadAsync(ReportBuilder.Seed().ToCsv(), new string('a', 20 * 1024) + ".csv");
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
    }

    [Fact]
    public async Task MoreThan1024FormFieldsIsBadRequest()
    {
        using var app = new ReportHubApp();
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < 1025; i++)
        {
            form.Add(new StringContent("x"), $"f{i}");
        }
        form.Add(new ByteArrayContent(ReportBuilder.Seed().ToCsv()), "file", "seed.csv");
        var problem = await AssertProblemAsync(await app.CreateClient().PostAsync("/api/submissions", form), HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        Assert.Contains("1.024 trường", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnnouncedBodyOverTheLimitIs413BeforeItIsRead()
    {
        using var app = new ReportHubApp(settings: new Dictionary<string, string> { ["Ingest:MaxFileBytes"] = "1048576" });
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[3 * 1024 * 1024]), "file", "lon.csv");
        var problem = await AssertProblemAsync(await app.CreateClient().PostAsync("/api/submissions", form), HttpStatusCode.RequestEntityTooLarge, "Tệp quá lớn");
        Assert.Contains("tối đa 1 MB", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FileJustOverTheLimitInsideTheEnvelopeIsRecordedAsTooLarge()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: new Dictionary<string, string> { ["Ingest:MaxFileBytes"] = "1000" });
        var response = await app.UploadAsync(new byte[5000], "hoi-lon.csv");
        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Báo cáo không được chấp nhận");
        Assert.Equal("file.too-large", problem.GetProperty("issues")[0].GetProperty("code").GetString());
        var id = problem.GetProperty("submissionId").GetInt64();
        var file = await app.CreateClient().GetAsync($"/api/submissions/{id}/file");
        await AssertProblemAsync(file, HttpStatusCode.NotFound, "Không có tệp gốc");
    }

    [Fact]
    public async Task ClientFileNameIsStoredWithoutControlCharactersAndCapped()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var name = "../../etc/bao\u0001cao\u202E" + new string('x', 1000) + ".xlsx";
        var response = await app.UploadAsync(ReportBuilder.Seed().ToXlsx(), name);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("submissionId").GetInt64();

        var stored = (await app.GetJsonAsync($"/api/submissions/{id}")).GetProperty("file").GetString()!;

        Assert.True(stored.Length <= 255, stored);
        Assert.StartsWith("baocao", stored);
        Assert.EndsWith(".xlsx", stored);
        Assert.DoesNotContain(stored, c => char.IsControl(c) || c is '/' or '\\' or '\u202E');
    }

    [Fact]
    public async Task SubmissionDetailShowsWhereEachIssueIs()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var builder = new ReportBuilder { QrRows = [new QrSpec("Sở Công Thương tỉnh Quảng Ngãi", -1L, 541L)] };
        var response = await app.UploadAsync(builder.ToXlsx(), "am.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var id = (await ReportHubApp.ReadJsonAsync(response)).GetProperty("submissionId").GetInt64();

        var detail = await app.GetJsonAsync($"/api/submissions/{id}");

        var negative = detail.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "value.negative");
        Assert.Contains($"ô {builder.Cells["qr.0.codes"]}", negative.GetProperty("location").GetString());
    }

    [Fact]
    public async Task UnknownRouteAnswersInVietnamese()
    {
        using var app = new ReportHubApp();
        var response = await app.CreateClient().GetAsync("/api/khong-co");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Không tìm thấy");
    }
}
