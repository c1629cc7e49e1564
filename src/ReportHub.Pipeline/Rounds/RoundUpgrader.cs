using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Domain;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Ingestion;
using ReportHub.Pipeline.Sources;
using ReportHub.Warehouse.Reference;
using ReportHub.Core.Measures;
using ReportHub.Warehouse.Submissions;
using ReportHub.Warehouse.Templates;

namespace ReportHub.Pipeline.Rounds;

/// <summary>What reading one unit's current report with the new version gave.</summary>
public sealed record UnitUpgrade
{
    public const string Unchanged = "unchanged";
    public const string Changed = "changed";
    public const string Rejected = "rejected";

    public required string Unit { get; init; }

    /// <summary>The unit's current submission, whose stored file was read again.</summary>
    public required long SubmissionId { get; init; }

    /// <summary>The record of reading it with the new version; null for a trial, which stores nothing.</summary>
    public long? NewSubmissionId { get; init; }

    /// <summary>Measures and indicators as the round's old version gave them.</summary>
    public required IReadOnlyDictionary<string, decimal> Before { get; init; }

    /// <summary>Measures and indicators as the new version gives them; empty when it refuses the file.</summary>
    public required IReadOnlyDictionary<string, decimal> After { get; init; }

    /// <summary><see cref="Unchanged"/>, <see cref="Changed"/> or <see cref="Rejected"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the new version refuses the file; null unless rejected.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IssueDto>? Issues { get; init; }
}

/// <summary>The answer of moving a round to a newer template version: unit by unit, what changed.</summary>
public sealed record RoundUpgrade
{
    public required string Round { get; init; }
    public required int From { get; init; }
    public required int To { get; init; }

    /// <summary>False for an upgrade refused because some units' reports would be rejected: nothing was changed.</summary>
    public required bool Applied { get; init; }

    public required IReadOnlyList<UnitUpgrade> Units { get; init; }
}

public enum UpgradeRefusal
{
    None,
    NotFound,
    Closed,
    UnknownVersion,
    NotNewer,

    /// <summary>Some units' stored reports would be rejected by the new version and force was not given.</summary>
    WouldReject,

    /// <summary>The round was closed or moved by someone else while the upgrade ran.</summary>
    Moved,
}

public sealed record RoundUpgradeOutcome
{
    public UpgradeRefusal Refusal { get; init; }

    /// <summary>The Vietnamese explanation of a refusal.</summary>
    public string? Message { get; init; }

    /// <summary>The unit-by-unit answer: applied, or (for <see cref="UpgradeRefusal.WouldReject"/>) what it would be.</summary>
    public RoundUpgrade? Upgrade { get; init; }

    /// <summary>The round as saved after an applied upgrade.</summary>
    public Round? Round { get; init; }
}

