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
        Templates.FirstOrDefault(t => t.Id == id) ?? throw new KeyNotFoundException($"No template '{id}'.");

    private static IReadOnlyList<TemplateDefinition> Load()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var list = new List<TemplateDefinition>();
        foreach (var name in TemplateResources.ShippedNames())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(TemplateDefinition.FromJson(reader.ReadToEnd()));
        }
        return list;
    }
}
