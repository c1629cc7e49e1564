using System.Text.Json.Nodes;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>A complete v2 definition (the online public services report) that tests change one fault at a time.</summary>
internal static class TemplateSamples
{
    public const string Id = "dvc-test-2025";

    public static JsonObject Services(int version = 1) => JsonNode.Parse($$"""
        {
          "id": "{{Id}}", "version": {{version}},
          "title": "BIỂU MẪU BÁO CÁO KẾT QUẢ CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN",
          "appendixHeading": "PHỤ LỤC",
          "subject": "V/v báo cáo kết quả cung cấp dịch vụ công trực tuyến",
          "labels": [ { "key": "unitCode", "label": "Mã đơn vị", "variants": ["Mã ĐV"] } ],
          "sections": [
            { "key": "services", "number": "1", "heading": "Kết quả tiếp nhận hồ sơ", "keywords": ["tiếp nhận"], "required": true,
              "table": { "totalLabels": ["Tổng cộng"], "columns": [
                { "key": "ordinal", "header": "STT", "type": "ordinal", "width": 6 },
                { "key": "service", "header": "Tên thủ tục", "type": "text", "required": true },
                { "key": "level", "header": "Mức độ", "type": "choice", "values": ["Toàn trình", "Một phần"] },
                { "key": "received", "header": "Số hồ sơ tiếp nhận", "type": "count", "min": 0 },
                { "key": "receivedOnline", "header": "Số hồ sơ trực tuyến", "type": "count", "min": 0 },
                { "key": "fees", "header": "Phí, lệ phí", "type": "amount" },
                { "key": "decided", "header": "Ngày quyết định", "type": "date" }
              ] } },
            { "key": "notes", "number": "2", "heading": "Kiến nghị, đề xuất" }
          ],
          "emptyMarkers": ["Không có"],
          "measures": [
            { "key": "received", "label": "Số hồ sơ tiếp nhận", "from": "services.received", "aggregate": "sum", "cumulative": true },
            { "key": "receivedOnline", "label": "Số hồ sơ trực tuyến", "from": "services.receivedOnline", "aggregate": "sum" },
            { "key": "services", "label": "Số thủ tục", "from": "services.rows", "aggregate": "sum" }
          ],
          "indicators": [
            { "key": "onlineRate", "label": "Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)", "numerator": "receivedOnline", "denominator": "received", "factor": 100 }
          ],
          "rules": [
            { "type": "compare", "section": "services", "left": "receivedOnline", "op": "<=", "right": "received", "severity": "error", "message": "Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận." },
            { "type": "requires", "section": "services", "when": "receivedOnline", "then": "received", "severity": "warning", "message": "Có hồ sơ trực tuyến thì phải có hồ sơ tiếp nhận." },
            { "type": "totalRow", "section": "services", "severity": "error" },
            { "type": "dateWindow", "section": "services", "column": "decided", "from": "2025-01-01", "daysAfterReport": 31, "severity": "warning", "message": "Ngày quyết định nằm ngoài kỳ báo cáo." }
          ],
          "layout": { "orientation": "landscape", "blankRows": 8, "instructions": ["Điền số liệu vào các cột số."] }
        }
        """)!.AsObject();

    public static string Json(this JsonObject definition) => definition.ToJsonString();
}
