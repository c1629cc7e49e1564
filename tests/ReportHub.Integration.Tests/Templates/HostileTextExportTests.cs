using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Appendix;
using ReportHub.Testing.Unicode;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// Characters no file format can carry (controls, noncharacters, bidi overrides) in a registered template's title,
/// headings and labels, in a round's title and in a department's report: every export still answers 200 with a file
/// that opens, and none of those characters is in it.
/// </summary>
public sealed class HostileTextExportTests
{
    private const string TemplateId = "ky-tu-la-2026";
    private const string RoundCode = "2026-KTL";

    private static string Definition(string hostile) => $$"""
        {
          "id": "{{TemplateId}}", "version": 1,
          "title": "BIỂU MẪU{{hostile}} BÁO CÁO THỬ",
          "appendixHeading": "PHỤ LỤC{{hostile}}",
          "subject": "V/v báo cáo{{hostile}} thử",
          "labels": [
            { "key": "unitCode", "label": "Mã{{hostile}} đơn vị", "variants": ["Mã đơn vị"] },
            { "key": "roundCode", "label": "Mã đợt{{hostile}} báo cáo", "variants": ["Mã đợt báo cáo"] }
          ],
          "sections": [
            { "key": "projects", "number": "1", "heading": "Nhiệm vụ{{hostile}} thử", "keywords": ["nhiệm vụ thử"], "required": true,
              "table": { "rowKind": "project", "totalLabels": ["Tổng cộng"], "columns": [
                { "key": "ordinal", "header": "STT", "variants": ["TT"], "type": "ordinal", "width": 6 },
                { "key": "name", "header": "Tên{{hostile}} nhiệm vụ", "variants": ["Tên nhiệm vụ"], "type": "text", "required": true, "width": 40 },
                { "key": "planned", "header": "Kinh phí{{hostile}} (triệu đồng)", "variants": ["Kinh phí"], "type": "amount", "required": true, "min": 0, "width": 18 }
              ] } }
          ],
          "measures": [
            { "key": "projects", "label": "Số{{hostile}} nhiệm vụ", "from": "projects.rows", "aggregate": "sum" },
            { "key": "planned", "label": "Kinh phí{{hostile}} được giao", "from": "projects.planned", "aggregate": "sum" }
          ],
          "layout": { "blankRows": 3, "instructions": ["Ghi{{hostile}} mỗi nhiệm vụ một dòng."] }
        }
        """;

    [Theory]
    [InlineData(nameof(HostileText.Controls))]
    [InlineData(nameof(HostileText.Noncharacters))]
    [InlineData(nameof(HostileText.BidiControls))]
    public async Task TemplateAndRoundWithHostileTextStillGiveEveryExport(string group)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var hostile = JsonEscaped(HostileText.Group(group));

        var registered = await client.PostAsync("/api/templates", new StringContent(Definition(hostile), Encoding.UTF8, "application/json"));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var round = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = HostileText.Sprinkle("Báo cáo thử năm 2026", HostileText.Group(group)),
            template = TemplateId,
            requestDocument = "216/SKHCN-CĐS",
            requestDate = "2026-03-02",
            deadline = "2026-03-20",
            expected = new { units = new[] { "51.STP", "51.STC" } },
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());

        using (var blank = new XLWorkbook(new MemoryStream(await GetAsync(client, $"/api/units/51.STP/template.xlsx?round={RoundCode}"))))
        {
            AssertClean(blank, "BIỂU MẪU BÁO CÁO THỬ");
        }
        AssertClean(await GetAsync(client, $"/api/units/51.STP/template.docx?round={RoundCode}"), "BIỂU MẪU BÁO CÁO THỬ");
        using (var consolidated = new XLWorkbook(new MemoryStream(await GetAsync(client, $"/api/rounds/{RoundCode}/consolidated.xlsx"))))
        {
            AssertClean(consolidated, "Sở Tư pháp tỉnh Quảng Ngãi");
        }
        var csv = Encoding.UTF8.GetString(await GetAsync(client, $"/api/rounds/{RoundCode}/consolidated.csv"));
        Assert.Contains("51.STP", csv, StringComparison.Ordinal);
        Assert.True(HostileText.IsFree(csv));
    }

    // Control characters are left out: a CSV holding them is not taken for text at all (file.not-spreadsheet).
    [Theory]
    [InlineData(nameof(HostileText.Noncharacters))]
    [InlineData(nameof(HostileText.BidiControls))]
    public async Task DepartmentCsvWithHostileTextKeepsTheConsolidatedWorkbookOpen(string group)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var hostile = HostileText.Group(group);
        var report = ReportBuilder.Seed();
        report.Directives = [.. report.Directives.Select(d => d with { Content = HostileText.Sprinkle(d.Content, hostile) })];
        report.QrRows = [.. report.QrRows.Select(q => q with { Entity = HostileText.Sprinkle(q.Entity, hostile), Note = HostileText.Sprinkle("Ghi chú thử", hostile) })];

        var upload = await app.UploadAsync(report.ToCsv(), "sct.csv", "round=2021-10");
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());

        using (var consolidated = new XLWorkbook(new MemoryStream(await GetAsync(client, "/api/rounds/2021-10/consolidated.xlsx"))))
        {
            AssertClean(consolidated, "Sở Công Thương tỉnh Quảng Ngãi");
        }
        Assert.True(HostileText.IsFree(Encoding.UTF8.GetString(await GetAsync(client, "/api/rounds/2021-10/consolidated.csv"))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rounds/2021-10/totals")).StatusCode);
    }

    private static string JsonEscaped(IEnumerable<string> hostile) =>
        string.Concat(hostile.SelectMany(h => h).Select(c => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertClean(XLWorkbook workbook, string expected)
    {
        var texts = workbook.Worksheets.SelectMany(s => s.CellsUsed().Select(c => c.GetString()).Append(s.Name)).ToList();
        Assert.Contains(texts, t => t.Contains(expected, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.True(HostileText.IsFree(t), t));
    }

    private static void AssertClean(byte[] docx, string expected)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.True(HostileText.IsFree(text), text);
    }
}
