using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Pipeline.Templates;

/// <summary>
/// Which template definitions a file may be read with. The round decides when it is known; otherwise every
/// registered template is a candidate, and the parse that fits best wins.
/// </summary>
public sealed class TemplateChooser(TemplateStore store)
{
    public async Task<IReadOnlyList<TemplateDefinition>> CandidatesAsync(Round? round, CancellationToken cancellationToken)
    {
        if (round is not null && await DefinitionAsync(round.Template, cancellationToken) is { } decided)
        {
            return [decided];
        }
        var candidates = new List<TemplateDefinition>();
        foreach (var summary in await store.ListAsync(cancellationToken))
        {
            if (await DefinitionAsync(summary.Id, cancellationToken) is { } definition)
            {
                candidates.Add(definition);
            }
        }
        if (candidates.Count == 0)
        {
            candidates.AddRange(TemplateCatalog.Templates);
        }
        // A fixed order, so the same file is read the same way on every run; a clean parse ends the search.
        return [.. candidates.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>The latest registered version of a template, else the shipped one; null when neither exists.</summary>
    public Task<TemplateDefinition?> DefinitionAsync(string id, CancellationToken cancellationToken) =>
        store.DefinitionAsync(id, null, cancellationToken);

    /// <summary>The version a submission was read with; the latest when it is not known.</summary>
    public Task<TemplateDefinition?> DefinitionAsync(string id, int? version, CancellationToken cancellationToken) =>
        store.DefinitionAsync(id, version, cancellationToken);
}
