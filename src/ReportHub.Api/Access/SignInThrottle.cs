using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using ReportHub.Pipeline.Access;

namespace ReportHub.Api.Access;

/// <summary>
/// Budgets for sign-in attempts (form posts, never page views): one per client address (<see
/// cref="AccessOptions.SignInsPerMinute"/>) and one per account name from everywhere together (<see
/// cref="AccessOptions.SignInsPerAccountPerMinute"/>). The name's budget counts whatever name is typed, existing or
/// not, so running out of it says nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _addresses;
    private readonly PartitionedRateLimiter<string> _names;

    public SignInThrottle(IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _addresses = Limiter(options.Value.SignInsPerMinute);
        _names = Limiter(options.Value.SignInsPerAccountPerMinute);
    }

    /// <summary>Null when the attempt may go on; otherwise how long to wait.</summary>
    public TimeSpan? Attempt(string address, string userName)
    {
        using var byAddress = _addresses.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return Wait(byAddress);
        }
        var name = userName.Trim();
        using var byName = _names.AttemptAcquire(name.Length > 64 ? name[..64] : name);
        return byName.IsAcquired ? null : Wait(byName);
    }

    private static TimeSpan Wait(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _addresses.Dispose();
        _names.Dispose();
    }
}
