using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// A fourth template written from docs/templates.md alone (the quarterly report on e-government training: a text
/// column, two counts, an optional cost, two indicators, a compare rule), taken through the API as docs/interfaces.md
/// describes it: registered, a round opened on it, units' reports uploaded, totals and coverage read, then version 2
/// registered mid-round and the round moved to it. If this test needs anything the docs do not say, the docs are wrong.
/// </summary>
public sealed class FourthTemplateFromDocsTests
{
    private const string TemplateId = "tap-huan-cqdt-2026";
    private const string RoundCode = "2026-Q2-TH";
    private const string Requester = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi";

    private static readonly string[] Expected = ["51.SKHCN", "51.STC", "51.STP", "51.SYT"];

    private static readonly Round Round = new()
    {
        Code = RoundCode,
        Title = "Báo cáo kết quả tập huấn chính quyền điện tử quý II năm 2026",
        RequestDocument = "412/SKHCN-CĐS",
        RequestDate = new DateOnly(2026, 7, 1),
        Deadline = new DateOnly(2026, 7, 15),
        Template = TemplateId,
    };

    /// <summary>
    /// Version 1, and version 2 which adds an optional column of women trained with its measure and rate, and the
    /// largest class (a max over the same trainees column), so that every report read again changes.
    /// </summary>
    private static string Definition(int version)
    {
        var femaleColumn = version >= 2
            ? """
              ,
              { "key": "female", "header": "Số học viên nữ", "variants": ["Học viên nữ"], "type": "count", "optional": true, "width": 12 }
              """
            : "";
        var v2Measures = version >= 2
            ? """
              ,
              { "key": "female", "label": "Số học viên nữ", "from": "courses.female", "aggregate": "sum" },
              { "key": "largestClass", "label": "Lớp đông nhất (học viên)", "from": "courses.trainees", "aggregate": "max" }
              """
            : "";
        var v2Indicator = version >= 2
            ? """
              ,
              { "key": "femaleRate", "label": "Tỷ lệ học viên nữ (%)", "numerator": "female", "denominator": "trainees", "factor": 100 }
              """
            : "";
        return $$"""
            {
              "id": "{{TemplateId}}",
              "version": {{version}},
              "format": 2,
              "title": "BIỂU MẪU BÁO CÁO KẾT QUẢ TẬP HUẤN CHÍNH QUYỀN ĐIỆN TỬ",
              "subject": "V/v báo cáo kết quả tập huấn chính quyền điện tử quý …",
              "labels": [
                { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã ĐV"] },
                { "key": "roundCode", "label": "Mã đợt báo cáo", "variants": ["Mã đợt"] }
              ],
              "sections": [
                {
                  "key": "courses", "number": "1", "heading": "Các lớp tập huấn chính quyền điện tử", "keywords": ["lớp tập huấn"],
                  "required": true,
                  "table": {
                    "rowNoun": "lớp tập huấn",
                    "totalLabels": ["Tổng cộng", "Cộng"],
                    "columns": [
                      { "key": "ordinal", "header": "STT", "variants": ["TT"], "type": "ordinal", "width": 6 },
                      { "key": "topic", "header": "Nội dung tập huấn", "variants": ["Chủ đề"], "type": "text", "width": 40 },
                      { "key": "trainees", "header": "Số học viên", "variants": ["Học viên"], "type": "count", "width": 12 },
                      { "key": "certified", "header": "Số học viên đạt", "variants": ["Học viên đạt"], "type": "count", "width": 12 },
                      { "key": "cost", "header": "Kinh phí (nghìn đồng)", "variants": ["Kinh phí"], "type": "amount", "min": 0, "optional": true, "width": 16 }{{femaleColumn}}
                    ]
                  }
                },
                { "key": "proposals", "number": "2", "heading": "Kiến nghị, đề xuất", "keywords": ["Kiến nghị"] }
              ],
              "emptyMarkers": ["Không có"],
              "measures": [
                { "key": "classes", "label": "Số lớp tập huấn", "from": "courses.rows", "aggregate": "sum" },
                { "key": "trainees", "label": "Số học viên", "from": "courses.trainees", "aggregate": "sum" },
                { "key": "certified", "label": "Số học viên đạt", "from": "courses.certified", "aggregate": "sum" },
                { "key": "cost", "label": "Kinh phí (nghìn đồng)", "from": "courses.cost", "aggregate": "sum" }{{v2Measures}}
              ],
              "indicators": [
                { "key": "certifiedRate", "label": "Tỷ lệ học viên đạt (%)", "numerator": "certified", "denominator": "trainees", "factor": 100 },
                { "key": "costPerTrainee", "label": "Kinh phí bình quân một học viên (nghìn đồng)", "numerator": "cost", "denominator": "trainees" }{{v2Indicator}}
              ],
              "rules": [
                { "type": "compare", "section": "courses", "left": "certified", "op": "<=", "right": "trainees", "severity": "error",
                  "message": "“{row}”: số học viên đạt ({left}) lớn hơn số học viên ({right}). Hãy sửa cột “{leftHeader}” hoặc “{rightHeader}”." }
              ],
              "layout": { "orientation": "landscape", "blankRows": 6 }
            }
            """;
    }

