using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using ReportHub.Browser.Tests.Site;

namespace ReportHub.Browser.Tests;

/// <summary>
/// The department clerk's upload page (demo account sct, unit 51.SCT) answering what was sent. Each test uploads into
/// a round of its own, answering a request document only it cites, so round 2021-10 and the other tests are untouched.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class UploadPageTests(DemoSite site)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task OnAPhoneTheGridScrollsToTheFlaggedCellInColumnHAndNoWordIsBroken()
    {
        var (round, document) = await NewRoundAsync();
        // The appendix typed from column E: the QR scan count lands in column H, off a phone's screen at first.
        var report = Report(document);
        report.Column = 5;
        report.QrRows[0] = report.QrRows[0] with { Scans = "năm trăm" };
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);

        await SendAsync(page, round, "bao-cao-cot-h.xlsx", report.ToXlsx(), "#upload-check");

        Assert.Equal("cells", await page.GetAttributeAsync("#result-status", "data-kind"));
        Assert.Contains("Hãy sửa các ô được đánh dấu", await page.InnerTextAsync("#result-status"), StringComparison.Ordinal);
        var cell = page.Locator("#report-grid td.cell-flagged:not(.cell-warning)").First;
        var address = await cell.GetAttributeAsync("data-cell");
        Assert.StartsWith("H", address, StringComparison.Ordinal);
        // The frame, not the page, scrolled sideways so that the cell is inside both the frame and the screen.
        var frame = await page.Locator("#grid-frame").BoundingBoxAsync();
        var box = await cell.BoundingBoxAsync();
        Assert.NotNull(frame);
        Assert.NotNull(box);
        Assert.True(await page.EvaluateAsync<double>("() => document.getElementById('grid-frame').scrollLeft") > 0, "the frame did not scroll");
        Assert.True(box.X >= frame.X - 1 && box.X + Math.Min(box.Width, 40) <= frame.X + frame.Width + 1, $"cell {address} at x={box.X} is outside its frame ({frame.X}–{frame.X + frame.Width})");
        Assert.True(box.X + Math.Min(box.Width, 40) <= DemoSite.Phone.Width, $"cell {address} at x={box.X} is off the screen");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= DemoSite.Phone.Width, "the page is wider than the phone");
        Assert.Empty(await BrokenWordsAsync(page));
        await Screenshots.SaveAsync(page, "upload-phone-flagged-column-h");
        await page.SetViewportSizeAsync(DemoSite.Phone.Width, DemoSite.Phone.Height);
        // The grid stays in its frame: the answer (headline, messages, grid) is not thousands of pixels tall for a
        // sheet of some fifty rows, whose table alone is several thousand pixels tall on a phone.
        var frameHeight = await page.EvaluateAsync<int>("() => document.getElementById('grid-frame').offsetHeight");
        var tableHeight = await page.EvaluateAsync<int>("() => document.getElementById('report-grid').offsetHeight");
        var answerHeight = await page.EvaluateAsync<int>("() => document.getElementById('result').offsetHeight");
        Assert.True(frameHeight <= DemoSite.Phone.Height * 0.7, $"the grid's frame is {frameHeight} px tall");
        Assert.True(tableHeight > frameHeight, "the grid did not need its frame: the test proves nothing");
        Assert.True(answerHeight < 1800, $"the answer is {answerHeight} px tall on a phone");
        // Each message links to its cell and each marked cell back to its message.
        var number = await cell.Locator("a.marker").First.InnerTextAsync();
        Assert.Equal($"#cell-{address}", await page.GetAttributeAsync($"#issue-{number} a.issue-cell-link", "href"));

        // At 1280 px the messages sit beside the grid, not a screen below it.
        await page.SetViewportSizeAsync(DemoSite.Desktop.Width, DemoSite.Desktop.Height);
        var list = await page.Locator("#issues").BoundingBoxAsync();
        var grid = await page.Locator("#grid-frame").BoundingBoxAsync();
        Assert.NotNull(list);
        Assert.NotNull(grid);
        Assert.True(Math.Abs(list.Y - grid.Y) < 200, $"messages start at y={list.Y}, the grid at y={grid.Y}");
        Assert.True(list.X + list.Width <= grid.X + 1, "the messages are not beside the grid");
        Assert.Empty(await BrokenWordsAsync(page));
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task APdfGetsAFileLevelHeadlineWithoutCellAdvice()
    {
        var page = await site.SignInAsync("sct", "demo-sct-2025");

        await SendAsync(page, null, "bao-cao.pdf", ReportHub.Testing.Refused.Pdf.Page(["BÁO CÁO"]), "#upload-check");

        Assert.Equal("refused", await page.GetAttributeAsync("#result-status", "data-kind"));
        var text = await page.InnerTextAsync("#result-status");
        Assert.Contains("Tệp không được nhận", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ô được đánh dấu", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#send-checked").CountAsync());
        await Screenshots.SaveAsync(page, "upload-pdf-refused");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnEmptyFileIsNamedEmptyBeforeAndAfterSending()
    {
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.GotoAsync("/unit");

        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "bao-cao-rong.xlsx", MimeType = Xlsx, Buffer = [] });

        var error = page.Locator("#upload-client-error");
        Assert.True(await error.IsVisibleAsync());
        Assert.Contains("Tệp rỗng (0 byte)", await error.InnerTextAsync(), StringComparison.Ordinal);
        // The script keeps the empty file from being sent at all.
        await page.ClickAsync("#upload-submit");
        Assert.Equal(0, await page.Locator("#result-status").CountAsync());
        await Screenshots.SaveAsync(page, "upload-empty-file-client");

        // Without the script the server says the same.
        await page.Context.RouteAsync("**/js/upload.js*", route => route.AbortAsync());
        await page.GotoAsync("/unit");
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "bao-cao-rong.xlsx", MimeType = Xlsx, Buffer = [] });
        await page.ClickAsync("#upload-submit");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Equal("empty", await page.GetAttributeAsync("#result-status", "data-kind"));
        Assert.Contains("Tệp rỗng (0 byte)", await page.InnerTextAsync("#result-status"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "upload-empty-file-server");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ACleanCheckIsSentWithOneClickAndShowsTheFiguresRead()
    {
        var (round, document) = await NewRoundAsync();
        var report = Report(document);
        report.QrRows[0] = report.QrRows[0] with { Scans = 7777L };
        var page = await site.SignInAsync("sct", "demo-sct-2025");

        await SendAsync(page, round, "bao-cao-kiem-tra.xlsx", report.ToXlsx(), "#upload-check");
        Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
        Assert.Contains("chưa được gửi", await page.InnerTextAsync("#result-status"), StringComparison.Ordinal);
        Assert.Contains("7.777", await page.InnerTextAsync("#read-figures"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "upload-checked");

        await page.ClickAsync("#send-checked");
        await page.Locator("#result-submission").WaitForAsync();
        Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
        Assert.Contains("Đã nhận báo cáo", await page.InnerTextAsync("#result-status"), StringComparison.Ordinal);
        var figures = await page.InnerTextAsync("#read-figures");
        Assert.Contains("Số lượt quét mã QR", figures, StringComparison.Ordinal);
        Assert.Contains("7.777", figures, StringComparison.Ordinal);
        Assert.Contains("bao-cao-kiem-tra.xlsx", await page.InnerTextAsync("#history"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "upload-sent-after-check");

        await page.ClickAsync("#result-submission");
        await page.Locator("#read-figures").WaitForAsync();
        Assert.Contains("7.777", await page.InnerTextAsync("#read-figures"), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "upload-submission-figures");
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    [Fact]
    public async Task ASessionThatRanOutKeepsTheChosenFileForTheNextPress()
    {
        var (round, document) = await NewRoundAsync();
        var page = await site.SignInAsync("sct", "demo-sct-2025");
        await page.GotoAsync("/unit");
        await page.SelectOptionAsync("#upload-round", round);
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "bao-cao-het-phien.xlsx", MimeType = Xlsx, Buffer = Report(document).ToXlsx() });

        // The session ends while the page is open (signed out in another tab, or timed out).
        await page.Context.ClearCookiesAsync();
        await page.ClickAsync("#upload-submit");
        var error = page.Locator("#upload-client-error");
        await error.WaitForAsync();
        Assert.Contains("Phiên đăng nhập đã hết hạn", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/unit", new Uri(page.Url).AbsolutePath);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.getElementById('upload-file').files.length"));
        await Screenshots.SaveAsync(page, "upload-session-expired");

        // Signed in again in another tab, the same press sends the same file.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/signin");
        await other.FillAsync("#signin-user", "sct");
        await other.FillAsync("#signin-password", "demo-sct-2025");
        await other.ClickAsync("#signin-submit");
        await other.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/signin", StringComparison.Ordinal));
        await other.CloseAsync();
        await page.ClickAsync("#upload-submit");
        await page.Locator("#result-status").WaitForAsync();
        Assert.Equal("accepted", await page.GetAttributeAsync("#result-status", "data-status"));
        await page.Context.CloseAsync();
        await CloseRoundAsync(round);
    }

    /// <summary>Words of the page's text laid out over two lines: a syllable cut in the middle ("QUẢN G").</summary>
    private static async Task<string[]> BrokenWordsAsync(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
            const broken = [];
            const roots = document.querySelectorAll('#report-grid th, #report-grid td, #issues li, #result-status, h1, h2, h3, h4, #read-figures dt');
            for (const root of roots) {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    // Runs of letters and digits: a line may break after a hyphen or slash, never inside a syllable.
                    const re = /[\p{L}\p{M}\p{N}]+/gu;
                    let m;
                    while ((m = re.exec(node.data)) !== null) {
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) {
                            broken.push(m[0]);
                        }
                    }
                }
            }
            return broken.slice(0, 20);
        }
        """);

    private static ReportHub.Testing.Appendix.ReportBuilder Report(string document) => new()
    {
        Request = ReportHub.Testing.Appendix.ReportBuilder.RequestLine.Replace("1406/STTTT-BCVT&CNTT", document, StringComparison.Ordinal),
    };

    private static async Task SendAsync(IPage page, string? round, string name, byte[] content, string button)
    {
        await page.GotoAsync("/unit");
        if (round is not null)
        {
            await page.SelectOptionAsync("#upload-round", round);
        }
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = name, MimeType = Xlsx, Buffer = content });
        await page.ClickAsync(button);
        await page.Locator("#result-status").WaitForAsync();
    }

    /// <summary>Closes a round of this class's own, so the unit page of later tests lists no more open rounds than before.</summary>
    private async Task CloseRoundAsync(string code)
    {
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var response = await client.PostAsync(new Uri($"/api/rounds/{code}/close", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"close {code}: {(int)response.StatusCode}");
    }

    /// <summary>An open round of the first template for 51.SCT alone, answering a request document of its own.</summary>
    private async Task<(string Round, string Document)> NewRoundAsync()
    {
        var suffix = Random.Shared.Next(10000, 100000).ToString(CultureInfo.InvariantCulture);
        var code = "UP-" + suffix;
        var document = suffix + "/STTTT-BCVT&CNTT";
        using var client = new HttpClient { BaseAddress = site.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await site.Api.AdminKeyAsync());
        using var response = await client.PostAsJsonAsync(new Uri("/api/rounds", UriKind.Relative), new
        {
            code,
            title = "Báo cáo công nghệ phòng, chống dịch (kiểm thử trang gửi báo cáo)",
            template = "covid-tech-2021",
            requestDocument = document,
            requestDate = "2021-10-26",
            deadline = "2030-12-31",
            expected = new { units = new[] { "51.SCT" } },
        });
        Assert.True(response.IsSuccessStatusCode, $"round: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (code, document);
    }
}
