using ReportHub.Warehouse.Access;

namespace ReportHub.Pipeline.Access;

/// <summary>The names of audited actions, stable for scripts reading <c>GET /api/audit</c>.</summary>
public static class AuditActions
{
    public const string Upload = "submission.upload";
    public const string RoundCreated = "round.create";
    public const string RoundEdited = "round.edit";
    public const string RoundClosed = "round.close";
    public const string RoundReopened = "round.reopen";
    public const string RoundUnitAdded = "round.add-unit";
    public const string SubmissionReinstated = "submission.reinstate";
    public const string TemplateAdded = "template.add";
    public const string UserCreated = "user.create";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string PasswordReset = "user.reset-password";
    public const string KeyCreated = "key.create";
    public const string KeyRevoked = "key.revoke";
    public const string SignIn = "session.sign-in";
    public const string SignInFailed = "session.sign-in-failed";
}

/// <summary>Writes one audit entry per state-changing action.</summary>
public sealed class AuditLog(AuditStore store, TimeProvider clock)
{
    public Task WriteAsync(string actor, string action, string? target, string? detail, CancellationToken cancellationToken) =>
        store.WriteAsync(new AuditEntry { At = clock.GetUtcNow(), Actor = actor, Action = action, Target = target, Detail = detail }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int limit, CancellationToken cancellationToken) =>
        store.RecentAsync(Math.Clamp(limit, 1, 1000), cancellationToken);
}
