using System.Globalization;
using MimeKit;
using ReportHub.Core.Domain;

namespace ReportHub.Pipeline.Reminders;

/// <summary>What a reminder is sent for; the automatic kinds are each sent to a unit once.</summary>
public static class ReminderKinds
{
    /// <summary>Asked for from the dashboard or the API: sent again each time.</summary>
    public const string Manual = "manual";

    /// <summary>Some days before the deadline.</summary>
    public const string Before = "before";

    /// <summary>The day after the deadline.</summary>
    public const string After = "after";
}

/// <summary>The reminder a unit receives, in Vietnamese: round, request document, deadline and the unit's page.</summary>
public static class ReminderMail
{
    public const string DateFormat = "dd/MM/yyyy";

    public static MimeMessage Compose(Round round, Unit unit, string kind, string siteRoot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(unit);
        var requester = RequestingBody.Of(round).Name;
        var deadline = Day(round.Deadline);
        var message = new MimeMessage();
        message.To.Add(new MailboxAddress(unit.Name, unit.Email ?? throw new ArgumentException("The unit has no address.", nameof(unit))));
        message.Subject = $"Đôn đốc báo cáo: {round.Title} (hạn nộp {deadline})";
        var request = string.IsNullOrWhiteSpace(round.RequestDocument)
            ? ""
            : $" theo Công văn số {round.RequestDocument.Trim()}{(round.RequestDate is { } d ? " ngày " + Day(d) : "")} của {requester}";
        var state = today > round.Deadline
            ? $"Đến nay đã quá hạn nộp ({deadline}) nhưng ReportHub chưa nhận được báo cáo của đơn vị."
            : today == round.Deadline
                ? $"Hôm nay ({deadline}) là hạn cuối nộp báo cáo; ReportHub chưa nhận được báo cáo của đơn vị."
                : $"Hạn nộp là ngày {deadline} (còn {round.Deadline.DayNumber - today.DayNumber} ngày); ReportHub chưa nhận được báo cáo của đơn vị.";
        var link = $"{siteRoot}/unit?unit={Uri.EscapeDataString(unit.Code)}";
        var text = string.Join("\n",
            $"Kính gửi: {unit.Name}",
            "",
            $"Đợt báo cáo: {round.Title} (mã đợt {round.Code}).",
            $"Văn bản yêu cầu: {(string.IsNullOrWhiteSpace(round.RequestDocument) ? "không ghi" : "Công văn số " + round.RequestDocument.Trim() + (round.RequestDate is { } rd ? " ngày " + Day(rd) : ""))}.",
            $"Hạn nộp: {deadline}.",
            "",
            state,
            $"Đề nghị đơn vị gửi báo cáo{request} tại trang của đơn vị:",
            link,
            "",
            "Thư này do ReportHub gửi tự động" + (kind == ReminderKinds.Manual ? " theo yêu cầu của chuyên viên tổng hợp" : "") + "; xin không trả lời thư này.",
            "");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static string Day(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);
}
