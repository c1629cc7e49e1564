namespace ReportHub.Warehouse.Access;

/// <summary>The three roles a user or key has: a department uploads for its own unit, an analyst manages rounds and templates, an admin also manages accounts.</summary>
public static class Roles
{
    public const string Department = "department";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Department, Analyst, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role as people read it on the pages, in the audit log and in messages; an unknown code as it is.</summary>
    public static string Label(string? role) => role switch
    {
        Department => "Đơn vị báo cáo",
        Analyst => "Chuyên viên tổng hợp",
        Admin => "Quản trị viên",
        _ => role ?? "",
    };
}

public sealed record UserRow
{
    public required long Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public required string Role { get; init; }
    public string? UnitCode { get; init; }
    public required bool Disabled { get; init; }
    public required int FailedCount { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Changes when the account is disabled or its password reset; a session is valid only under the stamp it began with.</summary>
    public required string SecurityStamp { get; init; }
}

/// <summary>A person's session as checked on each request: its row joined with the account it belongs to.</summary>
public sealed record SessionRow
{
    public required long UserId { get; init; }
    public required string UserName { get; init; }
    public required string Stamp { get; init; }
    public required string UserStamp { get; init; }
    public required bool Disabled { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

public sealed record ApiKeyRow
{
    public required long Id { get; init; }
    public required string Prefix { get; init; }
    public required string KeyHash { get; init; }
    public required string Role { get; init; }
    public string? UnitCode { get; init; }
    public string? Label { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>One entry as <c>GET /api/audit</c> returns it: <c>{at, actor, action, target, detail}</c>.</summary>
public sealed record AuditEntry
{
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? Detail { get; init; }
}

/// <summary>Failed sign-ins in a row for one account name from one client address, and the lock they led to.</summary>
public sealed record SignInFailureRow
{
    public required string UserName { get; init; }
    public required string Address { get; init; }
    public required int FailedCount { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public required DateTimeOffset LastFailedAt { get; init; }
}
