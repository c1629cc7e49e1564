using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportHub.Api.Access;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Rounds;

namespace ReportHub.Api.Pages;

/// <summary>The consolidated workbook and CSV of every round, one click each, for officials.</summary>
[Authorize(Policy = AccessRegistration.AnalystPolicy)]
public sealed class ExportsModel(RoundService rounds) : PageModel
{
    public IReadOnlyList<Round> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rounds = (await rounds.ListAsync(ct)).OrderByDescending(r => r.Deadline).ToList();
}
