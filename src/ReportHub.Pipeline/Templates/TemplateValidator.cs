using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ReportHub.Core.Templates;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// Checks a template definition against template.schema.json, then checks what a schema cannot say: that keys are
/// unique and that measures, indicators and rules name sections, columns and measures that exist. Every error has
/// a JSON path and a Vietnamese message; all of them are returned at once so an author fixes the file in one pass.
/// </summary>
public sealed partial class TemplateValidator
{
    /// <summary>Far above any real template (the COVID one is 6 KB); bounds the work done on a hostile body.</summary>
    public const int MaxChars = 1_000_000;

    private static readonly Lazy<(JsonSchema Schema, JsonNode Node)> Schema = new(() =>
    {
        var text = TemplateResources.SchemaJson;
        return (JsonSchema.FromText(text), JsonNode.Parse(text)!);
    });

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    /// <summary>The errors of a definition; empty when it may be registered.</summary>
    public IReadOnlyList<TemplateError> Validate(string json)
    {
        if (json.Length > MaxChars)
        {
            return [Error(JsonPaths.Root, $"Định nghĩa mẫu quá lớn ({json.Length.ToString("N0", Vietnamese)} ký tự, tối đa {MaxChars.ToString("N0", Vietnamese)}). Hãy bỏ bớt biến thể tiêu đề, hướng dẫn không cần thiết.")];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {(ex.BytePositionInLine ?? 0) + 1})" : "";
            return [Error(JsonPaths.Root, $"Nội dung không phải JSON hợp lệ{where}. Hãy kiểm tra dấu phẩy, dấu ngoặc và dấu nháy kép quanh mỗi chuỗi, rồi lưu tệp dưới dạng UTF-8.")];
        }
        using (document)
        {
            try
            {
                return Check(json, document.RootElement);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever a hostile body trips in the checks themselves is still a refusal, never a crash of the caller.
                return [Error(JsonPaths.Root, "Không kiểm tra được định nghĩa mẫu này: có giá trị không đọc được theo kiểu của trường. Hãy đối chiếu với /api/templates/schema.json rồi đăng ký lại.")];
            }
        }
    }

    private static List<TemplateError> Check(string json, JsonElement root)
    {
        // Values no runtime type can hold come first: a duplicate key makes the tree ambiguous, so nothing else is judged.
        var values = new ValueChecks();
        values.Walk(root, JsonPaths.Root);
        if (values.Duplicates)
        {
            return values.Errors;
        }
        var errors = new List<TemplateError>(values.Errors);
        errors.AddRange(Identity(root));
        try
        {
            errors.AddRange(SchemaErrors(root).ToList());
        }
        catch (Exception ex) when (ex is OverflowException or FormatException or ArgumentException && errors.Count > 0)
        {
            // A number beyond decimal can trip the schema's own comparisons; it is reported above, by its path.
        }
        if (JsonNode.Parse(root.GetRawText()) is JsonObject node)
        {
            errors.AddRange(new SemanticChecks(node).Run());
        }
        errors.AddRange(Loaded(json, errors.Count > 0));
        // The schema and the semantic checks may both see one fault (a choice without values); say it once.
        return [.. errors.DistinctBy(e => e.Path)];
    }

    /// <summary>
    /// The definition read into the types that run it, and checked against their limits: the very code that loads a
    /// stored definition, so nothing registered fails to load. A parse failure is only news when nothing else was found.
    /// </summary>
    private static IEnumerable<TemplateError> Loaded(string json, bool refusedAlready)
    {
        try
        {
            TemplateDefinition.Load(json);
            return [];
        }
        catch (TemplateLoadException ex)
        {
            return ex.InnerException is not null && refusedAlready ? [] : ex.Faults.Select(f => Error(f.Path, f.Message));
        }
    }

    /// <summary>The id and the version, which registration stores as they are: the schema's pattern lets a final newline through.</summary>
    private static IEnumerable<TemplateError> Identity(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            yield return Error("$.id", "Mã mẫu không được chứa khoảng trắng, dấu xuống dòng hay ký tự điều khiển. Mã mẫu chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “bao-cao-quy-2026”.");
        }
        if (root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number
            && !(version.TryGetInt32(out var v) && v is >= 1 and <= TemplateLimits.MaxVersion))
        {
            yield return Error("$.version", $"Phiên bản {version.GetRawText()} không hợp lệ: phải là số nguyên (không có phần thập phân) từ 1 đến {TemplateLimits.Number(TemplateLimits.MaxVersion)}. Hãy sửa “version”.");
        }
    }

    /// <summary>Duplicate keys anywhere in the tree, numbers beyond decimal, dates that do not exist.</summary>
    private sealed class ValueChecks
    {
        public List<TemplateError> Errors { get; } = [];

        public bool Duplicates { get; private set; }

        public void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        var at = path + JsonPaths.Property(property.Name);
                        if (!seen.Add(property.Name))
                        {
                            Duplicates = true;
                            Errors.Add(Error(at, $"Khóa “{property.Name}” được viết hai lần trong cùng một đối tượng; chỉ một giá trị được giữ nên không rõ ý người soạn. Hãy xóa một trong hai."));
                            continue;
                        }
                        if (property.Name == "from" && property.Value.ValueKind == JsonValueKind.String && path.Contains(".rules[", StringComparison.Ordinal))
                        {
                            var text = property.Value.GetString()!;
                            if (DateShape().IsMatch(text) && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                            {
                                Errors.Add(Error(at, $"Ngày “{text}” không có thật trên lịch. Hãy sửa thành một ngày có thật, theo dạng năm-tháng-ngày, ví dụ “2019-12-01”."));
                            }
                        }
                        Walk(property.Value, at);
                    }
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, JsonPaths.Item(path, i++));
                    }
                    break;
                case JsonValueKind.Number when !element.TryGetDecimal(out _):
                    Errors.Add(Error(path, $"Số {Shorten(element.GetRawText())} vượt quá giới hạn số được lưu (khoảng ±7,9 × 10²⁸, tối đa 28 chữ số sau dấu phẩy). Hãy dùng một số nhỏ hơn."));
                    break;
            }
        }

        private static string Shorten(string raw) => raw.Length > 40 ? raw[..40] + "…" : raw;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial System.Text.RegularExpressions.Regex DateShape();

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static TemplateError Error(string path, string message) => new() { Path = path, Message = message.Normalize() };

    private static IEnumerable<TemplateError> SchemaErrors(JsonElement instance)
    {
        var (schema, schemaNode) = Schema.Value;
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            yield break;
        }
        foreach (var detail in (results.Details ?? []).Prepend(results).Where(d => d.Errors is { Count: > 0 }))
        {
            var instancePointer = detail.InstanceLocation.ToString();
            var schemaPointer = detail.SchemaLocation.Fragment;
            var schemaPath = JsonPaths.Segments(schemaPointer);
            if (schemaPath.Contains("if") || IsOtherRuleBranch(instance, instancePointer, schemaPath))
            {
                // An "if" that does not hold is no error; a rule is judged only by the branch of its own type.
                continue;
            }
            var value = Resolve(instance, instancePointer);
            if (JsonPaths.Segments(detail.EvaluationPath.ToString()) is [.., "additionalProperties"])
            {
                // The false schema rejects the extra property itself; the object's schema lists what is allowed.
                var owner = schemaPath is [.., "additionalProperties"] ? "/" + string.Join('/', schemaPath.SkipLast(1)) : schemaPointer;
                var name = JsonPaths.Segments(instancePointer) is { Count: > 0 } at ? at[^1] : "";
                yield return ExtraProperty(JsonPaths.FromPointer(instancePointer), name, Resolve(schemaNode, owner + "/properties") as JsonObject);
                continue;
            }
            foreach (var keyword in detail.Errors!.Keys.Where(k => k is not ("oneOf" or "const" or "$ref" or "allOf")))
            {
                var rule = Resolve(schemaNode, $"{schemaPointer}/{keyword}");
                foreach (var error in Describe(keyword, instancePointer, schemaPointer, value, rule))
                {
                    yield return error;
                }
            }
        }
    }

    private static bool IsOtherRuleBranch(JsonElement instance, string instancePointer, IReadOnlyList<string> schemaPath)
    {
        if (schemaPath.Count < 2 || schemaPath[0] != "$defs" || !schemaPath[1].EndsWith("Rule", StringComparison.Ordinal))
        {
            return false;
        }
        var branchType = schemaPath[1][..^"Rule".Length];
        var path = JsonPaths.Segments(instancePointer);
        if (path.Count < 2 || path[0] != "rules" || Resolve(instance, $"/rules/{path[1]}") is not { ValueKind: JsonValueKind.Object } rule)
        {
            return false;
        }
        return !(rule.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == branchType);
    }

    private static IEnumerable<TemplateError> Describe(string keyword, string instancePointer, string schemaPointer, JsonElement? value, JsonNode? rule)
    {
        var path = JsonPaths.FromPointer(instancePointer);
        switch (keyword)
        {
            case "required":
                foreach (var name in (rule as JsonArray ?? []).Select(n => n!.GetValue<string>())
                    .Where(n => value is { ValueKind: JsonValueKind.Object } o && !o.TryGetProperty(n, out _)))
                {
                    yield return Error(path + JsonPaths.Property(name), $"Thiếu trường bắt buộc “{name}”. Hãy thêm “{name}” vào {Owner(path)}.");
                }
                yield break;
            case "additionalProperties":
                // Reported for each extra property on its own; the object's summary adds nothing.
                yield break;
            case "type":
                yield return Error(path, $"Giá trị phải là {TypeName(rule)}. Hãy sửa lại giá trị tại vị trí này.");
                yield break;
            case "enum":
                var allowed = string.Join(", ", (rule as JsonArray ?? []).Select(n => n!.ToJsonString()));
                yield return Error(path, $"Giá trị {Show(value)} không hợp lệ. Hãy dùng một trong các giá trị: {allowed}.");
                yield break;
            case "pattern":
                yield return Error(path, $"Giá trị {Show(value)} không đúng dạng. {PatternHint(schemaPointer)}");
                yield break;
            case "minLength":
                yield return Error(path, "Không được để trống. Hãy nhập nội dung cho trường này.");
                yield break;
            case "maxLength":
                yield return Error(path, $"Dài quá {rule} ký tự. Hãy rút ngắn giá trị này.");
                yield break;
            case "minItems":
                yield return Error(path, $"Danh sách phải có ít nhất {rule} phần tử. Hãy bổ sung phần tử cho danh sách này.");
                yield break;
            case "minimum":
                yield return Error(path, $"Giá trị {Show(value)} phải lớn hơn hoặc bằng {rule}. Hãy sửa lại số này.");
                yield break;
            case "exclusiveMinimum":
                yield return Error(path, $"Giá trị {Show(value)} phải lớn hơn {rule}. Hãy sửa lại số này.");
                yield break;
            case "maximum":
                yield return Error(path, $"Giá trị {Show(value)} phải nhỏ hơn hoặc bằng {rule}. Hãy sửa lại số này.");
                yield break;
            default:
                yield return Error(path, $"Giá trị không đúng lược đồ định nghĩa mẫu (quy tắc “{keyword}”). Hãy đối chiếu với /api/templates/schema.json.");
                yield break;
        }
    }

    private static TemplateError ExtraProperty(string path, string name, JsonObject? known) => Error(path,
        $"Trường “{name}” không có trong định nghĩa mẫu. Hãy xóa trường này hoặc sửa lại tên cho đúng (phân biệt chữ hoa, chữ thường)"
        + (known is null ? "." : $"; các trường được dùng ở đây: {string.Join(", ", known.Select(k => k.Key))}."));

    private static string Owner(string path) => path == JsonPaths.Root ? "định nghĩa mẫu" : $"mục {path}";

    private static string Show(JsonElement? value) => value is { } v ? v.GetRawText() : "(trống)";

    private static string TypeName(JsonNode? type) => type?.ToString() switch
    {
        "string" => "một chuỗi văn bản trong dấu nháy kép",
        "integer" => "một số nguyên",
        "number" => "một số",
        "boolean" => "true hoặc false",
        "array" => "một danh sách trong ngoặc vuông [ ]",
        "object" => "một đối tượng trong ngoặc nhọn { }",
        var other => $"kiểu {other}",
    };

    private static string PatternHint(string schemaPointer) => JsonPaths.Segments(schemaPointer) switch
    {
        ["properties", "id", ..] => "Mã mẫu chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “bao-cao-quy-2026”.",
        ["$defs", "key", ..] => "Mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ cái, ví dụ “qrCodes”.",
        ["$defs", "measure", ..] => "“from” phải có dạng <mã phần>.<mã cột> hoặc <mã phần>.rows (số dòng), ví dụ “qr.qrCodes”.",
        ["$defs", "dateWindowRule", ..] => "Ngày phải viết theo dạng năm-tháng-ngày, ví dụ “2019-12-01”.",
        _ => "Hãy đối chiếu với /api/templates/schema.json.",
    };

    private static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var segment in JsonPaths.Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i >= 0 && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? current = root;
        foreach (var segment in JsonPaths.Segments(pointer))
        {
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
        }
        return current;
    }
}
