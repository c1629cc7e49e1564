using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ReportHub.Api.Caching;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Access;

/// <summary>
/// Every cookie request is checked against its session row and account (<see cref="SessionService"/>), at the cost of
/// one lookup per warehouse change rather than one per request, as <see cref="ValidatedKeys"/> does for keys: a row
/// read at a warehouse version is reused only while that version is current (<see cref="WarehouseChanges"/>).
/// Signing out, disabling an account or resetting its password is a commit, so the very next request (after a change
/// made on the pages, through the API or by the CLI in another process) reads the row again and is refused.
/// On PostgreSQL and SQL Server the row is read on every request.
/// </summary>
public sealed class ValidatedSessions(SessionService sessions, WarehouseChanges changes)
{
    // Far above the number of people signed in at once; reaching it only costs one lookup per session again.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The cookie handler's hook: a principal whose session ended is signed out and treated as anonymous.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var validated = http.RequestServices.GetRequiredService<ValidatedSessions>();
        if (context.Principal is { } principal && await validated.IsValidAsync(http, principal, http.RequestAborted))
        {
            return;
        }
        context.RejectPrincipal();
        await http.SignOutAsync(AccessClaims.CookieScheme);
    }

    public async Task<bool> IsValidAsync(HttpContext context, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        // A cookie from before sessions were kept names none: it is refused and its holder signs in again.
        if (principal.FindFirstValue(AccessClaims.SessionClaim) is not { Length: > 0 } id
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userName)
        {
            return false;
        }
        // Read before the lookup: a commit landing in between makes the entry stale at once, never the other way round.
        if (await changes.VersionAsync(context, cancellationToken) is not { } version)
        {
            return await sessions.FindValidAsync(id, userName, cancellationToken) is not null;
        }
        var key = SessionService.Hash(id);
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            return sessions.IsValid(entry.Row, userName);
        }
        if (await sessions.FindValidAsync(id, userName, cancellationToken) is not { } row)
        {
            _entries.TryRemove(key, out _);
            return false;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(row, version);
        return true;
    }

    private sealed record Entry(SessionRow Row, long Version);
}
