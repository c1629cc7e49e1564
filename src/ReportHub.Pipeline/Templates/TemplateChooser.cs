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
        if (round is not null && await RoundDefinitionAsync(round, cancellationToken) is { } decided)
        {
            return [decided];
        }
        var candidates = new List<TemplateDefinition>();
        // A stored definition that does not load is left out (the store logged it once): one broken template must
        // not stop the files of every other template from being read.
        foreach (var summary in (await store.ListAsync(cancellationToken)).Where(s => s.Problem is null))
        {
            if (await DefinitionAsync(summary.Id, summary.Version, cancellationToken) is { } definition)
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

    /// <summary>The version of its template a round reads its reports with (see <see cref="Round.TemplateVersion"/>).</summary>
    public Task<TemplateDefinition?> RoundDefinitionAsync(Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return store.DefinitionAsync(round.Template, round.TemplateVersion, cancellationToken);
    }

    /// <summary>
    /// The registered versions of the round's template other than its own, newest first: the forms a file sent to the
    /// round may have been filled on.
    /// </summary>
    public async Task<IReadOnlyList<TemplateDefinition>> OtherVersionsAsync(Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var others = new List<TemplateDefinition>();
        foreach (var version in (await store.VersionsAsync(round.Template, cancellationToken)).Where(v => v != round.TemplateVersion).Reverse())
        {
            try
            {
                if (await store.DefinitionAsync(round.Template, version, cancellationToken) is { } definition && definition.Version == version)
                {
                    others.Add(definition);
                }
            }
            catch (BrokenTemplateException)
            {
                // Another version's form is only a hint for a file that does not fit the round's own; a broken one is none.
            }
        }
        return others;
    }

    /// <summary>The latest registered version of a template, else the shipped one; null when neither exists.</summary>
    public Task<TemplateDefinition?> DefinitionAsync(string id, CancellationToken cancellationToken) =>
        store.DefinitionAsync(id, null, cancellationToken);

    /// <summary>The version a submission was read with; the latest when it is not known.</summary>
    public Task<TemplateDefinition?> DefinitionAsync(string id, int? version, CancellationToken cancellationToken) =>
        store.DefinitionAsync(id, version, cancellationToken);
}
