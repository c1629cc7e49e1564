using System.Security.Claims;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Access;

/// <summary>The claims a signed-in person or a key carries, and the questions every endpoint asks of them.</summary>
public static class AccessClaims
{
    public const string UnitClaim = "reporthub:unit";
    public const string DisplayNameClaim = "reporthub:display-name";

    /// <summary>The id of a person's server-side session (<see cref="Pipeline.Access.SessionService"/>); only in cookies.</summary>
    public const string SessionClaim = "reporthub:session";
    public const string CookieScheme = "Cookies";
    public const string KeyScheme = "ApiKey";
    public const string Scheme = "ReportHub";

    public static ClaimsPrincipal ForUser(UserRow user, string sessionId, string scheme = CookieScheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "user:" + user.UserName),
            new(ClaimTypes.NameIdentifier, user.UserName),
            new(DisplayNameClaim, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(SessionClaim, sessionId),
        };
        if (user.UnitCode is { } unit)
        {
            claims.Add(new Claim(UnitClaim, unit));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForKey(ApiKeyRow key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, "key:" + key.Prefix),
            new(ClaimTypes.NameIdentifier, key.Prefix),
            new(DisplayNameClaim, key.Label ?? "Mã truy cập API " + key.Prefix),
            new(ClaimTypes.Role, key.Role),
        };
        if (key.UnitCode is { } unit)
        {
            claims.Add(new Claim(UnitClaim, unit));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, KeyScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>"user:lan" or "key:abcd234567": who did it, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? Pipeline.Access.AuditActors.Anonymous;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The unit a department account or key is bound to; null for analysts and admins.</summary>
    public static string? BoundUnit(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Department) ? user.FindFirstValue(UnitClaim) ?? "" : null;

    public static bool IsDepartment(this ClaimsPrincipal user) => user.IsInRole(Roles.Department);

    public static bool IsAnalyst(this ClaimsPrincipal user) => user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>Analysts and admins see every unit; a department only its own.</summary>
    public static bool MaySee(this ClaimsPrincipal user, string? unitCode) =>
        user.IsAnalyst() || (user.IsDepartment() && unitCode is not null && unitCode == user.BoundUnit());
}
