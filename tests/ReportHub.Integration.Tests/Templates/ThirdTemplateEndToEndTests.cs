using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ReportHub.Core.Templates;
using ReportHub.Testing.Documents;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// A template that exists only in this file (the digital transformation budget report: projects with a field chosen
/// from a list, amounts in million VND and a completion percent) goes through the whole product over HTTP:
/// registered, a round opened with it, its blank forms generated, filled and uploaded, and its figures summed into
/// the totals, the per-unit table and the consolidated workbook and CSV. Nothing outside the test knows it.
/// </summary>
public sealed class ThirdTemplateEndToEndTests
{
    private const string TemplateId = "cds-kinh-phi-2026";
    private const string RoundCode = "2026-CDS";
    private const string ProjectsHeading = "Nhiệm vụ, dự án chuyển đổi số";
    private const string NameHeader = "Tên nhiệm vụ, dự án";
    private const string FieldHeader = "Lĩnh vực";
    private const string PlannedHeader = "Kinh phí được giao (triệu đồng)";
    private const string DisbursedHeader = "Kinh phí đã giải ngân (triệu đồng)";
    private const string CompletionHeader = "Tỷ lệ hoàn thành (%)";
    private const string RateLabel = "Tỷ lệ giải ngân (%)";

    private const string Definition = $$"""
        {
          "id": "{{TemplateId}}", "version": 1,
          "title": "BIỂU MẪU BÁO CÁO KINH PHÍ THỰC HIỆN CHUYỂN ĐỔI SỐ",
          "appendixHeading": "PHỤ LỤC",
          "subject": "V/v báo cáo kinh phí thực hiện chuyển đổi số năm 2026",
          "labels": [
            { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã đơn vị", "Mã ĐV"] },
            { "key": "roundCode", "label": "Mã đợt báo cáo", "variants": ["Mã đợt báo cáo", "Mã đợt"] }
          ],
          "sections": [
            { "key": "projects", "number": "1", "heading": "{{ProjectsHeading}}", "keywords": ["dự án chuyển đổi số"], "required": true,
              "table": { "rowKind": "project", "totalLabels": ["Tổng cộng", "Cộng"], "columns": [
                { "key": "ordinal", "header": "STT", "variants": ["STT", "TT"], "type": "ordinal", "width": 6 },
                { "key": "name", "header": "{{NameHeader}}", "variants": ["Tên dự án", "Nhiệm vụ, dự án"], "type": "text", "required": true, "width": 40 },
                { "key": "field", "header": "{{FieldHeader}}", "variants": ["Lĩnh vực chuyển đổi số"], "type": "choice", "required": true,
                  "values": ["Hạ tầng số", "Dữ liệu số", "Nền tảng số", "An toàn thông tin"], "width": 20 },
                { "key": "planned", "header": "{{PlannedHeader}}", "variants": ["Kinh phí được giao"], "type": "amount", "required": true, "min": 0, "width": 18 },
                { "key": "disbursed", "header": "{{DisbursedHeader}}", "variants": ["Kinh phí đã giải ngân"], "type": "amount", "min": 0, "width": 18 },
                { "key": "completion", "header": "{{CompletionHeader}}", "variants": ["Tỷ lệ hoàn thành"], "type": "percent", "min": 0, "max": 100, "width": 14 }
              ] } },
            { "key": "assessment", "number": "2", "heading": "Đánh giá, kiến nghị", "keywords": ["Đánh giá, kiến nghị"] }
          ],
          "emptyMarkers": ["Không có"],
          "measures": [
            { "key": "projects", "label": "Số nhiệm vụ, dự án", "from": "projects.rows", "aggregate": "sum" },
            { "key": "planned", "label": "Kinh phí được giao (triệu đồng)", "from": "projects.planned", "aggregate": "sum" },
            { "key": "disbursed", "label": "Kinh phí đã giải ngân (triệu đồng)", "from": "projects.disbursed", "aggregate": "sum" }
          ],
          "indicators": [
            { "key": "disbursementRate", "label": "{{RateLabel}}", "numerator": "disbursed", "denominator": "planned", "factor": 100 }
          ],
          "rules": [
            { "type": "compare", "section": "projects", "left": "disbursed", "op": "<=", "right": "planned", "severity": "error",
              "message": "“{row}”: kinh phí đã giải ngân ({left}) lớn hơn kinh phí được giao ({right}). Hãy sửa một trong hai cột." },
            { "type": "totalRow", "section": "projects", "severity": "error" }
          ],
          "layout": { "orientation": "landscape", "blankRows": 6, "instructions": ["Mỗi nhiệm vụ, dự án ghi trên một dòng; kinh phí tính bằng triệu đồng."] }
        }
        """;

