using System.Net;
using System.Text.Json;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Cli;
using ReportHub.Testing.Documents;

namespace ReportHub.Integration.Tests;

/// <summary>
/// A Word letter stored with the figures Word shows: hidden digits and rows and rows deleted with tracked changes are
/// not counted, through the API and the CLI alike; a second letter or a table in a text box refuses the file.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class WordLetterAsSeenTests
{
    /// <summary>Word shows 541 scans: "5" + hidden "0000" + "41", a hidden row of 999,999 and a deleted row of 888,888.</summary>
    private static byte[] LetterWithHiddenAndDeletedFigures() => SeedLetters.Report2162(t => t
        .Row("1", SeedLetters.IssuingUnit, "01",
            new WordCell().Paragraph(new WordRun("5"), new WordRun("0000") { Hidden = true }, new WordRun("41")), "")
        .HiddenRow("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "999999", "")
        .DeletedRow("3", "Các chợ hạng 1 trên địa bàn tỉnh", "0", "888888", "")).ToBytes();

    private static byte[] TwoLettersInOneFile() => SeedLetters.Report2162(builder: SeedLetters.Report2162()).ToBytes();

    private static List<JsonElement> Issues(JsonElement body) => [.. body.GetProperty("issues").EnumerateArray()];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return await client.PostAsync("/api/submissions?round=2021-10&unit=51.SCT", form);
    }

    [Fact]
    public async Task ApiStoresTheFiguresWordShowsAndSaysWhatWasLeftOut()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var response = await PostAsync(client, LetterWithHiddenAndDeletedFigures(), "cong-van-2162.docx");

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(541, body.GetProperty("qrScans").GetInt64());
        var stored = await ReportHubApp.ReadJsonAsync(await client.GetAsync($"/api/submissions/{body.GetProperty("submissionId").GetInt64()}"));
        Assert.Equal(541, stored.GetProperty("figures").GetProperty("qrScans").GetInt64());
        Assert.Equal(1, stored.GetProperty("figures").GetProperty("qrCodes").GetInt64());
        var issues = Issues(stored);
        var hidden = Assert.Single(issues, i => i.GetProperty("code").GetString() == "docx.hidden-skipped");
        Assert.Equal("warning", hidden.GetProperty("severity").GetString());
        Assert.Contains("1 đoạn chữ ẩn và 1 dòng ẩn ở Bảng 2", hidden.GetProperty("message").GetString());
        var tracked = Assert.Single(issues, i => i.GetProperty("code").GetString() == "docx.tracked-changes");
        Assert.Contains("bỏ 1 dòng bị xóa ở Bảng 2", tracked.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ApiRefusesTwoLettersInOneFileAtTheSecondMotto()
    {
        using var app = ReportHubApp.ReferenceOnly();

        var response = await PostAsync(app.CreateClient(), TwoLettersInOneFile(), "hai-cong-van.docx");

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
        var error = Assert.Single(Issues(body), i => i.GetProperty("code").GetString() == "letter.several");
        Assert.Contains("công văn thứ hai", error.GetProperty("message").GetString());
        // The second letter's header table follows the first letter's four tables.
        Assert.Equal("Bảng tiêu đề công văn thứ 2, dòng 1, cột 2", error.GetProperty("location").GetString());
    }

    [Fact]
    public async Task ApiRefusesATableInATextBoxNamingIt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var file = SeedLetters.Report2162().TextBox(t => t.Row("2", "Chợ Đầu mối Nông sản Quảng Ngãi", "0", "777777", "")).ToBytes();

        var response = await PostAsync(app.CreateClient(), file, "hop-van-ban.docx");

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body.ToString());
        var error = Assert.Single(Issues(body), i => i.GetProperty("code").GetString() == "docx.unread-content");
        Assert.Contains("hộp văn bản chứa một bảng", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CliStoresTheFiguresWordShowsAndRefusesASecondLetter()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var seen = cli.WriteFile("cong-van-2162.docx", LetterWithHiddenAndDeletedFigures());
        var twice = cli.WriteFile("hai-cong-van.docx", TwoLettersInOneFile());

        var (_, results) = await cli.IngestAsync([seen, twice], "--round", "2021-10", "--unit", "51.SCT");

        var accepted = Assert.Single(results, r => r.GetProperty("file").GetString() == seen);
        Assert.True(accepted.GetProperty("status").GetString() == "accepted", accepted.ToString());
        Assert.Equal(541, accepted.GetProperty("figures").GetProperty("qrScans").GetInt64());
        Assert.Contains(Issues(accepted), i => i.GetProperty("code").GetString() == "docx.hidden-skipped");
        Assert.Contains(Issues(accepted), i => i.GetProperty("code").GetString() == "docx.tracked-changes");
        var refused = Assert.Single(results, r => r.GetProperty("file").GetString() == twice);
        Assert.Equal("rejected", refused.GetProperty("status").GetString());
        Assert.Contains(Issues(refused), i => i.GetProperty("code").GetString() == "letter.several");
    }
}
