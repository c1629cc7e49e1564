using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportHub.Core.Templates;

/// <summary>
/// A report template as data: where its sections are, what their tables hold and how people write their headings.
/// A new template is a new JSON file beside covid-tech-2021.json; the parser does not change.
/// </summary>
public sealed record TemplateDefinition
{
    public required string Id { get; init; }
    public int Version { get; init; } = 1;
    public required string Title { get; init; }
    public string AppendixHeading { get; init; } = "PHỤ LỤC";
    public IReadOnlyList<LabelDefinition> Labels { get; init; } = [];
    public required IReadOnlyList<SectionDefinition> Sections { get; init; }
    public IReadOnlyList<string> EmptyMarkers { get; init; } = [];

    public SectionDefinition? TableOf(string rowKind) => Sections.FirstOrDefault(s => s.Table?.RowKind == rowKind);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static TemplateDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<TemplateDefinition>(json, JsonOptions)
        ?? throw new InvalidDataException("Empty template definition.");
}

public sealed record LabelDefinition
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public IReadOnlyList<string> Variants { get; init; } = [];
}

public sealed record SectionDefinition
{
    public required string Key { get; init; }
    public required string Number { get; init; }
    public required string Heading { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public bool Required { get; init; }
    public TableDefinition? Table { get; init; }

    public bool IsNarrative => Table is null;
}

public sealed record TableDefinition
{
    /// <summary>What one data row is: "directive" or "qr" for the typed report; other kinds stay generic.</summary>
    public required string RowKind { get; init; }
    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }
    public IReadOnlyList<string> TotalLabels { get; init; } = [];
}

public enum ColumnType
{
    Ordinal,
    Text,
    Citation,
    List,
    Count,
}

public sealed record ColumnDefinition
{
    public required string Key { get; init; }
    public required string Header { get; init; }
    public IReadOnlyList<string> Variants { get; init; } = [];
    public ColumnType Type { get; init; } = ColumnType.Text;
    public bool Required { get; init; }
    public double Width { get; init; } = 20;
}