    private static readonly string[] Headers = ["STT", NameHeader, FieldHeader, PlannedHeader, DisbursedHeader, CompletionHeader];

    [Fact]
    public async Task TemplateDefinedOnlyInATestGoesFromBlankFormToConsolidatedWorkbook()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await OpenRoundAsync(client, app);

        // Sở Tư pháp fills the blank workbook: a field typed without diacritics and in another case, an amount with decimals.
        var justice = await FillWorkbookAsync(client, "51.STP",
        [
            [1L, "Nâng cấp hạ tầng mạng nội bộ", "ha tang so", 1250.5m, 1000.25m, 80m],
            [2L, "Số hóa sổ hộ tịch", "DỮ LIỆU SỐ", 749.5m, 749.5m, 100m],
        ]);
        var stp = await UploadAcceptedAsync(app, justice.Bytes, "bieu-mau-stp.xlsx");
        Assert.Equal("51.STP", stp.GetProperty("unit").GetString());
        AssertFigures(stp.GetProperty("figures"), projects: 2, planned: 2000m, disbursed: 1749.75m, rate: 87.49m);

        // Sở Tài chính answers in Word: the blank letter's table filled as a clerk types it, "1.250,5" style.
        var blankDocx = await GetBytesAsync(client, $"/api/units/51.STC/template.docx?round={RoundCode}");
        Assert.Equal(Headers, WordTableHeaders(blankDocx, NameHeader));
        var finance = WordFormFiller.Fill(blankDocx, new Dictionary<string, string[][]>
        {
            [NameHeader] =
            [
                ["1", "Triển khai phần mềm quản lý tài sản công", "nền tảng số", "1.000,5", "100,05", "10"],
            ],
        });
        var stc = await UploadAcceptedAsync(app, finance, "bieu-mau-stc.docx");
        Assert.Equal("51.STC", stc.GetProperty("unit").GetString());
        AssertFigures(stc.GetProperty("figures"), projects: 1, planned: 1000.5m, disbursed: 100.05m, rate: 10m);

