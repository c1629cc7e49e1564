using ReportHub.Warehouse.Access;

namespace ReportHub.Pipeline.Access;

/// <summary>The names of audited actions, stable for scripts reading <c>GET /api/audit</c>.</summary>
public static class AuditActions
{
    public const string Upload = "submission.upload";

    /// <summary>A file taken by the CLI's <c>ingest</c> or by the worker (inbox, HTTP source).</summary>
    public const string Ingest = "submission.ingest";

    /// <summary>A stored file read again by <c>replay</c>.</summary>
    public const string Replay = "submission.replay";
    public const string RoundCreated = "round.create";
    public const string RoundEdited = "round.edit";
    public const string RoundClosed = "round.close";
    public const string RoundReopened = "round.reopen";
    public const string RoundUpgraded = "round.upgrade";
    public const string RoundUnitAdded = "round.add-unit";
    public const string SubmissionReinstated = "submission.reinstate";

    /// <summary>An analyst approved a report, returned it with a comment, or set it back to pending.</summary>
    public const string SubmissionReviewed = "submission.review";
    /// <summary>A report being filled in on its page was saved as the unit's draft for the round.</summary>
    public const string DraftSaved = "submission.draft-save";
    public const string TemplateAdded = "template.add";
    public const string UserCreated = "user.create";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string PasswordReset = "user.reset-password";

    /// <summary>A person changed her own password on the change-password page.</summary>
    public const string PasswordChanged = "user.change-password";
    public const string KeyCreated = "key.create";
    public const string KeyRevoked = "key.revoke";
    public const string SignIn = "session.sign-in";
    public const string SignInFailed = "session.sign-in-failed";
    public const string SignOut = "session.sign-out";

    /// <summary>A unit's contact address set, changed or cleared.</summary>
    public const string UnitContactChanged = "unit.contact";

    /// <summary>Reminder mails sent for a round, by hand or automatically.</summary>
    public const string RemindersSent = "round.remind";
}

/// <summary>The detail of entries several doors write, in the same words whichever door wrote them.</summary>
public static class AuditDetails
{
    public static string RoundCreated(Core.Domain.Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return $"{round.Title}; mẫu {round.Template}; hạn {round.Deadline:yyyy-MM-dd}; {round.ExpectedUnits.Count} đơn vị";
    }

    /// <summary>"vai trò Đơn vị báo cáo; đơn vị 51.SCT", for an account or a key.</summary>
    public static string Role(string? role, string? unit) =>
        $"vai trò {Roles.Label(role)}{(string.IsNullOrWhiteSpace(unit) ? "" : "; đơn vị " + unit)}";

    /// <summary>"covid-tech-2021 v2", the target of a registered template.</summary>
    public static string Template(string id, int version) => $"{id} v{version}";
}

/// <summary>Who acted, for the doors that have no signed-in person or key.</summary>
public static class AuditActors
{
    public const string CliPrefix = "cli:";

    /// <summary>Someone not signed in (a failed sign-in); the pages show "Người chưa đăng nhập".</summary>
    public const string Anonymous = "anonymous";
    public const string WorkerPrefix = "worker:";

    /// <summary>"cli:lan": the operating-system user who ran the command.</summary>
    public static string Cli => CliPrefix + Environment.UserName;

    /// <summary>"worker:host:pid:random": the worker's claim id, which also names its claims on files and sources.</summary>
    public static string Worker(string workerId) => WorkerPrefix + workerId;
}

/// <summary>Writes one audit entry per state-changing action.</summary>
public sealed class AuditLog(AuditStore store, TimeProvider clock)
{
    public Task WriteAsync(string actor, string action, string? target, string? detail, CancellationToken cancellationToken) =>
        store.WriteAsync(new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Action = action, Target = target, Detail = detail }, cancellationToken);

    /// <summary>
    /// A stored file, whatever its door: target <c>#id</c> (or the file name when nothing was recorded), detail
    /// "file: status; đơn vị U; đợt R", the same words for uploads, CLI ingests, worker ingests and replays.
    /// </summary>
    public Task WriteIngestAsync(string actor, string action, Ingestion.IngestResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(actor, action, result.SubmissionId is { } sid ? $"#{sid}" : result.File,
            $"{result.File}: {result.Status}; đơn vị {result.Unit}; đợt {result.Round}", cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(Math.Clamp(limit, 1, MaxPage), cancellationToken);

    /// <summary>The most entries one page holds, so no request reads the whole log at once.</summary>
    public const int MaxPage = 1000;

    /// <summary>One page of the entries matching the query, latest first, and how many match in all.</summary>
    public Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return store.SearchAsync(query with { Limit = Math.Clamp(query.Limit, 1, MaxPage), Offset = Math.Max(0, query.Offset) }, cancellationToken);
    }
}
