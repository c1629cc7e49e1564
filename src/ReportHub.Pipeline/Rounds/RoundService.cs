using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Rounds;

/// <summary>An analyst's rounds: created once, closed to stop uploads, reopened to take them again.</summary>
public sealed class RoundService(ReferenceStore store, ILogger<RoundService> logger)
{
    public async Task<RoundCreation> CreateAsync(RoundDraft draft, CancellationToken cancellationToken)
    {
        var rounds = await store.RoundsAsync(cancellationToken);
        var code = draft.Code?.Trim();
        if (rounds.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return Duplicate(existing.Code);
        }
        var templates = await KnownTemplatesAsync(cancellationToken);
        var (round, problems) = RoundPlanner.Plan(draft, await store.UnitsAsync(cancellationToken), rounds, templates);
        if (round is null)
        {
            return new RoundCreation { Problems = problems };
        }
        round = round with { CreatedAt = DateTimeOffset.UtcNow };
        if (!await store.InsertRoundAsync(round, cancellationToken))
        {
            return Duplicate(round.Code);
        }
        logger.LogInformation("Created round {Round} ({Template}) with {Units} expected units", round.Code, round.Template, round.ExpectedUnits.Count);
        return new RoundCreation { Round = await store.RoundAsync(round.Code, cancellationToken) };
    }

    /// <summary>Closes or reopens a round; null when there is no such round.</summary>
    public async Task<Round?> SetClosedAsync(string code, bool closed, CancellationToken cancellationToken)
    {
        if (!await store.SetClosedAsync(code, closed, cancellationToken))
        {
            return null;
        }
        logger.LogInformation("Round {Round} {Action}", code, closed ? "closed" : "reopened");
        return await store.RoundAsync(code, cancellationToken);
    }

    public Task<IReadOnlyList<Round>> ListAsync(CancellationToken cancellationToken) => store.RoundsAsync(cancellationToken);

    /// <summary>The templates registered in the warehouse and those built into the application.</summary>
    public async Task<IReadOnlyList<string>> KnownTemplatesAsync(CancellationToken cancellationToken) =>
        (await store.TemplateIdsAsync(cancellationToken)).Concat(TemplateCatalog.Templates.Select(t => t.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static RoundCreation Duplicate(string code) => new()
    {
        Duplicate = true,
        Problems = [new("code", $"Đã có đợt báo cáo mã “{code}”. Hãy chọn mã khác, hoặc dùng đợt đã có (rounds list).")],
    };
}
