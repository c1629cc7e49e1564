using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Aggregate.Rollups;
using ReportHub.Api.Access;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Pages.Rounds;

/// <summary>One round for an analyst: completeness, provincial totals, charts and the per-unit table.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class DashboardModel(ReferenceStore reference, RollupService rollups) : PageModel
{
    public Round? Round { get; private set; }
    public RoundTotals? Totals { get; private set; }
    public TemplateDefinition? Template { get; private set; }
    public IReadOnlyList<UnitStatus> Units { get; private set; } = [];

    public IEnumerable<UnitStatus> Late => Units.Where(u => u.Status == UnitStatuses.Late);
    public IEnumerable<UnitStatus> Missing => Units.Where(u => u.Status == UnitStatuses.Missing);

    /// <summary>The columns of figures: the template's measures, then its indicators, by key and Vietnamese label.</summary>
    public IReadOnlyList<(string Key, string Label, bool Indicator)> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Round = await reference.RoundAsync(code, ct);
        if (Round is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Template = await rollups.DefinitionAsync(Round, ct);
        Totals = await rollups.TotalsAsync(code, ct);
        Units = await rollups.UnitsAsync(Round, ct);
        Figures = Template is null
            ? (Totals?.Figures.Keys ?? []).Select(k => (k, k, false)).ToList()
            : [.. Template.Measures.Select(m => (m.Key, m.Label, false)), .. Template.Indicators.Select(i => (i.Key, i.Label, true))];
        return Page();
    }
}
