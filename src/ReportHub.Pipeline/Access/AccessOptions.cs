namespace ReportHub.Pipeline.Access;

/// <summary>Configuration section <c>Access</c>.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Failed sign-ins in a row after which an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Requests per minute for one key or one account (ASP.NET Core's rate limiter; 429 with Retry-After).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Sign-in attempts per minute from one client address, whatever the user name.</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>Days a new key is valid; 0 for no expiry.</summary>
    public int KeyLifetimeDays { get; set; }

    /// <summary>In Development, the samples create the demo accounts the README lists.</summary>
    public bool DemoAccounts { get; set; }
}
