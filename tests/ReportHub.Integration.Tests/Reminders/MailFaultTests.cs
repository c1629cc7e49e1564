using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using ReportHub.Pipeline.Reminders;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>Which SMTP faults are retried: connection trouble and 4xx answers are; a 5xx answer and a refused login are not.</summary>
public sealed class MailFaultTests
{
    public static TheoryData<Exception, bool> Faults => new()
    {
        { new SocketException((int)SocketError.ConnectionRefused), true },
        { new IOException("reset"), true },
        { new TimeoutException(), true },
        { new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "try later"), true },
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"), false },
        { new AuthenticationException("bad password"), false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void TransientFaultsAreRetriedAndPermanentOnesAreNot(Exception fault, bool transient) =>
        Assert.Equal(transient, MailSender.IsTransient(fault));

    [Fact]
    public void EachFaultIsExplainedInVietnamese()
    {
        var options = new MailOptions { Host = "mail.example.vn", Port = 587 };

        Assert.Contains("máy chủ thư từ chối thư (mã 550", MailSender.Describe(
            new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"), options), StringComparison.Ordinal);
        Assert.Contains("từ chối tên đăng nhập hoặc mật khẩu", MailSender.Describe(new AuthenticationException("x"), options), StringComparison.Ordinal);
        Assert.Contains("không trả lời", MailSender.Describe(new TimeoutException(), options), StringComparison.Ordinal);
    }
}
