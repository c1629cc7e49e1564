using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace ReportHub.Pipeline.Reminders;

/// <summary>
/// Sends one message over SMTP with MailKit. Connection errors, timeouts and 4xx answers are transient and retried
/// with exponential backoff and jitter, as the HTTP sources are; a 5xx answer or a refused login is not.
/// </summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    private ResiliencePipeline? _pipeline;

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new InvalidOperationException("Mail is not configured (Mail:Host, Mail:From).");
        }
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(o.From!));
        }
        _pipeline ??= Build(o);
        await _pipeline.ExecuteAsync(async ct =>
        {
            using var client = new SmtpClient { Timeout = Math.Max(1, o.TimeoutSeconds) * 1000 };
            await client.ConnectAsync(o.Host!, o.Port, Security(o.Security), ct);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }, cancellationToken);
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        AuthenticationException => false,
        SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException => true,
        OperationCanceledException => false,
        _ => false,
    };

    /// <summary>Why a message did not go, in Vietnamese, for the <c>skipped</c> list and the page.</summary>
    public static string Describe(Exception exception, MailOptions options) => exception switch
    {
        SocketException or IOException or ServiceNotConnectedException =>
            $"không kết nối được máy chủ thư {options.Host}:{options.Port} ({exception.Message})",
        TimeoutException => $"máy chủ thư {options.Host}:{options.Port} không trả lời",
        AuthenticationException => "máy chủ thư từ chối tên đăng nhập hoặc mật khẩu (Mail__UserName, Mail__Password)",
        SmtpCommandException command => $"máy chủ thư từ chối thư (mã {(int)command.StatusCode}: {command.Message})",
        _ => $"lỗi khi gửi thư ({exception.GetType().Name}: {exception.Message})",
    };

    private static SecureSocketOptions Security(string? value) =>
        Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;

    private ResiliencePipeline Build(MailOptions o)
    {
        var builder = new ResiliencePipelineBuilder();
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = o.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, o.BaseDelayMs)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("Mail to {Host}:{Port}: {Failure}; retry {Attempt}/{Max} in {Delay:0.0}s", o.Host, o.Port,
                        args.Outcome.Exception?.Message, args.AttemptNumber + 1, o.MaxRetries, args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }
        return builder.Build();
    }
}
