namespace ReportHub.Pipeline.Reminders;

/// <summary>Bound from <c>Mail</c>: the SMTP server reminders are sent through. No host or sender: no mail.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>ReportHub &lt;baocao@skhcn.quangngai.gov.vn&gt;</c>.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// <c>Auto</c> (TLS on 465, STARTTLS when the server offers it elsewhere), <c>None</c>, <c>SslOnConnect</c>,
    /// <c>StartTls</c> (refuse a server without it) or <c>StartTlsWhenAvailable</c>.
    /// </summary>
    public string Security { get; set; } = "Auto";

    /// <summary>Each attempt (connect, send) is given up after this many seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of one message after the first attempt, on connection errors and 4xx answers.</summary>
    public int MaxRetries { get; set; } = 3;

    public int BaseDelayMs { get; set; } = 1_000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Bound from <c>Site</c>: how people reach this ReportHub from outside, for links in mail.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address, e.g. <c>https://baocao.quangngai.gov.vn</c>; links in reminders start with it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The base address without a trailing slash, or null when it is missing or not an absolute http(s) URL.</summary>
    public string? Root => Uri.TryCreate(BaseUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri.ToString().TrimEnd('/')
        : null;
}

/// <summary>Bound from <c>Reminders</c>: the automatic reminders.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Send reminders by themselves: <see cref="DaysBefore"/> days before the deadline and on the day after.</summary>
    public bool Automatic { get; set; }

    public int DaysBefore { get; set; } = 3;

    /// <summary>Minutes between two looks at the rounds.</summary>
    public double CheckMinutes { get; set; } = 60;
}
