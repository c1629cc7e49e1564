using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Reference;

namespace ReportHub.Pipeline.Reminders;

/// <summary>
/// The automatic reminders (<c>Reminders:Automatic</c>): every <c>CheckMinutes</c> each open round is looked at,
/// and its awaited units get the "before" reminder from <c>DaysBefore</c> days before the deadline up to the
/// deadline, and the "after" reminder from the day after the deadline for <see cref="AfterWindowDays"/> days; the
/// window, not the single day, covers a server that was down on the day. Every API process may run it: the
/// warehouse's claim on (round, unit, kind) lets one of them send each reminder once.
/// </summary>
public sealed class ReminderScheduler(ReminderService reminders, ReferenceStore reference, AuditLog audit,
    IOptions<ReminderOptions> options, ILogger<ReminderScheduler> logger) : BackgroundService
{
    public const int AfterWindowDays = 3;

    public const string Actor = AuditActors.WorkerPrefix + "reminders";

    /// <summary>The reminder a round is due on <paramref name="today"/>, or null.</summary>
    public static string? DueKind(Round round, DateOnly today, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.Closed)
        {
            return null;
        }
        if (today <= round.Deadline && today >= round.Deadline.AddDays(-Math.Max(0, daysBefore)))
        {
            return ReminderKinds.Before;
        }
        if (today > round.Deadline && today <= round.Deadline.AddDays(AfterWindowDays))
        {
            return ReminderKinds.After;
        }
        return null;
    }

    /// <summary>One look at every round; what was sent is audited per round.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (reminders.ConfigurationProblem is { } problem)
        {
            logger.LogWarning("Automatic reminders are on but cannot be sent: {Problem}", problem);
            return;
        }
        var today = reminders.Today;
        foreach (var round in await reference.RoundsAsync(cancellationToken))
        {
            if (DueKind(round, today, options.Value.DaysBefore) is not { } kind)
            {
                continue;
            }
            var run = await reminders.SendOnceAsync(round, kind, cancellationToken);
            // Units skipped for want of an address are skipped at every look; only a pass that mailed someone or
            // failed to is worth an entry.
            if (run.Sent.Count > 0 || run.Skipped.Any(s => s.Reason != ReminderService.NoAddress))
            {
                await audit.WriteAsync(Actor, AuditActions.RemindersSent, round.Code, ReminderService.AuditDetail(kind, run), cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(0.05, options.Value.CheckMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The warehouse may be down for a while: the next look tries again.
                logger.LogError(ex, "Automatic reminders failed; trying again in {Minutes:0.#} min", every.TotalMinutes);
            }
            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
