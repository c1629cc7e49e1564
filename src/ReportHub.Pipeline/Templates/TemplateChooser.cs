using System.Collections.Concurrent;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// Which template definitions a file may be read with. The round decides when it is known; otherwise every
/// registered template is a candidate, the default first, and the parse that fits best wins.
/// </summary>
public sealed class TemplateChooser(TemplateRegistry registry)
{
    private readonly ConcurrentDictionary<(string Id, int Version), TemplateDefinition> _parsed = new();

    public async Task<IReadOnlyList<TemplateDefinition>> CandidatesAsync(Round? round, CancellationToken cancellationToken)
    {
        if (round is not null && await DefinitionAsync(round.Template, cancellationToken) is { } decided)
        {
            return [decided];
        }
        var candidates = new List<TemplateDefinition>();
        foreach (var summary in await registry.ListAsync(cancellationToken))
        {
            if (await DefinitionAsync(summary.Id, cancellationToken) is { } definition)
            {
                candidates.Add(definition);
            }
        }
        if (candidates.Count == 0)
        {
            candidates.Add(TemplateCatalog.Default);
        }
        // Most files answer the default template; trying it first lets a clean parse end the search at once.
        return [.. candidates.OrderBy(t => t.Id == TemplateCatalog.DefaultId ? 0 : 1).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>The latest registered version of a template, else the shipped one; null when neither exists.</summary>
    public async Task<TemplateDefinition?> DefinitionAsync(string id, CancellationToken cancellationToken)
    {
        var record = await registry.GetAsync(id, null, cancellationToken);
        if (record is null)
        {
            return TemplateCatalog.Find(id);
        }
        return _parsed.GetOrAdd((record.Id, record.Version), _ => TemplateDefinition.FromJson(record.Definition));
    }
}