        // The province's rate is the ratio of the sums (1849.8 of 3000.5: 61.65 %), not the mean of 87.49 and 10.
        const decimal provinceRate = 61.65m;
        var totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(TemplateId, totals.GetProperty("template").GetString());
        Assert.Equal(3, totals.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(2, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(1, totals.GetProperty("unitsMissing").GetInt32());
        AssertFigures(totals.GetProperty("figures"), projects: 3, planned: 3000.5m, disbursed: 1849.8m, rate: provinceRate);

        var units = (await app.GetJsonAsync($"/api/rounds/{RoundCode}/units")).EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Equal(["51.SKHCN", "51.STC", "51.STP"], units.Keys.Order(StringComparer.Ordinal));
        AssertFigures(units["51.STP"].GetProperty("figures"), projects: 2, planned: 2000m, disbursed: 1749.75m, rate: 87.49m);
        AssertFigures(units["51.STC"].GetProperty("figures"), projects: 1, planned: 1000.5m, disbursed: 100.05m, rate: 10m);
        Assert.Equal(units["51.STP"].GetProperty("status").GetString(), units["51.STC"].GetProperty("status").GetString());
        Assert.NotEqual(units["51.STP"].GetProperty("status").GetString(), units["51.SKHCN"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, units["51.SKHCN"].GetProperty("submissionId").ValueKind);
        var meanOfUnitRates = units.Values.Where(u => u.GetProperty("figures").TryGetProperty("disbursementRate", out var r) && r.ValueKind == JsonValueKind.Number)
            .Average(u => u.GetProperty("figures").GetProperty("disbursementRate").GetDecimal());
        Assert.NotEqual(Math.Round(meanOfUnitRates, 2), totals.GetProperty("figures").GetProperty("disbursementRate").GetDecimal());

        using (var workbook = new XLWorkbook(new MemoryStream(await GetBytesAsync(client, $"/api/rounds/{RoundCode}/consolidated.xlsx"))))
        {
            var summary = workbook.Worksheet("Tổng hợp");
            var column = new Dictionary<string, int>();
            foreach (var label in new[] { "Số nhiệm vụ, dự án", PlannedHeader, DisbursedHeader, RateLabel })
            {
                column[label] = summary.CellsUsed().Single(c => c.GetString() == label).Address.ColumnNumber;
            }
            var justiceRow = summary.CellsUsed().Single(c => c.GetString() == "Sở Tư pháp tỉnh Quảng Ngãi").WorksheetRow();
            Assert.Equal(2000d, justiceRow.Cell(column[PlannedHeader]).GetDouble());
            Assert.Equal(87.49, justiceRow.Cell(column[RateLabel]).GetDouble(), 2);
            var total = summary.CellsUsed().Single(c => c.GetString() == "Tổng cộng").WorksheetRow();
            Assert.Equal(3d, total.Cell(column["Số nhiệm vụ, dự án"]).GetDouble());
            Assert.Equal(3000.5, total.Cell(column[PlannedHeader]).GetDouble(), 6);
            Assert.Equal(1849.8, total.Cell(column[DisbursedHeader]).GetDouble(), 6);
            Assert.Equal((double)provinceRate, total.Cell(column[RateLabel]).GetDouble(), 2);

            var detail = workbook.Worksheet(ProjectsHeading);
            var planned = detail.CellsUsed().Single(c => c.GetString() == PlannedHeader).Address.ColumnNumber;
            var field = detail.CellsUsed().Single(c => c.GetString() == FieldHeader).Address.ColumnNumber;
            var network = detail.CellsUsed().Single(c => c.GetString() == "Nâng cấp hạ tầng mạng nội bộ").WorksheetRow();
            Assert.Equal(1250.5, network.Cell(planned).GetDouble(), 6);
            var assets = detail.CellsUsed().Single(c => c.GetString() == "Triển khai phần mềm quản lý tài sản công").WorksheetRow();
            Assert.Equal(1000.5, assets.Cell(planned).GetDouble(), 6);
            Assert.Contains(detail.CellsUsed(), c => c.GetString() == "Số hóa sổ hộ tịch");
            // The choice is shown as typed or as the allowed value; either way it is the right field.
            Assert.Contains(network.Cell(field).GetString(), new[] { "ha tang so", "Hạ tầng số" });
        }

        var csv = Encoding.UTF8.GetString(await GetBytesAsync(client, $"/api/rounds/{RoundCode}/consolidated.csv?header=keys")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",projects,planned,disbursed,disbursementRate,revisedAt", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",2,2000,1749.75,87.49,", lines.Single(l => l.StartsWith("51.STP,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",1,1000.5,100.05,10,", lines.Single(l => l.StartsWith("51.STC,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoiceOutsideTheAllowedValuesIsRejectedAtItsCell()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await OpenRoundAsync(client, app);

        var filled = await FillWorkbookAsync(client, "51.SKHCN",
        [
            [1L, "Xây dựng trung tâm điều hành thông minh", "Chính phủ số", 500m, 120.5m, 25m],
        ]);
        var response = await app.UploadAsync(filled.Bytes, "bieu-mau-skhcn.xlsx");

        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "value.not-a-choice");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal(filled.FieldCells[0], issue.GetProperty("cell").GetString());
        Assert.Contains(filled.FieldCells[0], issue.GetProperty("location").GetString(), StringComparison.Ordinal);
        var message = issue.GetProperty("message").GetString()!;
        Assert.True(message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("“Chính phủ số”", message, StringComparison.Ordinal);
        Assert.Contains($"cột “{FieldHeader}”", message, StringComparison.Ordinal);
        Assert.Contains("“Hạ tầng số”; “Dữ liệu số”; “Nền tảng số”; “An toàn thông tin”", message, StringComparison.Ordinal);
        var totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(0, totals.GetProperty("unitsReported").GetInt32());
    }

    /// <summary>Registers the definition and opens the round for three departments, checking both over HTTP.</summary>
    private static async Task OpenRoundAsync(HttpClient client, ReportHubApp app)
    {
        var registered = await client.PostAsync("/api/templates", new StringContent(Definition, Encoding.UTF8, "application/json"));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var listed = Assert.Single((await app.GetJsonAsync("/api/templates")).EnumerateArray(), t => t.GetProperty("id").GetString() == TemplateId);
        Assert.Equal("BIỂU MẪU BÁO CÁO KINH PHÍ THỰC HIỆN CHUYỂN ĐỔI SỐ", listed.GetProperty("title").GetString());

        var round = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = "Báo cáo kinh phí thực hiện chuyển đổi số năm 2026",
            template = TemplateId,
            requestDocument = "215/SKHCN-CĐS",
            requestDate = "2026-03-02",
            deadline = "2026-03-20",
            expected = new { units = new[] { "51.STP", "51.STC", "51.SKHCN" } },
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        var created = await ReportHubApp.ReadJsonAsync(round);
        Assert.Equal(TemplateId, created.GetProperty("template").GetString());
        Assert.Equal(3, created.GetProperty("unitsExpected").GetInt32());
    }

    private sealed record FilledWorkbook(byte[] Bytes, IReadOnlyList<string> FieldCells);

    /// <summary>
    /// Downloads the unit's blank workbook, checks its table header is the definition's, types the rows into the blank
    /// rows under it and saves it, as a clerk does in Excel.
    /// </summary>
    private static async Task<FilledWorkbook> FillWorkbookAsync(HttpClient client, string unit, object[][] rows)
    {
        var definition = TemplateDefinition.FromJson(Definition);
        var blank = await GetBytesAsync(client, $"/api/units/{unit}/template.xlsx?round={RoundCode}");
        using var workbook = new XLWorkbook(new MemoryStream(blank));
        var sheet = workbook.Worksheet(1);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == definition.Title);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == $"1. {ProjectsHeading}");
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == "2. Đánh giá, kiến nghị");
        var header = sheet.CellsUsed().Single(c => c.GetString() == NameHeader).WorksheetRow();
        var columns = definition.Section("projects")!.Table!.Columns;
        Assert.Equal(columns.Select(c => c.Header), Enumerable.Range(1, columns.Count).Select(i => header.Cell(i).GetString()));

        var fieldCells = new List<string>();
        for (var r = 0; r < rows.Length; r++)
        {
            var line = sheet.Row(header.RowNumber() + 1 + r);
            Assert.True(line.Cells(1, columns.Count).All(c => c.IsEmpty()), $"row {line.RowNumber()} of the blank form is not empty");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = line.Cell(c + 1);
                switch (rows[r][c])
                {
                    case string text:
                        cell.SetValue(text);
                        break;
                    case var number:
                        cell.SetValue(Convert.ToDouble(number, CultureInfo.InvariantCulture));
                        break;
                }
            }
            fieldCells.Add(line.Cell(3).Address.ToString()!);
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return new FilledWorkbook(buffer.ToArray(), fieldCells);
    }

    /// <summary>Uploads with no round or unit hint: the form's own labels must say where it belongs.</summary>
    private static async Task<JsonElement> UploadAcceptedAsync(ReportHubApp app, byte[] file, string name)
    {
        var response = await app.UploadAsync(file, name);
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal(TemplateId, body.GetProperty("template").GetString());
        Assert.Equal(RoundCode, body.GetProperty("round").GetString());
        Assert.DoesNotContain(body.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
        return body;
    }

    private static void AssertFigures(JsonElement figures, int projects, decimal planned, decimal disbursed, decimal rate)
    {
        Assert.Equal(projects, figures.GetProperty("projects").GetDecimal());
        Assert.Equal(planned, figures.GetProperty("planned").GetDecimal());
        Assert.Equal(disbursed, figures.GetProperty("disbursed").GetDecimal());
        Assert.Equal(rate, figures.GetProperty("disbursementRate").GetDecimal());
        // COVID's own fields belong to COVID rounds only.
        Assert.False(figures.TryGetProperty("qrCodes", out _));
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The header row of the Word table that has a cell reading <paramref name="header"/>.</summary>
    private static string[] WordTableHeaders(byte[] docx, string header)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.Descendants<Word.Table>()
            .Select(t => t.Elements<Word.TableRow>().First().Elements<Word.TableCell>().Select(c => c.InnerText).ToArray())
            .Single(cells => cells.Contains(header));
    }
}
