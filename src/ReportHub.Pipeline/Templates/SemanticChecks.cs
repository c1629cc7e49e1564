using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// What template.schema.json cannot express: unique keys, and references between parts of the definition
/// (measure → section and column, indicator → measure, rule → section and column). It reads the JSON defensively,
/// since it also runs on a definition the schema refused, so that every error is reported in one pass.
/// </summary>
internal sealed class SemanticChecks(JsonObject root)
{
    private const string RowCount = "rows";

    private static readonly HashSet<string> Numeric = ["count", "amount", "percent"];

    private static readonly HashSet<string> Known = ["ordinal", "text", "count", "amount", "percent", "date", "citation", "list", "choice", "unit"];

    private readonly List<TemplateError> _errors = [];

    private sealed record Column(string Key, string? Type, string Path);

    private sealed record Section(string Key, string Path, IReadOnlyDictionary<string, Column>? Columns);

    public IReadOnlyList<TemplateError> Run()
    {
        UniqueKeys(Items("labels", "$.labels"), "nhãn");
        var sections = Sections();
        var measures = Measures(sections);
        Indicators(measures);
        Rules(sections);
        Sheets(sections);
        return _errors;
    }

    private Dictionary<string, Section> Sections()
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var (section, path) in Items("sections", "$.sections"))
        {
            Dictionary<string, Column>? columns = null;
            if (section["table"] is JsonObject table)
            {
                columns = new Dictionary<string, Column>(StringComparer.Ordinal);
                var tablePath = path + ".table";
                foreach (var (column, columnPath) in Items(table, "columns", tablePath + ".columns"))
                {
                    if (Text(column, "key") is not { } key)
                    {
                        continue;
                    }
                    // An unknown type is the schema's error; judging references by it would only repeat that.
                    var type = Text(column, "type") is { } t && Known.Contains(t) ? t : null;
                    if (key == RowCount)
                    {
                        Add(columnPath + ".key", "Mã cột “rows” được dành cho số dòng của bảng (“<mã phần>.rows”). Hãy đặt cho cột này một mã khác.");
                    }
                    if (columns.TryGetValue(key, out var first))
                    {
                        Add(columnPath + ".key", $"Mã cột “{key}” trùng với cột {first.Path} trong cùng bảng. Hãy đặt cho mỗi cột một mã riêng.");
                        continue;
                    }
                    if (column["optional"] is JsonValue optional && optional.GetValueKind() == JsonValueKind.True
                        && column["required"] is JsonValue required && required.GetValueKind() == JsonValueKind.True)
                    {
                        Add(columnPath + ".optional", $"Cột “{key}” vừa ghi “required”: true vừa ghi “optional”: true. Hãy bỏ một trong hai (cột bắt buộc trừ khi ghi “optional”).");
                    }
                    if (type == "choice" && (column["values"] is not JsonArray { Count: > 0 }))
                    {
                        Add(columnPath + ".values", $"Cột lựa chọn “{key}” phải liệt kê các giá trị được chọn trong “values”, ví dụ [\"Có\", \"Không\"]. Hãy thêm danh sách này.");
                    }
                    columns[key] = new Column(key, type, columnPath);
                }
            }
            if (Text(section, "key") is not { } sectionKey)
            {
                continue;
            }
            if (sections.TryGetValue(sectionKey, out var earlier))
            {
                Add(path + ".key", $"Mã phần “{sectionKey}” trùng với phần {earlier.Path}. Hãy đặt cho mỗi phần một mã riêng.");
                continue;
            }
            sections[sectionKey] = new Section(sectionKey, path, columns);
        }
        return sections;
    }

    private HashSet<string> Measures(IReadOnlyDictionary<string, Section> sections)
    {
        var measures = new HashSet<string>(StringComparer.Ordinal);
        var items = Items("measures", "$.measures");
        UniqueKeys(items, "chỉ số đo", measures);
        foreach (var (measure, path) in items)
        {
            if (Text(measure, "from") is not { } from || from.Split('.') is not [var sectionKey, var columnKey])
            {
                continue;
            }
            var at = path + ".from";
            if (!sections.TryGetValue(sectionKey, out var section))
            {
                Add(at, $"“{from}” nhắc đến phần “{sectionKey}” không có trong mẫu. Hãy dùng mã của một phần có bảng: {KnownTables(sections)}.");
            }
            else if (section.Columns is null)
            {
                Add(at, $"Phần “{sectionKey}” ({section.Path}) là phần văn bản, không có bảng để lấy số liệu. Hãy chọn một phần có bảng: {KnownTables(sections)}.");
            }
            else if (columnKey == RowCount)
            {
                continue;
            }
            else if (!section.Columns.TryGetValue(columnKey, out var column))
            {
                Add(at, $"Bảng của phần “{sectionKey}” không có cột “{columnKey}”. Hãy dùng một cột số của bảng ({NumericColumns(section)}) hoặc “{sectionKey}.rows” để đếm số dòng.");
            }
            else if (column.Type is not null && !Numeric.Contains(column.Type))
            {
                Add(at, $"Cột “{columnKey}” ({column.Path}) có kiểu “{column.Type}”, không phải số nên không cộng được. Hãy dùng cột kiểu count, amount hoặc percent ({NumericColumns(section)}), hoặc “{sectionKey}.rows” để đếm số dòng.");
            }
        }
        return measures;
    }

    private void Indicators(HashSet<string> measures)
    {
        var items = Items("indicators", "$.indicators");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (indicator, path) in items)
        {
            if (Text(indicator, "key") is { } key)
            {
                if (measures.Contains(key))
                {
                    Add(path + ".key", $"Mã “{key}” đã dùng cho một chỉ số đo trong “measures”; số liệu của báo cáo không phân biệt được hai mã trùng nhau. Hãy đặt mã khác cho chỉ tiêu này.");
                }
                else if (!keys.Add(key))
                {
                    Add(path + ".key", $"Mã chỉ tiêu “{key}” bị trùng. Hãy đặt cho mỗi chỉ tiêu một mã riêng.");
                }
            }
            foreach (var field in (string[])["numerator", "denominator"])
            {
                if (Text(indicator, field) is { } measure && !measures.Contains(measure))
                {
                    Add($"{path}.{field}", $"Chỉ tiêu nhắc đến chỉ số đo “{measure}” không có trong “measures”. Hãy dùng một trong: {List(measures)}.");
                }
            }
        }
    }

    private void Rules(IReadOnlyDictionary<string, Section> sections)
    {
        foreach (var (rule, path) in Items("rules", "$.rules"))
        {
            if (Text(rule, "section") is not { } sectionKey)
            {
                continue;
            }
            if (!sections.TryGetValue(sectionKey, out var section) || section.Columns is null)
            {
                Add(path + ".section", $"Quy tắc nhắc đến phần “{sectionKey}” {(section is null ? "không có trong mẫu" : "không có bảng")}. Hãy dùng mã của một phần có bảng: {KnownTables(sections)}.");
                continue;
            }
            var type = Text(rule, "type");
            string[] fields = type switch
            {
                "compare" => ["left", "right"],
                "requires" => ["when", "then"],
                "dateWindow" => ["column"],
                _ => [],
            };
            foreach (var field in fields)
            {
                if (Text(rule, field) is not { } columnKey)
                {
                    continue;
                }
                if (!section.Columns.TryGetValue(columnKey, out var column))
                {
                    Add($"{path}.{field}", $"Bảng của phần “{sectionKey}” không có cột “{columnKey}”. Hãy dùng một trong các cột: {List(section.Columns.Keys)}.");
                }
                else if (column.Type is not null && (type == "dateWindow" ? column.Type is not ("date" or "citation") : !Numeric.Contains(column.Type)))
                {
                    var want = type == "dateWindow" ? "date hoặc citation (có ngày)" : "count, amount hoặc percent";
                    Add($"{path}.{field}", $"Cột “{columnKey}” ({column.Path}) có kiểu “{column.Type}”; quy tắc này cần cột kiểu {want}. Hãy chọn cột khác hoặc sửa kiểu của cột.");
                }
            }
            if (type == "unique" && rule["columns"] is JsonArray uniqueColumns)
            {
                for (var i = 0; i < uniqueColumns.Count; i++)
                {
                    if (uniqueColumns[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && !section.Columns.ContainsKey(v.GetValue<string>()))
                    {
                        Add(JsonPaths.Item(path + ".columns", i), $"Bảng của phần “{sectionKey}” không có cột “{v.GetValue<string>()}”. Hãy dùng một trong các cột: {List(section.Columns.Keys)}.");
                    }
                }
            }
            if (type == "totalRow" && !section.Columns.Values.Any(c => Numeric.Contains(c.Type ?? "")))
            {
                Add(path + ".section", $"Bảng của phần “{sectionKey}” không có cột số nên không có dòng tổng để kiểm tra. Hãy bỏ quy tắc này hoặc chọn phần có cột số.");
            }
        }
    }

    /// <summary>The workbook's sheet layouts name columns of their table, and the narratives sheet narrative sections.</summary>
    private void Sheets(IReadOnlyDictionary<string, Section> sections)
    {
        foreach (var (sectionNode, path) in Items("sections", "$.sections"))
        {
            if (Text(sectionNode, "key") is not { } key || !sections.TryGetValue(key, out var section) || section.Columns is null
                || sectionNode["table"] is not JsonObject table || table["sheet"] is not JsonObject sheet)
            {
                continue;
            }
            foreach (var (column, columnPath) in Items(sheet, "columns", path + ".table.sheet.columns"))
            {
                if (Text(column, "from") is not { } from)
                {
                    continue;
                }
                if (!section.Columns.TryGetValue(from, out var source))
                {
                    Add(columnPath + ".from", $"Bảng của phần “{key}” không có cột “{from}”. Hãy dùng một trong các cột: {List(section.Columns.Keys)}.");
                }
                else if (Text(column, "part") is { } part && part != "text" && source.Type is not null && source.Type != "citation")
                {
                    Add(columnPath + ".part", $"Chỉ cột kiểu citation mới tách được số, ký hiệu hay ngày; cột “{from}” có kiểu “{source.Type}”. Hãy bỏ “part” hoặc chọn một cột citation.");
                }
            }
        }
        if (root["workbook"] is JsonObject workbook && workbook["narratives"] is JsonObject narratives)
        {
            var texts = sections.Values.Where(s => s.Columns is null).Select(s => s.Key).ToList();
            foreach (var (column, columnPath) in Items(narratives, "columns", "$.workbook.narratives.columns"))
            {
                if (Text(column, "from") is { } from && !texts.Contains(from))
                {
                    Add(columnPath + ".from", $"Mẫu không có phần văn bản “{from}”. Hãy dùng một trong: {List(texts)}.");
                }
            }
        }
    }

    private void UniqueKeys(IReadOnlyList<(JsonObject Item, string Path)> items, string what, HashSet<string>? keys = null)
    {
        keys ??= new HashSet<string>(StringComparer.Ordinal);
        var firstAt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in items)
        {
            if (Text(item, "key") is not { } key)
            {
                continue;
            }
            if (!keys.Add(key))
            {
                Add(path + ".key", $"Mã {what} “{key}” trùng với {firstAt[key]}. Hãy đặt cho mỗi {what} một mã riêng.");
                continue;
            }
            firstAt[key] = path;
        }
    }

    private IReadOnlyList<(JsonObject Item, string Path)> Items(string name, string path) => Items(root, name, path);

    private static List<(JsonObject Item, string Path)> Items(JsonObject owner, string name, string path) =>
        owner[name] is JsonArray array
            ? [.. array.Select((n, i) => (Node: n, Path: JsonPaths.Item(path, i))).Where(x => x.Node is JsonObject).Select(x => ((JsonObject)x.Node!, x.Path))]
            : [];

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string KnownTables(IReadOnlyDictionary<string, Section> sections) =>
        List(sections.Values.Where(s => s.Columns is not null).Select(s => s.Key));

    private static string NumericColumns(Section section) =>
        List(section.Columns!.Values.Where(c => Numeric.Contains(c.Type ?? "")).Select(c => c.Key));

    private static string List(IEnumerable<string> keys) => keys.ToList() is { Count: > 0 } list ? string.Join(", ", list) : "(chưa có)";

    private void Add(string path, string message) => _errors.Add(new TemplateError { Path = path, Message = message.Normalize() });
}
