using System.Globalization;
using System.Text.Json;
using ReportHub.Aggregate.Export;

namespace ReportHub.Api.Entry;

/// <summary>A report filled in on the page or sent as JSON to <c>POST /api/submissions/entry</c>.</summary>
public sealed record EntryRequest
{
    public required string Round { get; init; }
    public required string Unit { get; init; }
    public required FormValues Values { get; init; }

    /// <summary>Read and check, store nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>One problem with an entry's body, before anything is read as a report: the JSON path and what to do.</summary>
public sealed record EntryError
{
    public required string Field { get; init; }
    public required string Message { get; init; }
}

/// <summary>How large an entry may be: bounded like an upload, in what a person can type into a form.</summary>
public static class EntryLimits
{
    /// <summary>The JSON body of <c>POST /api/submissions/entry</c>.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Rows of one table; the blank form allows as many empty ones.</summary>
    public const int MaxRows = 1000;

    /// <summary>Characters of one value: what one Excel cell holds.</summary>
    public const int MaxText = 32_767;

    public static string BodyLabel => "2 MB";
}

/// <summary>
/// Reads the JSON body of an entry by hand (not bound by the framework), so that each fault is named by its JSON path in
/// Vietnamese, and a value that is not text is refused rather than guessed: "1.234" typed is not 1.234 sent as a number.
/// </summary>
public static class EntryBody
{
    public const string Shape = "{round, unit, tables: {mục: [{cột: giá trị}]}, narratives: {mục: văn bản}, dryRun}";

    /// <summary>The body's unit when it names one as text: the scope check comes before any other.</summary>
    public static string? UnitOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("unit", out var unit) && unit.ValueKind == JsonValueKind.String
            ? unit.GetString()
            : null;

    public static (EntryRequest? Request, IReadOnlyList<EntryError> Errors) Read(JsonElement root)
    {
        var errors = new List<EntryError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new EntryError { Field = "$", Message = $"Nội dung gửi lên phải là một đối tượng JSON {Shape}." });
            return (null, errors);
        }
        var round = Text(root, "round", errors);
        var unit = Text(root, "unit", errors);
        var dryRun = false;
        if (root.TryGetProperty("dryRun", out var dry))
        {
            switch (dry.ValueKind)
            {
                case JsonValueKind.True:
                    dryRun = true;
                    break;
                case JsonValueKind.False:
                case JsonValueKind.Null:
                    break;
                default:
                    errors.Add(new EntryError { Field = "dryRun", Message = "“dryRun” phải là true hoặc false." });
                    break;
            }
        }
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        if (root.TryGetProperty("tables", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new EntryError { Field = "tables", Message = "“tables” phải là một đối tượng: mỗi mục bảng là một danh sách các dòng." });
            }
            else
            {
                foreach (var section in t.EnumerateObject())
                {
                    if (Rows(section, errors) is { } rows)
                    {
                        tables[section.Name] = rows;
                    }
                }
            }
        }
        var narratives = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("narratives", out var n) && n.ValueKind != JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new EntryError { Field = "narratives", Message = "“narratives” phải là một đối tượng: mỗi mục văn bản là một chuỗi." });
            }
            else
            {
                foreach (var narrative in n.EnumerateObject())
                {
                    var field = $"narratives.{narrative.Name}";
                    if (narrative.Value.ValueKind == JsonValueKind.String)
                    {
                        narratives[narrative.Name] = narrative.Value.GetString()!;
                    }
                    else if (narrative.Value.ValueKind != JsonValueKind.Null)
                    {
                        errors.Add(new EntryError { Field = field, Message = $"Nội dung mục “{narrative.Name}” phải là một chuỗi văn bản." });
                    }
                }
            }
        }
        if (errors.Count > 0 || round is null || unit is null)
        {
            return (null, errors);
        }
        return (new EntryRequest
        {
            Round = round,
            Unit = unit,
            DryRun = dryRun,
            Values = new FormValues { Tables = tables, Narratives = narratives },
        }, errors);
    }

    internal static string Count(int value) => value.ToString("#,##0", Vietnamese);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string? Text(JsonElement root, string name, List<EntryError> errors)
    {
        var what = name == "round" ? "mã đợt báo cáo" : "mã đơn vị";
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new EntryError { Field = name, Message = $"Thiếu “{name}”: {what}." });
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new EntryError { Field = name, Message = $"“{name}” phải là một chuỗi: {what}." });
            return null;
        }
        return value.GetString()!.Trim();
    }

    private static List<IReadOnlyDictionary<string, string>>? Rows(JsonProperty section, List<EntryError> errors)
    {
        var field = $"tables.{section.Name}";
        if (section.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new EntryError { Field = field, Message = $"Mục “{section.Name}” phải là một danh sách các dòng, mỗi dòng một đối tượng {{cột: giá trị}}." });
            return null;
        }
        if (section.Value.GetArrayLength() > EntryLimits.MaxRows)
        {
            errors.Add(new EntryError
            {
                Field = field,
                Message = $"Mục “{section.Name}” có {Count(section.Value.GetArrayLength())} dòng, quá số dòng cho phép ({Count(EntryLimits.MaxRows)}). "
                    + "Hãy gửi báo cáo bằng tệp Excel.",
            });
            return null;
        }
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var index = 0;
        foreach (var row in section.Value.EnumerateArray())
        {
            var at = $"{field}[{index}]";
            index++;
            if (row.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new EntryError { Field = at, Message = $"Dòng {index} của mục “{section.Name}” phải là một đối tượng {{cột: giá trị}}." });
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cell in row.EnumerateObject())
            {
                switch (cell.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[cell.Name] = cell.Value.GetString()!;
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        errors.Add(new EntryError
                        {
                            Field = $"{at}.{cell.Name}",
                            Message = $"Giá trị cột “{cell.Name}” ở dòng {index} của mục “{section.Name}” phải là một chuỗi, đúng như gõ vào ô "
                                + "(ví dụ \"1.250\" hay \"12,5\"), không phải số hay kiểu khác.",
                        });
                        break;
                }
            }
            rows.Add(values);
        }
        return rows;
    }
}
