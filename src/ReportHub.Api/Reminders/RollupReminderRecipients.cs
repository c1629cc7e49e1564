using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Reminders;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Api.Reminders;

/// <summary>The units a round waits for, by the same rollup the dashboard shows, with their registry entries.</summary>
public sealed class RollupReminderRecipients(RollupService rollups, ReferenceStore reference) : IReminderRecipients
{
    public async Task<IReadOnlyList<Unit>> AwaitedAsync(Round round, CancellationToken cancellationToken)
    {
        var statuses = await rollups.UnitsAsync(round, cancellationToken);
        var units = (await reference.UnitsAsync(cancellationToken)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        return [.. statuses.Where(s => s.Status == UnitStatuses.Missing && units.ContainsKey(s.Unit)).Select(s => units[s.Unit])];
    }
}
