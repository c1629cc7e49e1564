using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// A template whose table has a <c>unit</c> column (defined only here): each name is resolved against the registry
/// as headers are (without diacritics, by alias) and its code stored beside the text; a name the registry does not
/// know is kept as written with a warning at its cell naming the closest registry unit.
/// </summary>
public sealed class UnitColumnTests
{
    private const string TemplateId = "ho-so-theo-don-vi-2026";
    private const string RoundCode = "2026-HS";
    private const string Heading = "Hồ sơ theo cơ quan tiếp nhận";
    private const string UnitHeader = "Cơ quan tiếp nhận";

    private const string Definition = $$"""
        {
          "id": "{{TemplateId}}", "version": 1,
          "title": "BIỂU TỔNG HỢP HỒ SƠ THEO CƠ QUAN TIẾP NHẬN",
          "appendixHeading": "PHỤ LỤC",
          "subject": "V/v báo cáo hồ sơ theo cơ quan tiếp nhận năm 2026",
          "labels": [
            { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã đơn vị", "Mã ĐV"] },
            { "key": "roundCode", "label": "Mã đợt báo cáo", "variants": ["Mã đợt báo cáo", "Mã đợt"] }
          ],
          "sections": [
            { "key": "receivers", "number": "1", "heading": "{{Heading}}", "keywords": ["cơ quan tiếp nhận"], "required": true,
              "table": { "rowKind": "receiver", "totalLabels": ["Tổng cộng"], "columns": [
                { "key": "ordinal", "header": "STT", "variants": ["STT", "TT"], "type": "ordinal", "width": 6 },
                { "key": "receiver", "header": "{{UnitHeader}}", "variants": ["Đơn vị tiếp nhận"], "type": "unit", "required": true, "width": 40 },
                { "key": "received", "header": "Số hồ sơ tiếp nhận", "variants": ["Hồ sơ tiếp nhận"], "type": "count", "required": true, "min": 0, "width": 16 }
              ] } }
          ],
          "emptyMarkers": ["Không có"],
          "measures": [
            { "key": "received", "label": "Số hồ sơ tiếp nhận", "from": "receivers.received", "aggregate": "sum" }
          ]
        }
        """;

    [Fact]
    public async Task UnitColumnStoresTheCodeOfAKnownNameAndWarnsAtAnUnknownOneWithTheClosestName()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var registered = await client.PostAsync("/api/templates", new StringContent(Definition, Encoding.UTF8, "application/json"));
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var round = await client.PostAsJsonAsync("/api/rounds", new
        {
            code = RoundCode,
            title = "Báo cáo hồ sơ theo cơ quan tiếp nhận năm 2026",
            template = TemplateId,
            requestDocument = "77/SKHCN-CĐS",
            requestDate = "2026-01-05",
            deadline = "2026-01-15",
            expected = new { units = new[] { "51.STP" } },
        });
        Assert.True(round.StatusCode == HttpStatusCode.Created, await round.Content.ReadAsStringAsync());
        var template = await app.Services.GetRequiredService<Pipeline.Templates.TemplateChooser>().DefinitionAsync(TemplateId, CancellationToken.None);
        var builder = new AppendixBuilder(template!, SampleReference.Unit("51.STP"), SampleReference.Round("2025-Q3") with
        {
            Code = RoundCode, Title = "Báo cáo hồ sơ theo cơ quan tiếp nhận năm 2026", RequestDocument = "77/SKHCN-CĐS",
            RequestDate = new DateOnly(2026, 1, 5), Deadline = new DateOnly(2026, 1, 15), Template = TemplateId,
        }, "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
            .Rows("receivers",
                Row("So Tu phap", 40),     // without diacritics
                Row("Sở KH&CN", 25),       // an alias
                Row("Sở Tư phám", 7));     // no such unit

        var response = await app.UploadAsync(builder.ToXlsx(), "ho-so-stp.xlsx");

        var result = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, result.ToString());
        var issue = Assert.Single(result.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.unknown-name");
        Assert.Equal("warning", issue.GetProperty("severity").GetString());
        Assert.Equal(OnlineServicesReports.CellOf(builder, "Sở Tư phám"), issue.GetProperty("cell").GetString());
        var message = issue.GetProperty("message").GetString()!;
        Assert.True(message.IsNormalized(NormalizationForm.FormC));
        Assert.Contains($"“Sở Tư phám” ở cột “{UnitHeader}”", message, StringComparison.Ordinal);
        Assert.Contains("Có phải là “Sở Tư pháp tỉnh Quảng Ngãi” (mã 51.STP)?", message, StringComparison.Ordinal);

        var rows = await StoredRowsAsync(app, result.GetProperty("submissionId").GetInt64());
        Assert.Equal(["So Tu phap", "Sở KH&CN", "Sở Tư phám"], rows.Select(r => r["receiver"].Text));
        Assert.Equal(["51.STP", "51.SKHCN", null], rows.Select(r => r["receiver"].Code));
        Assert.Equal(72m, result.GetProperty("figures").GetProperty("received").GetDecimal());

        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/api/rounds/{RoundCode}/consolidated.xlsx")));
        var detail = workbook.Worksheet(Heading);
        foreach (var text in new[] { "So Tu phap", "Sở KH&CN", "Sở Tư phám" })
        {
            Assert.Contains(detail.CellsUsed(), c => c.GetString() == text);
        }
        Assert.DoesNotContain(detail.CellsUsed(), c => c.GetString() == "51.SKHCN");
    }

    private static Dictionary<string, object?> Row(string receiver, int received) => new() { ["receiver"] = receiver, ["received"] = received };

    private static async Task<List<IReadOnlyDictionary<string, Core.Domain.FieldValue>>> StoredRowsAsync(ReportHubApp app, long submissionId)
    {
        await using var connection = await app.Services.GetRequiredService<Db>().OpenAsync(CancellationToken.None);
        var json = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT row_values FROM table_rows WHERE submission_id = @Id AND section_key = 'receivers' ORDER BY seq", new { Id = submissionId }));
        return json.Select(RowValuesJson.Read).ToList();
    }
}
