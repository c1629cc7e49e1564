using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportHub.Core.Templates;

/// <summary>
/// A report template as data: where its sections are, what their tables hold, how people write their headings,
/// which figures a submission yields and which checks its rows must pass. A new template is a new JSON file beside
/// covid-tech-2021.json; the parser does not change. Version 1 files (no measures, rules or layout) still load.
/// </summary>
public sealed record TemplateDefinition
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;
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

    public SectionDefinition? TableOf(string rowKind) => Sections.FirstOrDefault(s => s.Table?.RowKind == rowKind);

    public SectionDefinition? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static TemplateDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<TemplateDefinition>(json, JsonOptions)
        ?? throw new InvalidDataException("Empty template definition.");

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
