namespace ReportHub.Pipeline.Access;

/// <summary>Configuration section <c>Access</c>.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Failed sign-ins in a row for one account name from one client address, after which the name is locked for that address.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a name stays locked for an address; failures further apart than this are not counted together.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Requests per minute for one key or one account (ASP.NET Core's rate limiter; 429 with Retry-After).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-in attempts (form posts) per minute from one client address, whatever the user name; showing the page is not counted.</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per minute for one account name, from all addresses together.</summary>
    public int SignInsPerAccountPerMinute { get; set; } = 10;

    /// <summary>
    /// Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (the client's
    /// address for rate limits and lockouts, https for Secure cookies and HSTS). Empty: loopback only (a proxy on
    /// the same machine). Headers from any other address are ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/24) whose proxies are believed, as <see cref="KnownProxies"/>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Days a new key is valid; 0 for no expiry.</summary>
    public int KeyLifetimeDays { get; set; }

    /// <summary>In Development, the samples create the demo accounts the README lists.</summary>
    public bool DemoAccounts { get; set; }
}
