using System.Security.Cryptography;
using System.Text;
using ReportHub.Warehouse.Access;

namespace ReportHub.Pipeline.Access;

/// <summary>
/// Server-side sessions for people signed in with a cookie. The cookie carries a random session id; the warehouse
/// keeps its SHA-256 with the account's security stamp at sign-in. A session is valid while its row exists, its stamp
/// is still the account's and the account is enabled: signing out deletes the row (a copy of the cookie dies with
/// it), disabling the account or resetting its password changes the stamp and deletes all of its rows.
/// </summary>
public sealed class SessionService(SessionStore sessions, TimeProvider clock)
{
    /// <summary>
    /// The longest a session lasts, however often it is used: the cookie slides its 8 hours on every request, so
    /// without a bound a tab left open would stay signed in for ever.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>Opens a session for the account and answers its id (for the cookie only; the warehouse keeps its hash).</summary>
    public async Task<string> StartAsync(UserRow user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await sessions.InsertAsync(Hash(id), user.Id, user.SecurityStamp, now, now - MaxAge, cancellationToken);
        return id;
    }

    /// <summary>The session's row when it is still valid for <paramref name="userName"/>; otherwise null.</summary>
    public async Task<SessionRow?> FindValidAsync(string id, string userName, CancellationToken cancellationToken)
    {
        var row = await sessions.FindAsync(Hash(id), cancellationToken);
        return row is not null && IsValid(row, userName) ? row : null;
    }

    /// <summary>A row read earlier is still good on its own terms (age); whether it still exists is the caller's to know.</summary>
    public bool IsValid(SessionRow row, string userName)
    {
        ArgumentNullException.ThrowIfNull(row);
        return !row.Disabled
            && string.Equals(row.Stamp, row.UserStamp, StringComparison.Ordinal)
            && string.Equals(row.UserName, userName, StringComparison.Ordinal)
            && row.CreatedAt + MaxAge > clock.GetUtcNow();
    }

    /// <summary>Ends one session (sign-out); the account's other sessions go on.</summary>
    public Task<bool> EndAsync(string id, CancellationToken cancellationToken) => sessions.DeleteAsync(Hash(id), cancellationToken);

    /// <summary>The key a session is found by, in the warehouse and in memory: never the id itself.</summary>
    public static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
