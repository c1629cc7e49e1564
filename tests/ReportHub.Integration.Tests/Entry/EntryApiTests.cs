using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Access;
using ReportHub.Pipeline.Sources;
using ReportHub.Testing.Entry;

namespace ReportHub.Integration.Tests.Entry;

using Rows = IReadOnlyList<IReadOnlyDictionary<string, string>>;

/// <summary>
/// <c>POST /api/submissions/entry</c> against the upload of the same values typed into the downloaded blank: the same
/// status, figures and issues, for both shipped templates and one that exists only here; issues placed on the form.
/// </summary>
public sealed class EntryApiTests
{
    private static readonly Dictionary<string, string> CovidNarratives = new()
    {
        ["inspection"] = "Không có",
        ["results"] = "Đã triển khai quét mã QR tại 2 địa điểm.\nNgười dân chấp hành tốt.",
        ["recommendations"] = "Không có",
    };

    private static readonly Dictionary<string, string> DvcNarratives = new()
    {
        ["inspection"] = "Không có",
        ["results"] = "Tỷ lệ hồ sơ trực tuyến tăng so với quý trước.",
        ["recommendations"] = "Không có",
    };

    private static Dictionary<string, string> Row(params (string Key, string Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    private sealed record Case(string Round, string Unit, Dictionary<string, Rows> Tables, Dictionary<string, string> Narratives);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["covid-clean"] = new("2021-10", "51.SCT", new()
        {
            ["directives"] = [Row(("content", "Triển khai ứng dụng quét mã QR"), ("citation", "Công văn số 1234/SCT-VP ngày 05/10/2021"),
                ("issuingUnit", "Sở Công Thương"), ("recipients", "- Các phòng chuyên môn"))],
            ["qr"] = [Row(("entity", "Chợ Quảng Ngãi"), ("qrCodes", "1.234"), ("qrScans", "15890")),
                Row(("entity", "Siêu thị Co.opmart"), ("qrCodes", "10"), ("qrScans", "200"), ("note", "Đang mở rộng"))],
        }, CovidNarratives),
        ["covid-errors"] = new("2021-10", "51.SCT", new()
        {
            ["directives"] = [Row(("content", "Triển khai ứng dụng quét mã QR"))],
            ["qr"] = [Row(("entity", "Chợ Quảng Ngãi"), ("qrCodes", "12"), ("qrScans", "nhiều")),
                Row(("entity", "Bến xe"), ("qrCodes", "0"), ("qrScans", "30"))],
        }, CovidNarratives),
        ["dvc-clean"] = new("2025-Q3", "51.SCT", new()
        {
            ["directives"] = [Row(("content", "Kế hoạch cung cấp dịch vụ công trực tuyến"), ("citation", "Kế hoạch số 45/KH-SCT ngày 15/07/2025"))],
            ["services"] = [Row(("entity", "Văn phòng Sở"), ("procedures", "120"), ("fullOnline", "80"), ("received", "1.500"),
                ("receivedOnline", "900"), ("resolved", "1.400"), ("resolvedOnTime", "1.350"))],
        }, DvcNarratives),
        ["dvc-errors"] = new("2025-Q3", "51.SCT", new()
        {
            ["directives"] = [Row(("content", "Kế hoạch cung cấp dịch vụ công trực tuyến"), ("citation", "Kế hoạch số 45/KH-SCT ngày 15/07/2025"))],
            ["services"] = [Row(("entity", "Văn phòng Sở"), ("procedures", "120"), ("fullOnline", "80"), ("received", "100"),
                ("receivedOnline", "900"), ("resolved", "90"), ("resolvedOnTime", "80")),
                Row(("entity", "Chi cục Quản lý thị trường"), ("procedures", "mười"), ("fullOnline", "1"), ("received", "5"),
                ("receivedOnline", "5"), ("resolved", "5"), ("resolvedOnTime", "5"))],
        }, DvcNarratives),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EntryAnswersAsTheUploadOfTheSameValuesInTheBlank(string name)
    {
        var c = Cases[name];
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();
        var template = await TemplateOfAsync(app, c.Round);

        var blank = await GetBytesAsync(client, $"/api/units/{c.Unit}/template.xlsx?round={c.Round}");
        var uploaded = await app.UploadAsync(BlankWorkbookFiller.Fill(blank, template, c.Tables, c.Narratives), "bieu-mau.xlsx", "dryRun=true");
        var entered = await PostEntryAsync(client, Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: true));

        var upload = await ReportHubApp.ReadJsonAsync(uploaded);
        var entry = await ReportHubApp.ReadJsonAsync(entered);
        Assert.True(uploaded.StatusCode == entered.StatusCode, $"upload {(int)uploaded.StatusCode} {upload}\nentry {(int)entered.StatusCode} {entry}");
        AssertSameAnswer(upload, entry, compareCells: true);
        if (name.EndsWith("-clean", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
            Assert.NotEmpty(entry.GetProperty("figures").EnumerateObject());
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, entered.StatusCode);
            // Every error on a cell of the form names its section, row and column.
            var errors = entry.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "error").ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal(JsonValueKind.Object, e.GetProperty("entry").ValueKind));
        }
    }

    [Fact]
    public async Task ErrorsAreLocatedBySectionRowAndColumn()
    {
        var c = Cases["dvc-errors"];
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var entered = await PostEntryAsync(app.CreateClient(), Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: false));
        var problem = await ReportHubApp.ReadJsonAsync(entered);
        Assert.True(entered.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        Assert.Equal("rejected", problem.GetProperty("outcome").GetString());
        var issues = problem.GetProperty("issues").EnumerateArray().ToList();

        var notANumber = Assert.Single(issues, i => i.GetProperty("code").GetString() == "value.not-a-number");
        AssertPlace(notANumber, "services", 2, "procedures");
        Assert.Contains("“mười”", notANumber.GetProperty("message").GetString(), StringComparison.Ordinal);
        var compare = issues.First(i => i.GetProperty("code").GetString()!.StartsWith("rule.compare", StringComparison.Ordinal)
            || i.GetProperty("message").GetString()!.Contains("900", StringComparison.Ordinal));
        Assert.Equal("services", compare.GetProperty("entry").GetProperty("section").GetString());
        Assert.Equal(1, compare.GetProperty("entry").GetProperty("row").GetInt32());
        // The upload's own fields are kept beside the place on the form.
        Assert.False(string.IsNullOrEmpty(notANumber.GetProperty("cell").GetString()));
        Assert.Equal("Báo cáo", notANumber.GetProperty("sheet").GetString());
    }

    private const string TestTemplate = """
        {
          "id": "nhap-thu-2026", "version": 1, "format": 2,
          "title": "BIỂU MẪU BÁO CÁO KINH PHÍ ĐÀO TẠO",
          "labels": [
            { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã đơn vị"] },
            { "key": "roundCode", "label": "Mã đợt báo cáo", "variants": ["Mã đợt báo cáo"] }
          ],
          "sections": [
            { "key": "courses", "number": "1", "heading": "Các lớp đào tạo", "keywords": ["lớp đào tạo"], "required": true,
              "table": { "columns": [
                { "key": "ordinal", "header": "STT", "type": "ordinal", "width": 6 },
                { "key": "name", "header": "Tên lớp", "type": "text", "width": 40 },
                { "key": "level", "header": "Cấp độ", "type": "choice", "values": ["Cơ bản", "Nâng cao"], "width": 16 },
                { "key": "cost", "header": "Kinh phí (triệu đồng)", "type": "amount", "min": 0, "width": 18 },
                { "key": "share", "header": "Tỷ lệ đạt (%)", "type": "percent", "min": 0, "max": 100, "optional": true, "width": 14 }
              ] } },
            { "key": "notes", "number": "2", "heading": "Kiến nghị", "keywords": ["Kiến nghị"] }
          ],
          "emptyMarkers": ["Không có"],
          "measures": [
            { "key": "courses", "label": "Số lớp", "from": "courses.rows", "aggregate": "sum" },
            { "key": "cost", "label": "Kinh phí (triệu đồng)", "from": "courses.cost", "aggregate": "sum" }
          ],
          "layout": { "blankRows": 2 }
        }
        """;

    [Fact]
    public async Task TemplateDefinedInTheTestEntersAsItUploadsAndItsStoredFileReplaysToTheSameFigures()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();
        await OpenTestRoundAsync(client);
        var template = TemplateDefinition.FromJson(TestTemplate);
        // Three rows where the blank leaves two: the form grows, as a clerk inserts a row in Excel.
        var tables = new Dictionary<string, Rows>
        {
            ["courses"] = [Row(("name", "Kỹ năng số cơ bản"), ("level", "co ban"), ("cost", "12,5"), ("share", "90")),
                Row(("name", "An toàn thông tin"), ("level", "Nâng cao"), ("cost", "1.000")),
                Row(("name", "Dữ liệu mở"), ("level", "Nâng cao"), ("cost", "7"))],
        };
        var narratives = new Dictionary<string, string> { ["notes"] = "Không có" };

        var blank = await GetBytesAsync(client, "/api/units/51.STP/template.xlsx?round=2026-NT");
        var uploaded = await app.UploadAsync(BlankWorkbookFiller.Fill(blank, template, tables, narratives), "bieu-mau.xlsx", "dryRun=true");
        var checkedEntry = await PostEntryAsync(client, Body("2026-NT", "51.STP", tables, narratives, dryRun: true));
        var upload = await ReportHubApp.ReadJsonAsync(uploaded);
        var check = await ReportHubApp.ReadJsonAsync(checkedEntry);
        Assert.True(uploaded.StatusCode == checkedEntry.StatusCode, $"upload {upload}\nentry {check}");
        AssertSameAnswer(upload, check, compareCells: false);
        Assert.Equal(3m, check.GetProperty("figures").GetProperty("courses").GetDecimal());
        Assert.Equal(1019.5m, check.GetProperty("figures").GetProperty("cost").GetDecimal());

        var sent = await PostEntryAsync(client, Body("2026-NT", "51.STP", tables, narratives, dryRun: false));
        var result = await ReportHubApp.ReadJsonAsync(sent);
        Assert.True(sent.StatusCode == HttpStatusCode.Created, result.ToString());
        var id = result.GetProperty("submissionId").GetInt64();
        Assert.Equal($"/api/submissions/{id}", sent.Headers.Location!.OriginalString);
        Assert.Equal("nhap-truc-tiep-51.STP-2026-NT.xlsx", result.GetProperty("file").GetString());
        Assert.Equal(check.GetProperty("figures").ToString(), result.GetProperty("figures").ToString());

        // The stored file is a real workbook: the round's blank with the values typed in.
        var stored = await GetBytesAsync(client, $"/api/submissions/{id}/file");
        using (var workbook = new XLWorkbook(new MemoryStream(stored)))
        {
            var sheet = workbook.Worksheet("Báo cáo");
            Assert.Contains(sheet.CellsUsed(), cell => cell.GetString() == "BIỂU MẪU BÁO CÁO KINH PHÍ ĐÀO TẠO");
            Assert.Contains(sheet.CellsUsed(), cell => cell.GetString() == "Dữ liệu mở");
            Assert.Equal("1.000", sheet.CellsUsed().Single(cell => cell.GetString() == "An toàn thông tin").WorksheetRow().Cell(4).GetString());
            Assert.Contains(sheet.CellsUsed(), cell => cell.GetString() == "2026-NT");
        }

        // Replay reads the stored file again to the same figures; the downloaded file sent again is the same report.
        var replayed = new List<Replayed>();
        await app.Services.GetRequiredService<ReplaySource>().ReplayAsync([id], r =>
        {
            replayed.Add(r);
            return Task.CompletedTask;
        }, CancellationToken.None);
        var again = Assert.Single(replayed).Result;
        Assert.Equal("accepted", again.Status);
        Assert.Equal(3m, again.Figures["courses"]);
        Assert.Equal(1019.5m, again.Figures["cost"]);
        var resent = await ReportHubApp.ReadJsonAsync(await app.UploadAsync(stored, "tai-ve.xlsx"));
        Assert.Equal(result.GetProperty("figures").ToString(), resent.GetProperty("figures").ToString());
    }

    [Fact]
    public async Task ErrorsOfATemplateDefinedInTheTestAreTheUploadsAndPlacedOnTheForm()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();
        await OpenTestRoundAsync(client);
        var template = TemplateDefinition.FromJson(TestTemplate);
        var tables = new Dictionary<string, Rows>
        {
            ["courses"] = [Row(("name", "Kỹ năng số"), ("level", "Trung cấp"), ("cost", "5")), Row(("name", "Dữ liệu"), ("level", "Cơ bản"))],
        };
        var narratives = new Dictionary<string, string>();
        var blank = await GetBytesAsync(client, "/api/units/51.STP/template.xlsx?round=2026-NT");
        var uploaded = await app.UploadAsync(BlankWorkbookFiller.Fill(blank, template, tables, narratives), "bieu-mau.xlsx", "dryRun=true");
        var entered = await PostEntryAsync(client, Body("2026-NT", "51.STP", tables, narratives, dryRun: true));
        var entry = await ReportHubApp.ReadJsonAsync(entered);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, entered.StatusCode);
        AssertSameAnswer(await ReportHubApp.ReadJsonAsync(uploaded), entry, compareCells: true);
        var issues = entry.GetProperty("issues").EnumerateArray().ToList();
        AssertPlace(issues.Single(i => i.GetProperty("code").GetString() == "value.not-a-choice"), "courses", 1, "level");
        AssertPlace(issues.Single(i => i.GetProperty("code").GetString() == "value.missing"), "courses", 2, "cost");
    }

    [Fact]
    public async Task DepartmentCannotEnterForAnotherUnitAndNothingIsStored()
    {
        var c = Cases["dvc-clean"];
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var other = await PostEntryAsync(app.ClientFor(Roles.Department, "51.STP"), Body(c.Round, "51.SCT", c.Tables, c.Narratives, dryRun: false));
        var problem = await ReportHubApp.ReadJsonAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("51.STP", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Refused before the body is looked at further: even a body the template would refuse gets 403.
        var bad = await PostEntryAsync(app.ClientFor(Roles.Department, "51.STP"), """{"round":"2025-Q3","unit":"51.SCT","tables":{"nope":[]}}""");
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        var analyst = await PostEntryAsync(app.ClientFor(Roles.Analyst), Body(c.Round, "51.SCT", c.Tables, c.Narratives, dryRun: false));
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Empty((await app.GetJsonAsync("/api/units/51.SCT/submissions")).EnumerateArray());

        var own = await PostEntryAsync(app.ClientFor(Roles.Department, "51.SCT"), Body(c.Round, "51.SCT", c.Tables, c.Narratives, dryRun: false));
        Assert.True(own.StatusCode == HttpStatusCode.Created, await own.Content.ReadAsStringAsync());
        Assert.Single((await app.GetJsonAsync("/api/units/51.SCT/submissions")).EnumerateArray());
    }

    public static TheoryData<string, HttpStatusCode, string> BadBodies => new()
    {
        { "", HttpStatusCode.BadRequest, "Chưa gửi nội dung" },
        { "{\"round\": ", HttpStatusCode.BadRequest, "không phải JSON hợp lệ" },
        { "[1, 2]", HttpStatusCode.UnprocessableEntity, "$" },
        { """{"unit":"51.SCT"}""", HttpStatusCode.UnprocessableEntity, "round" },
        { """{"round":"2025-Q3","unit":"51.SCT","tables":{"services":[{"received": 1500}]}}""", HttpStatusCode.UnprocessableEntity, "tables.services[0].received" },
        { """{"round":"2025-Q3","unit":"51.SCT","tables":{"services":{"received":"1"}}}""", HttpStatusCode.UnprocessableEntity, "tables.services" },
        { """{"round":"2025-Q3","unit":"51.SCT","tables":{"khong-co":[]}}""", HttpStatusCode.UnprocessableEntity, "tables.khong-co" },
        { """{"round":"2025-Q3","unit":"51.SCT","tables":{"services":[{"entity":"A","tien":"1"}]}}""", HttpStatusCode.UnprocessableEntity, "tables.services[0].tien" },
        { """{"round":"2025-Q3","unit":"51.SCT","tables":{"results":[]}}""", HttpStatusCode.UnprocessableEntity, "tables.results" },
        { """{"round":"2025-Q3","unit":"51.SCT","narratives":{"services":"x"}}""", HttpStatusCode.UnprocessableEntity, "narratives.services" },
        { """{"round":"2025-Q3","unit":"51.SCT","narratives":{"results":12}}""", HttpStatusCode.UnprocessableEntity, "narratives.results" },
        { """{"round":"2025-Q3","unit":"51.SCT","dryRun":"yes"}""", HttpStatusCode.UnprocessableEntity, "dryRun" },
        { """{"round":"2099-X","unit":"51.SCT"}""", HttpStatusCode.NotFound, "2099-X" },
        { """{"round":"2025-Q3","unit":"99.XYZ"}""", HttpStatusCode.NotFound, "99.XYZ" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBodiesGetVietnameseProblems(string body, HttpStatusCode status, string named)
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var response = await PostEntryAsync(app.CreateClient(), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.True(text.Contains(named, StringComparison.Ordinal), text);
        Assert.True(problem.GetProperty("detail").GetString()!.IsNormalized(NormalizationForm.FormC));
        if (status == HttpStatusCode.UnprocessableEntity)
        {
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == named);
        }
        Assert.Empty((await app.GetJsonAsync("/api/units/51.SCT/submissions")).EnumerateArray());
    }

    [Fact]
    public async Task TooManyRowsAndOversizedBodiesAreRefused()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var client = app.CreateClient();
        var rows = string.Join(",", Enumerable.Repeat("""{"entity":"A"}""", 1001));
        var many = await PostEntryAsync(client, $$$"""{"round":"2025-Q3","unit":"51.SCT","tables":{"services":[{{{rows}}}]}}""");
        var problem = await ReportHubApp.ReadJsonAsync(many);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.Contains("1.001 dòng", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var huge = new string('x', 2 * 1024 * 1024);
        var large = await PostEntryAsync(client, $$$"""{"round":"2025-Q3","unit":"51.SCT","narratives":{"results":"{{{huge}}}"}}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Contains("2 MB", (await ReportHubApp.ReadJsonAsync(large)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var tooLong = await PostEntryAsync(client, $$$"""{"round":"2025-Q3","unit":"51.SCT","narratives":{"results":"{{{new string('x', 40_000)}}}"}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("32.767", (await ReportHubApp.ReadJsonAsync(tooLong)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftIsSavedResumedAndDeletedOnceTheReportIsSent()
    {
        var c = Cases["dvc-clean"];
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var clerk = app.ClientFor(Roles.Department, "51.SCT");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/submissions/entry/draft?round=2025-Q3")).StatusCode);

        var saved = await clerk.PutAsync("/api/submissions/entry/draft", Json(Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: false)));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var draft = await ReportHubApp.ReadJsonAsync(await clerk.GetAsync("/api/submissions/entry/draft?round=2025-Q3"));
        Assert.Equal("1.500", draft.GetProperty("tables").GetProperty("services")[0].GetProperty("received").GetString());
        Assert.Equal(DvcNarratives["results"], draft.GetProperty("narratives").GetProperty("results").GetString());
        // Another department neither reads nor replaces it.
        var stranger = app.ClientFor(Roles.Department, "51.STP");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/submissions/entry/draft?round=2025-Q3&unit=51.SCT")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsync("/api/submissions/entry/draft", Json(Body(c.Round, c.Unit, c.Tables, c.Narratives, false)))).StatusCode);
        // A draft with a key the template does not have is refused like an entry.
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await clerk.PutAsync("/api/submissions/entry/draft", Json("""{"round":"2025-Q3","unit":"51.SCT","tables":{"x":[]}}"""))).StatusCode);

        // A check keeps the draft; a send that is accepted deletes it.
        Assert.Equal(HttpStatusCode.OK, (await PostEntryAsync(clerk, Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/submissions/entry/draft?round=2025-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostEntryAsync(clerk, Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: false))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/api/submissions/entry/draft?round=2025-Q3")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await clerk.PutAsync("/api/submissions/entry/draft", Json(Body(c.Round, c.Unit, c.Tables, c.Narratives, false)))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.DeleteAsync("/api/submissions/entry/draft?round=2025-Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.DeleteAsync("/api/submissions/entry/draft?round=2025-Q3")).StatusCode);
        var audit = await app.GetJsonAsync("/api/audit?action=submission.draft-save");
        Assert.Equal(2, audit.GetArrayLength());
    }

    [Fact]
    public async Task ApprovedReportLocksTheEntryAsItLocksAnUploadUntilSetBackToPending()
    {
        var c = Cases["dvc-clean"];
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var clerk = app.ClientFor(Roles.Department, "51.SCT");
        var analyst = app.ClientFor(Roles.Analyst);
        var first = await PostEntryAsync(clerk, Body(c.Round, c.Unit, c.Tables, c.Narratives, dryRun: false));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await ReportHubApp.ReadJsonAsync(first)).GetProperty("submissionId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/submissions/{id}/review", new { state = "approved" })).StatusCode);

        var changed = c.Tables.ToDictionary(t => t.Key, t => t.Value);
        var locked = await PostEntryAsync(clerk, Body(c.Round, c.Unit, changed, c.Narratives, dryRun: false).Replace("1.500", "1.600", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(locked);
        Assert.Contains(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "submission.approved");
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/submissions/{id}/review", new { state = "pending" })).StatusCode);
        var again = await PostEntryAsync(clerk, Body(c.Round, c.Unit, changed, c.Narratives, dryRun: false).Replace("1.500", "1.600", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static void AssertSameAnswer(JsonElement upload, JsonElement entry, bool compareCells)
    {
        foreach (var field in new[] { "status", "outcome", "unit", "round", "template" })
        {
            var has = upload.TryGetProperty(field, out var expected);
            Assert.Equal(has, entry.TryGetProperty(field, out var actual));
            if (has)
            {
                Assert.Equal(expected.ToString(), actual.ToString());
            }
        }
        if (upload.TryGetProperty("figures", out var figures))
        {
            Assert.Equal(figures.ToString(), entry.GetProperty("figures").ToString());
        }
        static string Key(JsonElement i, bool cells) =>
            $"{i.GetProperty("severity").GetString()} {i.GetProperty("code").GetString()}" + (cells ? " " + i.GetProperty("cell") : "");
        // The messages name the file; everything else about an issue is the same.
        Assert.Equal(upload.GetProperty("issues").EnumerateArray().Select(i => Key(i, compareCells)),
            entry.GetProperty("issues").EnumerateArray().Select(i => Key(i, compareCells)));
    }

    private static void AssertPlace(JsonElement issue, string section, int row, string column)
    {
        var entry = issue.GetProperty("entry");
        Assert.Equal(section, entry.GetProperty("section").GetString());
        Assert.Equal(row, entry.GetProperty("row").GetInt32());
        Assert.Equal(column, entry.GetProperty("column").GetString());
    }

    private static string Body(string round, string unit, Dictionary<string, Rows> tables, Dictionary<string, string> narratives, bool dryRun) =>
        JsonSerializer.Serialize(new { round, unit, tables, narratives, dryRun }, ReportHubApp.Json);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostEntryAsync(HttpClient client, string body) => client.PostAsync("/api/submissions/entry", Json(body));

    private static async Task<TemplateDefinition> TemplateOfAsync(ReportHubApp app, string round)
    {
        var r = await app.GetJsonAsync($"/api/rounds/{round}");
        var json = (await app.GetJsonAsync($"/api/templates/{r.GetProperty("template").GetString()}?version={r.GetProperty("templateVersion").GetInt32()}")).GetRawText();
        return TemplateDefinition.FromJson(json);
    }

    private static async Task OpenTestRoundAsync(HttpClient client)
    {
        var registered = await client.PostAsync("/api/templates", Json(TestTemplate));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var round = await client.PostAsync("/api/rounds", Json(JsonSerializer.Serialize(new
        {
            code = "2026-NT",
            title = "Báo cáo kinh phí đào tạo năm 2026",
            template = "nhap-thu-2026",
            requestDocument = "12/SKHCN-VP",
            requestDate = "2026-03-02",
            deadline = "2026-03-20",
            expected = new { units = new[] { "51.STP", "51.SCT" } },
        })));
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