/// <summary>
/// Moves an open round to a newer version of its template. Each unit's current report is read again from its stored
/// bytes by the replay path (<see cref="ReplaySource"/>), first as a trial that stores nothing. A report the new version
/// refuses would drop out of the totals, so the upgrade is refused, naming those units, unless forced; forced, those
/// reports leave the round's figures (the units show as not reported until they send the new form) and the answer and
/// the audit log name them. Otherwise every report is read again with the new version and the round's figures, blanks
/// and exports all come from it.
/// </summary>
public sealed class RoundUpgrader(
    ReferenceStore reference,
    SubmissionStore submissions,
    TemplateStore templates,
    ReplaySource replay,
    AuditLog audit,
    ILogger<RoundUpgrader> logger)
{
    public async Task<RoundUpgradeOutcome> UpgradeAsync(string code, int version, bool force, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (await reference.RoundAsync(code, cancellationToken) is not { } round)
        {
            return new RoundUpgradeOutcome { Refusal = UpgradeRefusal.NotFound, Message = $"Không có đợt báo cáo mã “{code}”." };
        }
        if (round.Closed)
        {
            return Refused(UpgradeRefusal.Closed, $"Đợt báo cáo “{round.Code}” đã đóng nên không nâng phiên bản biểu mẫu được. "
                + $"Hãy mở lại đợt (rounds reopen {round.Code}) rồi nâng phiên bản, sau đó đóng lại nếu cần.");
        }
        var versions = await templates.VersionsAsync(round.Template, cancellationToken);
        var newer = versions.Where(v => v > round.TemplateVersion).ToList();
        if (!versions.Contains(version))
        {
            return Refused(UpgradeRefusal.UnknownVersion, $"Mẫu “{round.Template}” không có phiên bản {version}. "
                + $"Các phiên bản đã đăng ký: {List(versions)}. Hãy đăng ký phiên bản mới trước (trang Mẫu báo cáo, hoặc lệnh reporthub templates add) hoặc chọn một phiên bản trong danh sách.");
        }
        if (version <= round.TemplateVersion)
        {
            return Refused(UpgradeRefusal.NotNewer, $"Đợt báo cáo “{round.Code}” đang dùng phiên bản {round.TemplateVersion} của mẫu “{round.Template}”; "
                + $"chỉ nâng được lên phiên bản mới hơn (lớn hơn {round.TemplateVersion}). Các phiên bản mới hơn: {List(newer)}.");
        }

        var currents = await submissions.CurrentOfRoundAsync(round.Code, cancellationToken);
        var before = new Dictionary<long, IReadOnlyDictionary<string, decimal>>();
        var oldDefinition = await templates.DefinitionAsync(round.Template, round.TemplateVersion, cancellationToken);
        foreach (var (id, _) in currents)
        {
            var stored = await submissions.GetAsync(id, cancellationToken);
            before[id] = FigureView.Of(oldDefinition, stored?.Figures ?? MeasureFigures.Empty).Figures;
        }

        var trial = await ReadAgainAsync(currents, before, version, cancellationToken);
        var refused = trial.Where(u => u.Status == UnitUpgrade.Rejected).ToList();
        if (refused.Count > 0 && !force)
        {
            return new RoundUpgradeOutcome
            {
                Refusal = UpgradeRefusal.WouldReject,
                Message = $"Nếu nâng đợt “{round.Code}” lên phiên bản {version}, báo cáo đã nhận của {refused.Count} đơn vị "
                    + $"({string.Join(", ", refused.Select(u => u.Unit))}) sẽ bị từ chối và không còn được tính vào số liệu tổng hợp, nên chưa thay đổi gì. "
                    + $"Hãy đề nghị các đơn vị này gửi lại theo biểu mẫu phiên bản {version} trước, hoặc nâng phiên bản với force "
                    + "(các đơn vị này sẽ thành chưa gửi báo cáo cho đến khi gửi lại).",
                Upgrade = Answer(round, version, applied: false, trial),
            };
        }

        if (!await reference.SetTemplateVersionAsync(round.Code, round.TemplateVersion, version, cancellationToken))
        {
            return Refused(UpgradeRefusal.Moved, $"Đợt báo cáo “{round.Code}” vừa được người khác đóng hoặc chuyển phiên bản trong lúc nâng; chưa thay đổi gì. "
                + "Hãy tải lại thông tin đợt rồi thử lại.");
        }
        // Now that the round is on the new version, replay reads with it and records each outcome beside the old one.
        var applied = await ReadAgainAsync(currents, before, trialVersion: null, cancellationToken);
        foreach (var unit in applied.Where(u => u.Status == UnitUpgrade.Rejected && u.NewSubmissionId is not null))
        {
            await submissions.WithdrawAsync(unit.SubmissionId, unit.NewSubmissionId!.Value, cancellationToken);
        }
        var answer = Answer(round, version, applied: true, applied);
        var withdrawn = applied.Where(u => u.Status == UnitUpgrade.Rejected).Select(u => u.Unit).ToList();
        await audit.WriteAsync(actor, AuditActions.RoundUpgraded, round.Code,
            $"mẫu {round.Template}: phiên bản {round.TemplateVersion} → {version}; {applied.Count} đơn vị: "
            + $"{applied.Count(u => u.Status == UnitUpgrade.Changed)} thay đổi, {applied.Count(u => u.Status == UnitUpgrade.Unchanged)} không đổi, "
            + $"{withdrawn.Count} bị từ chối" + (withdrawn.Count > 0 ? $" (buộc nâng; phải gửi lại: {string.Join(", ", withdrawn)})" : ""),
            cancellationToken);
        logger.LogInformation("Round {Round} moved from {Template} v{From} to v{To}: {Units} reports read again, {Withdrawn} withdrawn",
            round.Code, round.Template, round.TemplateVersion, version, applied.Count, withdrawn.Count);
        return new RoundUpgradeOutcome { Upgrade = answer, Round = await reference.RoundAsync(round.Code, cancellationToken) };
    }

    private async Task<List<UnitUpgrade>> ReadAgainAsync(IReadOnlyList<(long Id, string Unit)> currents,
        IReadOnlyDictionary<long, IReadOnlyDictionary<string, decimal>> before, int? trialVersion, CancellationToken cancellationToken)
    {
        var results = new Dictionary<long, IngestResult>();
        await replay.ReplayAsync([.. currents.Select(c => c.Id)], trialVersion, replayed =>
        {
            results[replayed.Id] = replayed.Result;
            return Task.CompletedTask;
        }, cancellationToken);
        return [.. currents.Select(c => Compare(c.Id, c.Unit, before[c.Id], results.GetValueOrDefault(c.Id)))];
    }

    private static UnitUpgrade Compare(long id, string unit, IReadOnlyDictionary<string, decimal> before, IngestResult? result)
    {
        if (result is null || result.Status != Outcomes.Accepted)
        {
            return new UnitUpgrade
            {
                Unit = unit,
                SubmissionId = id,
                NewSubmissionId = result?.SubmissionId,
                Before = before,
                After = new Dictionary<string, decimal>(),
                Status = UnitUpgrade.Rejected,
                // Accepted files always keep their bytes; a missing result would be a warehouse edited by hand.
                Issues = result?.Issues.Where(i => i.Severity == "error").ToList()
                    ?? [new IssueDto { Severity = "error", Code = Core.Issues.IssueCodes.FileNotKept, Message = "Không còn tệp gốc của báo cáo này để đọc lại; đơn vị cần gửi lại báo cáo." }],
            };
        }
        var same = before.Count == result.Figures.Count && before.All(f => result.Figures.TryGetValue(f.Key, out var v) && v == f.Value);
        return new UnitUpgrade
        {
            Unit = unit,
            SubmissionId = id,
            NewSubmissionId = result.SubmissionId,
            Before = before,
            After = result.Figures,
            Status = same ? UnitUpgrade.Unchanged : UnitUpgrade.Changed,
        };
    }

    private static RoundUpgrade Answer(Round round, int version, bool applied, IReadOnlyList<UnitUpgrade> units) => new()
    {
        Round = round.Code,
        From = round.TemplateVersion,
        To = version,
        Applied = applied,
        Units = units,
    };

    private static RoundUpgradeOutcome Refused(UpgradeRefusal refusal, string message) => new() { Refusal = refusal, Message = message };

    private static string List(IReadOnlyList<int> versions) => versions.Count == 0 ? "chưa có" : string.Join(", ", versions);
}
