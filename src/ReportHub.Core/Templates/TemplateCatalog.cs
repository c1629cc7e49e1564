using System.Reflection;

namespace ReportHub.Core.Templates;

/// <summary>The templates shipped as embedded JSON. Adding a template is adding a file.</summary>
public static class TemplateCatalog
{
    public const string DefaultId = "covid-tech-2021";

    private static readonly Lazy<IReadOnlyList<TemplateDefinition>> All = new(Load);

    public static IReadOnlyList<TemplateDefinition> Templates => All.Value;

    public static TemplateDefinition Default => Get(DefaultId);

    public static TemplateDefinition Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"No template '{id}'.");

    /// <summary>The shipped template with this id (its highest version), or null.</summary>
    public static TemplateDefinition? Find(string id) =>
        Templates.Where(t => string.Equals(t.Id, id, StringComparison.Ordinal)).MaxBy(t => t.Version);

    private static IReadOnlyList<TemplateDefinition> Load()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var list = new List<TemplateDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(TemplateDefinition.FromJson(reader.ReadToEnd()));
        }
        return list;
    }
}
