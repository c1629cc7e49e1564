using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>
/// A template that exists only in these tests, in two versions: version 2 adds a required column (dossiers resolved),
/// a measure summed from it and an indicator over it. A round on it, and reports for it built on either version's form.
/// </summary>
internal static class VersionedTemplate
{
    public const string Id = "ho-so-thu-nghiem-2026";
    public const string RoundCode = "2026-HS";
    public const string RequestDocument = "317/SKHCN-CĐS";
    public const string Requester = "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi";
    public const string ResolvedHeader = "Hồ sơ đã giải quyết";

    public static readonly string[] Units = ["51.STP", "51.STC", "51.SKHCN"];

    public static readonly Round Round = new()
    {
        Code = RoundCode,
        Title = "Báo cáo tình hình tiếp nhận hồ sơ quý I năm 2026",
        RequestDocument = RequestDocument,
        RequestDate = new DateOnly(2026, 4, 1),
        Deadline = new DateOnly(2026, 4, 15),
        Template = Id,
    };

    public static string Json(int version)
    {
        // Version 2's additions, each appended after the last item of its list.
        var resolvedColumn = version >= 2
            ? $$"""
                ,
                { "key": "resolved", "header": "{{ResolvedHeader}}", "variants": ["Đã giải quyết"], "type": "count", "required": true, "width": 16 }
                """
            : "";
        var resolvedMeasure = version >= 2
            ? """
                ,
                { "key": "resolved", "label": "Số hồ sơ đã giải quyết", "from": "dossiers.resolved", "aggregate": "sum" }
                """
            : "";
        var resolvedIndicator = version >= 2
            ? """
                ,
                { "key": "resolvedRate", "label": "Tỷ lệ hồ sơ đã giải quyết (%)", "numerator": "resolved", "denominator": "received", "factor": 100 }
                """
            : "";
        return $$"""
            {
              "id": "{{Id}}", "version": {{version}},
              "title": "BIỂU MẪU BÁO CÁO TÌNH HÌNH TIẾP NHẬN HỒ SƠ",
              "appendixHeading": "PHỤ LỤC",
              "labels": [
                { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã đơn vị"] },
                { "key": "roundCode", "label": "Mã đợt báo cáo", "variants": ["Mã đợt báo cáo"] }
              ],
              "sections": [
                { "key": "dossiers", "number": "1", "heading": "Tiếp nhận hồ sơ của các bộ phận", "keywords": ["Tiếp nhận hồ sơ"], "required": true,
                  "table": { "rowKind": "dossier", "totalLabels": ["Tổng cộng"], "columns": [
                    { "key": "ordinal", "header": "STT", "variants": ["STT", "TT"], "type": "ordinal", "width": 6 },
                    { "key": "entity", "header": "Bộ phận", "variants": ["Bộ phận tiếp nhận"], "type": "text", "required": true, "width": 30 },
                    { "key": "received", "header": "Hồ sơ tiếp nhận", "variants": ["Số hồ sơ tiếp nhận"], "type": "count", "required": true, "width": 16 },
                    { "key": "online", "header": "Hồ sơ trực tuyến", "variants": ["Số hồ sơ trực tuyến"], "type": "count", "required": true, "width": 16 }{{resolvedColumn}}
                  ] } },
                { "key": "notes", "number": "2", "heading": "Kiến nghị, đề xuất", "keywords": ["Kiến nghị"] }
              ],
              "emptyMarkers": ["Không có"],
              "measures": [
                { "key": "received", "label": "Số hồ sơ tiếp nhận", "from": "dossiers.received", "aggregate": "sum" },
                { "key": "online", "label": "Số hồ sơ trực tuyến", "from": "dossiers.online", "aggregate": "sum" }{{resolvedMeasure}}
              ],
              "indicators": [
                { "key": "onlineRate", "label": "Tỷ lệ hồ sơ trực tuyến (%)", "numerator": "online", "denominator": "received", "factor": 100 }{{resolvedIndicator}}
              ]
            }
            """;
    }

    public static TemplateDefinition Definition(int version) => TemplateDefinition.FromJson(Json(version));

    /// <summary>A unit's report on version <paramref name="version"/>'s form: one row per (entity, received, online[, resolved]).</summary>
    public static byte[] Report(int version, string unit, params (string Entity, int Received, int Online, int Resolved)[] rows)
    {
        var builder = new AppendixBuilder(Definition(version), SampleReference.Unit(unit), Round, Requester);
        builder.Rows("dossiers", [.. rows.Select(r =>
        {
            var row = new Dictionary<string, object?> { ["entity"] = r.Entity, ["received"] = r.Received, ["online"] = r.Online };
            if (version >= 2)
            {
                row["resolved"] = r.Resolved;
            }
            return (IReadOnlyDictionary<string, object?>)row;
        })]);
        return builder.ToXlsx();
    }

    public static async Task RegisterAsync(HttpClient client, int version)
    {
        var response = await client.PostAsync("/api/templates", new StringContent(Json(version), Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the round over the API and returns it as created.</summary>
    public static async Task<JsonElement> OpenRoundAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = Round.Title,
            template = Id,
            requestDocument = RequestDocument,
            requestDate = "2026-04-01",
            deadline = "2026-04-15",
            expected = new { units = Units },
        });
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body;
    }

    /// <summary>Uploads with no round or unit hint: the letter's header and citation say where it belongs.</summary>
    public static async Task<JsonElement> UploadAsync(ReportHubApp app, byte[] file, string name, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await app.UploadAsync(file, name);
        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == expected, $"{name}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UpgradeAsync(HttpClient client, int version, bool force = false, string round = RoundCode)
    {
        using var response = await client.PostAsJsonAsync($"/api/rounds/{round}/upgrade", new { version, force });
        return (response.StatusCode, await ReportHubApp.ReadJsonAsync(response));
    }

    public static JsonElement Unit(JsonElement upgrade, string unit) =>
        Assert.Single(upgrade.GetProperty("units").EnumerateArray(), u => u.GetProperty("unit").GetString() == unit);
}
