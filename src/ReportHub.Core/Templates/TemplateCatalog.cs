namespace ReportHub.Core.Templates;

/// <summary>The templates shipped as embedded JSON. Adding a template is adding a file.</summary>
public static class TemplateCatalog
{
    private static readonly Lazy<IReadOnlyList<TemplateDefinition>> All = new(Load);

    public static IReadOnlyList<TemplateDefinition> Templates => All.Value;

    public static TemplateDefinition Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"No template '{id}'.");

    /// <summary>The shipped template with this id (its highest version), or null.</summary>
    public static TemplateDefinition? Find(string id) =>
        Templates.Where(t => string.Equals(t.Id, id, StringComparison.Ordinal)).MaxBy(t => t.Version);

    /// <summary>The JSON Schema of a template definition, for editors and for GET /api/templates/schema.json.</summary>
    public static string Schema => TemplateResources.SchemaJson;

    private static IReadOnlyList<TemplateDefinition> Load() =>
        TemplateResources.ShippedJson().Select(TemplateDefinition.FromJson).ToList();
}
