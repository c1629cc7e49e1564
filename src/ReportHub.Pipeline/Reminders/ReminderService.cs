using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Reminders;

namespace ReportHub.Pipeline.Reminders;

/// <summary>The units a round still waits for (no accepted report yet), as the rollups see them.</summary>
public interface IReminderRecipients
{
    Task<IReadOnlyList<Unit>> AwaitedAsync(Round round, CancellationToken cancellationToken);
}

public sealed record SkippedUnit
{
    public required string Unit { get; init; }
    public required string Reason { get; init; }
}

/// <summary>The answer of one pass: units mailed, and units not mailed with why.</summary>
public sealed record ReminderRun
{
    public required IReadOnlyList<string> Sent { get; init; }
    public required IReadOnlyList<SkippedUnit> Skipped { get; init; }
}

/// <summary>
/// Sends a round's reminders: one mail per awaited unit with an address. A unit that cannot be mailed is reported in
/// <see cref="ReminderRun.Skipped"/> with its reason, never as an error of the whole pass.
/// </summary>
public sealed class ReminderService(IReminderRecipients recipients, MailSender sender, ReminderStore store,
    IOptions<MailOptions> mail, IOptions<SiteOptions> site, TimeProvider clock, ILogger<ReminderService> logger)
{
    public static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    public const string NoAddress = "Đơn vị chưa có địa chỉ thư điện tử.";

    /// <summary>Why no reminder can be sent at all, in Vietnamese; null when mail and the public address are configured.</summary>
    public string? ConfigurationProblem =>
        !sender.IsConfigured
            ? "Chưa cấu hình máy chủ thư nên không gửi được thư nhắc. Quản trị viên cần đặt Mail__Host, Mail__Port và Mail__From (xem tài liệu cấu hình)."
            : site.Value.Root is null
                ? "Chưa cấu hình địa chỉ công khai của ReportHub (Site__BaseUrl) nên thư nhắc không có đường dẫn đến trang của đơn vị. Quản trị viên cần đặt Site__BaseUrl."
                : null;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ProvinceOffset).DateTime);

    /// <summary>Mails every awaited unit now, whatever was sent before.</summary>
    public Task<ReminderRun> SendNowAsync(Round round, CancellationToken cancellationToken) =>
        SendAsync(round, ReminderKinds.Manual, cancellationToken);

    /// <summary>
    /// Mails each awaited unit the <paramref name="kind"/> reminder unless some process already did: the key
    /// (round, unit, kind) is claimed before sending and given back when the mail fails.
    /// </summary>
    public Task<ReminderRun> SendOnceAsync(Round round, string kind, CancellationToken cancellationToken) =>
        SendAsync(round, kind, cancellationToken);

    private async Task<ReminderRun> SendAsync(Round round, string kind, CancellationToken cancellationToken)
    {
        if (ConfigurationProblem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        var root = site.Value.Root!;
        var today = Today;
        var sent = new List<string>();
        var skipped = new List<SkippedUnit>();
        foreach (var unit in await recipients.AwaitedAsync(round, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(unit.Email))
            {
                skipped.Add(new SkippedUnit { Unit = unit.Code, Reason = NoAddress });
                continue;
            }
            var once = kind != ReminderKinds.Manual;
            if (once && !await store.TryClaimAsync(round.Code, unit.Code, kind, clock.GetUtcNow(), cancellationToken))
            {
                continue;
            }
            try
            {
                await sender.SendAsync(ReminderMail.Compose(round, unit, kind, root, today), cancellationToken);
                sent.Add(unit.Code);
                logger.LogInformation("Reminder {Kind} of round {Round} sent to {Unit} <{Address}>", kind, round.Code, unit.Code, unit.Email);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Reminder {Kind} of round {Round} to {Unit} <{Address}> failed", kind, round.Code, unit.Code, unit.Email);
                skipped.Add(new SkippedUnit { Unit = unit.Code, Reason = $"Không gửi được thư đến {unit.Email}: {MailSender.Describe(ex, mail.Value)}." });
                if (once)
                {
                    await store.ReleaseAsync(round.Code, unit.Code, kind, CancellationToken.None);
                }
            }
        }
        return new ReminderRun { Sent = sent, Skipped = skipped };
    }

    /// <summary>"3 thư: 51.SCT, 51.STP; bỏ qua 1: 51.SYT (Đơn vị chưa có địa chỉ thư điện tử.)", for the audit log.</summary>
    public static string AuditDetail(string kind, ReminderRun run) =>
        (kind == ReminderKinds.Manual ? "" : kind == ReminderKinds.Before ? "tự động trước hạn; " : "tự động sau hạn; ")
        + $"gửi {run.Sent.Count} thư" + (run.Sent.Count > 0 ? ": " + string.Join(", ", run.Sent) : "")
        + (run.Skipped.Count > 0 ? $"; bỏ qua {run.Skipped.Count}: " + string.Join("; ", run.Skipped.Select(s => $"{s.Unit} ({s.Reason})")) : "");
}
