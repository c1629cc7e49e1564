using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportHub.Core.Templates;

/// <summary>
/// A report template as data: where its sections are, what their tables hold, how people write their headings,
/// which figures a submission yields, which checks its rows must pass and how the exports show it. A new template is
/// a new definition; no code changes. Version 1 files (no measures, rules or layout) still load.
/// </summary>
public sealed record TemplateDefinition
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;

    /// <summary>
    /// The definition format: 2 makes every column required unless it says optional; 1 (a definition that names no
    /// format, as all did before) kept a column optional unless it said required, and is still read that way.
    /// </summary>
    public int Format { get; init; } = 1;
    public required string Title { get; init; }
    public string AppendixHeading { get; init; } = "PHỤ LỤC";

    /// <summary>The V/v line of the blank letter; null when the template does not propose one.</summary>
    public string? Subject { get; init; }

    public IReadOnlyList<LabelDefinition> Labels { get; init; } = [];
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
    public IReadOnlyList<string> EmptyMarkers { get; init; } = [];
    public IReadOnlyList<MeasureDefinition> Measures { get; init; } = [];
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
    public LayoutDefinition Layout { get; init; } = new();

    /// <summary>The consolidated workbook's title and narratives sheet; null derives both from the definition.</summary>
    public WorkbookDefinition? Workbook { get; init; }

    public MeasureDefinition? Measure(string key) => Measures.FirstOrDefault(m => m.Key == key);

    public SectionDefinition? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,

        // A key written twice means one of the two values is silently lost; the author meant something else.
        AllowDuplicateProperties = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const int CurrentFormat = 2;

    public static TemplateDefinition FromJson(string json)
    {
        var definition = JsonSerializer.Deserialize<TemplateDefinition>(json, JsonOptions)
            ?? throw new InvalidDataException("Empty template definition.");
        return definition.Format >= CurrentFormat ? definition : definition.WithFirstFormatDefaults();
    }

    // A first-format column that does not say required was optional; spelled out, it means what it meant.
    private TemplateDefinition WithFirstFormatDefaults() => this with
    {
        Sections = [.. Sections.Select(s => s.Table is null ? s : s with
        {
            Table = s.Table with { Columns = [.. s.Table.Columns.Select(c => c with { Required = c.Required ?? false })] },
        })],
    };

    /// <summary>
    /// Parses a definition and checks it against <see cref="TemplateLimits"/>: what registration accepts and what a
    /// stored definition must still be to be used. Throws <see cref="TemplateLoadException"/>, never anything else,
    /// for a definition that cannot be held or makes no sense.
    /// </summary>
    public static TemplateDefinition Load(string json)
    {
        TemplateDefinition definition;
        try
        {
            definition = FromJson(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException or ArgumentException or OverflowException or FormatException)
        {
            var path = (ex as JsonException)?.Path is { Length: > 0 } p ? p : "$";
            throw new TemplateLoadException([new TemplateFault { Path = path, Message = Unreadable.Normalize() }], ex);
        }
        if (TemplateLimits.Check(definition) is { Count: > 0 } faults)
        {
            throw new TemplateLoadException(faults);
        }
        return definition;
    }

    /// <summary>Why a definition did not parse, in words for the author: the serializer's own message is English and about types.</summary>
    public const string Unreadable = "Giá trị tại đây không đọc được theo kiểu của trường: một số vượt quá giới hạn, một ngày không có thật, "
        + "một số không nguyên ở chỗ cần số nguyên, một khóa JSON viết hai lần, hoặc thiếu trường bắt buộc. Hãy sửa lại giá trị này.";

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

public sealed record LabelDefinition
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public IReadOnlyList<string> Variants { get; init; } = [];
}

public sealed record LayoutDefinition
{
    public string Orientation { get; init; } = "landscape";

    /// <summary>Empty lines a blank form leaves in each table for the sender to fill.</summary>
    public int BlankRows { get; init; } = 8;

    public IReadOnlyList<string> Instructions { get; init; } = [];
}

public sealed record WorkbookDefinition
{
    /// <summary>The consolidated workbook's title; null turns the template's "BIỂU MẪU …" into "BẢNG TỔNG HỢP …".</summary>
    public string? Title { get; init; }

    /// <summary>The narratives sheet; its columns name narrative sections.</summary>
    public SheetDefinition? Narratives { get; init; }
}
