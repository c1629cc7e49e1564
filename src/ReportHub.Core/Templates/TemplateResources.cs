namespace ReportHub.Core.Templates;

/// <summary>
/// The raw JSON embedded beside the template model: the shipped definitions and the JSON Schema they follow.
/// The registry stores definitions as JSON text, so it reads them here rather than through the C# model.
/// </summary>
public static class TemplateResources
{
    private const string SchemaSuffix = ".schema.json";

    /// <summary>The JSON Schema (2020-12) of a template definition, served at /api/templates/schema.json.</summary>
    public static string SchemaJson => SchemaText.Value;

    private static readonly Lazy<string> SchemaText = new(() => Read(
        typeof(TemplateResources).Assembly.GetManifestResourceNames().Single(n => n.EndsWith(SchemaSuffix, StringComparison.Ordinal))));

    /// <summary>Resource names of the shipped definitions: every embedded .json except the schema.</summary>
    public static IEnumerable<string> ShippedNames() =>
        typeof(TemplateResources).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".json", StringComparison.Ordinal) && !n.EndsWith(SchemaSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The text of each shipped definition.</summary>
    public static IReadOnlyList<string> ShippedJson() => [.. ShippedNames().Select(Read)];

    private static string Read(string resource)
    {
        using var stream = typeof(TemplateResources).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