    private sealed record Course(string Topic, int Trainees, int Certified, decimal? Cost, int? Female = null);

    [Fact]
    public async Task TemplateWrittenFromTheDocsCountsOnlyWhatUnitsReportAndMovesToItsSecondVersion()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        await RegisterAsync(client, 1);
        var opened = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = Round.Title,
            template = TemplateId,
            requestDocument = Round.RequestDocument,
            requestDate = "2026-07-01",
            deadline = "2026-07-15",
            expected = new { units = Expected },
        });
        var round = await ReportHubApp.ReadJsonAsync(opened);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, round.ToString());
        Assert.Equal(1, round.GetProperty("templateVersion").GetInt32());
        Assert.Equal(4, round.GetProperty("unitsExpected").GetInt32());

        // Sở Tư pháp gives every cost; Sở Tài chính none (the optional column left blank); Sở KH&CN one of two.
        var stp = await UploadAsync(app, Report(1, "51.STP", new Course("Khai thác dịch vụ công trực tuyến", 40, 35, 12000.5m), new Course("Chữ ký số cho công chức", 25, 20, 7999.5m)));
        AssertFigures(stp.GetProperty("figures"), new()
        {
            ["classes"] = 2, ["trainees"] = 65, ["certified"] = 55, ["cost"] = 20000m,
            ["certifiedRate"] = 84.62m, ["costPerTrainee"] = 307.69m,
        });
        var stc = await UploadAsync(app, Report(1, "51.STC", new Course("Quản lý văn bản điện tử", 30, 30, null)));
        AssertFigures(stc.GetProperty("figures"), new() { ["classes"] = 1, ["trainees"] = 30, ["certified"] = 30, ["certifiedRate"] = 100m });
        var skhcn = await UploadAsync(app, Report(1, "51.SKHCN", new Course("An toàn thông tin cơ bản", 50, 45, 5000m), new Course("Nền tảng số của tỉnh", 10, 10, null)));
        AssertFigures(skhcn.GetProperty("figures"), new()
        {
            ["classes"] = 2, ["trainees"] = 60, ["certified"] = 55, ["cost"] = 5000m,
            ["certifiedRate"] = 91.67m, ["costPerTrainee"] = 83.33m,
        });

        // The cost per trainee is 25,000 over the 125 trainees of the two units that gave a cost: 200, never 25,000 over
        // all 155 trainees (161.29), which would divide one unit's money by another unit's people.
        var totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(TemplateId, totals.GetProperty("template").GetString());
        Assert.Equal(4, totals.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(3, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(1, totals.GetProperty("unitsMissing").GetInt32());
        Assert.Equal(3, totals.GetProperty("unitsOnTime").GetInt32() + totals.GetProperty("unitsLate").GetInt32());
        Assert.Equal(0, totals.GetProperty("unitsRevised").GetInt32());
        AssertFigures(totals.GetProperty("figures"), new()
        {
            ["classes"] = 5, ["trainees"] = 155, ["certified"] = 140, ["cost"] = 25000m,
            ["certifiedRate"] = 90.32m, ["costPerTrainee"] = 200m,
        });
        AssertCoverage(totals, new() { ["classes"] = 3, ["trainees"] = 3, ["certified"] = 3, ["cost"] = 2, ["certifiedRate"] = 3, ["costPerTrainee"] = 2 });

        var units = await UnitsAsync(app);
        Assert.Equal(Expected, units.Keys.Order(StringComparer.Ordinal));
        Assert.False(units["51.STC"].GetProperty("figures").TryGetProperty("cost", out _));
        Assert.False(units["51.STC"].GetProperty("figures").TryGetProperty("costPerTrainee", out _));
        Assert.Equal("missing", units["51.SYT"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, units["51.SYT"].GetProperty("receivedAt").ValueKind);
        Assert.Empty(units["51.SYT"].GetProperty("figures").EnumerateObject());
        Assert.NotEqual(JsonValueKind.Null, units["51.STC"].GetProperty("receivedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, units["51.STC"].GetProperty("revisedAt").ValueKind);

        // Version 2 registered while the round is open changes nothing in it until the round is moved.
        await RegisterAsync(client, 2);
        Assert.Equal(1, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());
        Assert.False((await app.TotalsAsync(RoundCode)).GetProperty("figures").TryGetProperty("largestClass", out _));

        using var moved = await client.PostAsJsonAsync($"/api/rounds/{RoundCode}/upgrade", new { version = 2 });
        var upgrade = await ReportHubApp.ReadJsonAsync(moved);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, upgrade.ToString());
        Assert.Equal(RoundCode, upgrade.GetProperty("round").GetString());
        Assert.Equal(1, upgrade.GetProperty("from").GetInt32());
        Assert.Equal(2, upgrade.GetProperty("to").GetInt32());
        Assert.True(upgrade.GetProperty("applied").GetBoolean());
        var answers = upgrade.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Equal(["51.SKHCN", "51.STC", "51.STP"], answers.Keys.Order(StringComparer.Ordinal));
        foreach (var (unit, largest) in new[] { ("51.STP", 40m), ("51.STC", 30m), ("51.SKHCN", 50m) })
        {
            var answer = answers[unit];
            Assert.Equal("changed", answer.GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("newSubmissionId").ValueKind);
            Assert.False(answer.TryGetProperty("issues", out _));
            Assert.False(answer.GetProperty("before").TryGetProperty("largestClass", out _));
            Assert.Equal(largest, answer.GetProperty("after").GetProperty("largestClass").GetDecimal());
            // The old forms have no column of women: the new measure and its rate stay absent, not 0.
            Assert.False(answer.GetProperty("after").TryGetProperty("female", out _));
            Assert.False(answer.GetProperty("after").TryGetProperty("femaleRate", out _));
            Assert.Equal(answer.GetProperty("before").GetProperty("trainees").GetDecimal(), answer.GetProperty("after").GetProperty("trainees").GetDecimal());
        }
        Assert.False(answers["51.STC"].GetProperty("after").TryGetProperty("cost", out _));
        Assert.Equal(2, (await app.GetJsonAsync($"/api/rounds/{RoundCode}")).GetProperty("templateVersion").GetInt32());

        totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(3, totals.GetProperty("unitsReported").GetInt32());
        AssertFigures(totals.GetProperty("figures"), new()
        {
            ["classes"] = 5, ["trainees"] = 155, ["certified"] = 140, ["cost"] = 25000m, ["largestClass"] = 50,
            ["certifiedRate"] = 90.32m, ["costPerTrainee"] = 200m,
        });
        AssertCoverage(totals, new()
        {
            ["classes"] = 3, ["trainees"] = 3, ["certified"] = 3, ["cost"] = 2, ["female"] = 0, ["largestClass"] = 3,
            ["certifiedRate"] = 3, ["costPerTrainee"] = 2, ["femaleRate"] = 0,
        });

        // Sở Y tế answers on the new form, the only one that counts women: their rate is 12 of its own 20 trainees,
        // never 12 of the round's 175.
        var syt = await UploadAsync(app, Report(2, "51.SYT", new Course("Ứng dụng hồ sơ sức khỏe điện tử", 20, 18, 4000m, 12)));
        AssertFigures(syt.GetProperty("figures"), new()
        {
            ["classes"] = 1, ["trainees"] = 20, ["certified"] = 18, ["cost"] = 4000m, ["female"] = 12, ["largestClass"] = 20,
            ["certifiedRate"] = 90m, ["costPerTrainee"] = 200m, ["femaleRate"] = 60m,
        });
        totals = await app.TotalsAsync(RoundCode);
        Assert.Equal(4, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(0, totals.GetProperty("unitsMissing").GetInt32());
        AssertFigures(totals.GetProperty("figures"), new()
        {
            ["classes"] = 6, ["trainees"] = 175, ["certified"] = 158, ["cost"] = 29000m, ["female"] = 12, ["largestClass"] = 50,
            ["certifiedRate"] = 90.29m, ["costPerTrainee"] = 200m, ["femaleRate"] = 60m,
        });
        AssertCoverage(totals, new()
        {
            ["classes"] = 4, ["trainees"] = 4, ["certified"] = 4, ["cost"] = 3, ["female"] = 1, ["largestClass"] = 4,
            ["certifiedRate"] = 4, ["costPerTrainee"] = 3, ["femaleRate"] = 1,
        });

        var csv = Encoding.UTF8.GetString(await GetBytesAsync(client, $"/api/rounds/{RoundCode}/consolidated.csv?header=keys")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unit,name,type,status,receivedAt,submissionId,classes,trainees,certified,cost,female,largestClass,certifiedRate,costPerTrainee,femaleRate,revisedAt", lines[0]);
        Assert.EndsWith(",1,30,30,,,30,100,,,", lines.Single(l => l.StartsWith("51.STC,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareRuleFromTheDocsRejectsAtTheLeftCellWithItsPlaceholdersFilled()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        await RegisterAsync(client, 1);
        using var opened = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = Round.Title,
            template = TemplateId,
            requestDocument = Round.RequestDocument,
            requestDate = "2026-07-01",
            deadline = "2026-07-15",
            expected = new { units = Expected },
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        using var response = await app.UploadAsync(Report(1, "51.STP", new Course("Chữ ký số cho công chức", 25, 26, 800m)), "51.STP.xlsx");
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, problem.ToString());
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "rule.compare");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.StartsWith("D", issue.GetProperty("cell").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            "“Chữ ký số cho công chức”: số học viên đạt (26) lớn hơn số học viên (25). Hãy sửa cột “Số học viên đạt” hoặc “Số học viên”.",
            issue.GetProperty("message").GetString());
        Assert.Equal(0, (await app.TotalsAsync(RoundCode)).GetProperty("unitsReported").GetInt32());
    }

    private static byte[] Report(int version, string unit, params Course[] courses)
    {
        var builder = new AppendixBuilder(TemplateDefinition.FromJson(Definition(version)), SampleReference.Unit(unit), Round, Requester);
        builder.Rows("courses", [.. courses.Select(c =>
        {
            var row = new Dictionary<string, object?> { ["topic"] = c.Topic, ["trainees"] = c.Trainees, ["certified"] = c.Certified };
            if (c.Cost is { } cost)
            {
                row["cost"] = cost;
            }
            if (c.Female is { } female)
            {
                row["female"] = female;
            }
            return (IReadOnlyDictionary<string, object?>)row;
        })]);
        return builder.ToXlsx();
    }

    private static async Task RegisterAsync(HttpClient client, int version)
    {
        using var response = await client.PostAsync("/api/templates", new StringContent(Definition(version), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var registered = JsonDocument.Parse(body);
        Assert.Equal(TemplateId, registered.RootElement.GetProperty("id").GetString());
        Assert.Equal(version, registered.RootElement.GetProperty("version").GetInt32());
    }

    /// <summary>Uploads with no hint: the letter's header names the unit and its citation the round.</summary>
    private static async Task<JsonElement> UploadAsync(ReportHubApp app, byte[] file)
    {
        using var response = await app.UploadAsync(file, "bao-cao.xlsx");
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal(TemplateId, body.GetProperty("template").GetString());
        Assert.Equal(RoundCode, body.GetProperty("round").GetString());
        return body;
    }

    private static async Task<Dictionary<string, JsonElement>> UnitsAsync(ReportHubApp app) =>
        (await app.GetJsonAsync($"/api/rounds/{RoundCode}/units")).EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);

    /// <summary>Exactly these figures: every one listed has its value, and nothing else is there (absent is not 0).</summary>
    private static void AssertFigures(JsonElement figures, Dictionary<string, decimal> expected)
    {
        var actual = figures.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static void AssertCoverage(JsonElement totals, Dictionary<string, int> expected)
    {
        var actual = totals.GetProperty("coverage").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }
}
