using System.Globalization;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Text;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Web;

/// <summary>How the pages write times, numbers and the system's English codes for Vietnamese readers.</summary>
public static partial class Display
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Every time is shown in Vietnam's time, whatever the server's zone.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(RollupService.ProvinceOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? value) => value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,##0", Vietnamese) : value.ToString("#,##0.##", Vietnamese);

    public static string Number(long value) => value.ToString("#,##0", Vietnamese);

    public static string Role(string? role) => Roles.Label(role);
    /// <summary>
    /// A percentage with one decimal, a decimal comma and the sign after a no-break space ("100,0 %", "99,3 %",
    /// "89,9 %"): every percentage on the pages goes through here, so they line up and read alike.
    /// </summary>
    public static string Percent(decimal value) => value.ToString("#,##0.0", Vietnamese) + PercentSign;

    /// <summary>A no-break space and the percent sign, so the sign never wraps onto a line of its own.</summary>
    public const string PercentSign = "\u00a0%";

    /// <summary>A figure as a percentage when its label says so (see <see cref="SplitPercent"/>), else as a number.</summary>
    public static string Figure(decimal value, bool percent) => percent ? Percent(value) : Number(value);


    /// <summary>A unit type in the one word the pages, the workbook and the CSV share.</summary>
    public static string UnitType(string? type) => Terms.UnitType(type);

    /// <summary>
    /// The pages' name for a unit that has not reported once the round's deadline has passed. The API keeps calling it
    /// <c>missing</c>; the pages tell the two apart because a report still awaited and one five years late are not alike.
    /// </summary>
    public const string Overdue = "overdue";

    /// <summary>A unit's place in a round: on time, late, missing, or missing past the deadline (<see cref="Overdue"/>).</summary>
    public static string UnitStatus(string? status) => status switch
    {
        UnitStatuses.OnTime => "Đúng hạn",
        UnitStatuses.Late => "Trễ hạn",
        UnitStatuses.Missing => "Chưa gửi",
        Overdue => "Quá hạn, chưa gửi",
        _ => status ?? "",
    };

    /// <summary>The status the pages show: a missing unit reads as overdue once the deadline has passed.</summary>
    public static string PageStatus(string status, bool pastDeadline) =>
        pastDeadline && status == UnitStatuses.Missing ? Overdue : status;

    /// <summary>The badge colour of a status.</summary>
    public static string StatusBadge(string? status) => status switch
    {
        UnitStatuses.OnTime => "badge-ok",
        UnitStatuses.Late => "badge-warn",
        Overdue => "badge-bad",
        _ => "badge-muted",
    };

    /// <summary>A version's place in a unit's history.</summary>
    public static string VersionStatus(string? status) => status switch
    {
        VersionStatuses.Current => "Đang dùng",
        VersionStatuses.Superseded => "Đã thay bằng bản sau",
        VersionStatuses.Rejected => "Bị từ chối",
        VersionStatuses.Duplicate => "Trùng bản đã gửi",
        _ => status ?? "",
    };

    /// <summary>What reading a unit's report again with a newer template version gave.</summary>
    public static string UpgradeStatus(string? status) => status switch
    {
        Pipeline.Rounds.UnitUpgrade.Unchanged => "Không đổi",
        Pipeline.Rounds.UnitUpgrade.Changed => "Thay đổi",
        Pipeline.Rounds.UnitUpgrade.Rejected => "Bị từ chối",
        _ => status ?? "",
    };

    /// <summary>What became of one upload.</summary>
    public static string Outcome(string? outcome) => outcome switch
    {
        Outcomes.Accepted => "Đã nhận",
        Outcomes.Rejected => "Không được chấp nhận",
        Outcomes.Duplicate => "Trùng với bản đã gửi",
        _ => outcome ?? "",
    };

    /// <summary>
    /// A figure's label without its trailing "(%)", and whether it had one: the page writes the sign once, after the
    /// value ("Tỷ lệ hồ sơ tiếp nhận trực tuyến: 45,2%"), not in the label as well.
    /// </summary>
    public static (string Label, bool Percent) SplitPercent(string label)
    {
        var trimmed = label.TrimEnd();
        return trimmed.EndsWith("(%)", StringComparison.Ordinal) ? (trimmed[..^3].TrimEnd(), true) : (label, false);
    }

    /// <summary>
    /// An audit action in Vietnamese. An action this list does not know yet (written by a newer release sharing the
    /// warehouse) is named by what it acts on, never by its English code.
    /// </summary>
    public static string AuditAction(string? action) => action switch
    {
        null or "" => "",
        AuditActions.Upload => "Gửi báo cáo",
        AuditActions.Ingest => "Nhận báo cáo",
        AuditActions.Replay => "Xử lý lại báo cáo",
        AuditActions.SubmissionReinstated => "Khôi phục báo cáo đã thay",
        AuditActions.SubmissionReviewed => "Xét duyệt báo cáo",
        AuditActions.DraftSaved => "Lưu bản nháp báo cáo",
        AuditActions.RoundCreated => "Mở đợt báo cáo",
        AuditActions.RoundEdited => "Sửa đợt báo cáo",
        AuditActions.RoundClosed => "Đóng đợt báo cáo",
        AuditActions.RoundReopened => "Mở lại đợt báo cáo",
        AuditActions.RoundUpgraded => "Nâng phiên bản biểu mẫu của đợt",
        AuditActions.RoundUnitAdded => "Bổ sung đơn vị vào đợt",
        AuditActions.TemplateAdded => "Đăng ký biểu mẫu",
        AuditActions.UserCreated => "Tạo tài khoản",
        AuditActions.UserDisabled => "Khóa tài khoản",
        AuditActions.UserEnabled => "Mở khóa tài khoản",
        AuditActions.PasswordReset => "Đặt lại mật khẩu",
        AuditActions.PasswordChanged => "Tự đổi mật khẩu",
        AuditActions.KeyCreated => "Tạo mã truy cập API",
        AuditActions.KeyRevoked => "Thu hồi mã truy cập API",
        AuditActions.SignIn => "Đăng nhập",
        AuditActions.SignInFailed => "Đăng nhập không thành công",
        AuditActions.SignOut => "Đăng xuất",
        AuditActions.UnitContactChanged => "Cập nhật địa chỉ thư của đơn vị",
        AuditActions.RemindersSent => "Gửi thư nhắc nộp báo cáo",
        _ => UnknownAction(action),
    };

    private static string UnknownAction(string action) => action[..Math.Max(0, action.IndexOf('.', StringComparison.Ordinal))] switch
    {
        "submission" => "Thao tác khác với báo cáo",
        "round" => "Thao tác khác với đợt báo cáo",
        "template" => "Thao tác khác với biểu mẫu",
        "user" => "Thao tác khác với tài khoản",
        "key" => "Thao tác khác với mã truy cập API",
        "session" => "Thao tác khác với phiên đăng nhập",
        "unit" => "Thao tác khác với đơn vị",
        _ => "Thao tác khác",
    };

    /// <summary>"user:lan" as "Tài khoản lan", "key:abcd" as "Mã truy cập API abcd", "cli:lan" as "Dòng lệnh (lan)".</summary>
    public static string Actor(string? actor) => actor switch
    {
        null => "",
        AuditActors.Anonymous => "Người chưa đăng nhập",
        _ when actor.StartsWith("user:", StringComparison.Ordinal) => "Tài khoản " + actor["user:".Length..],
        _ when actor.StartsWith("key:", StringComparison.Ordinal) => "Mã truy cập API " + actor["key:".Length..],
        _ when actor.StartsWith(AuditActors.CliPrefix, StringComparison.Ordinal) => $"Dòng lệnh ({actor[AuditActors.CliPrefix.Length..]})",
        Pipeline.Reminders.ReminderScheduler.Actor => "Tiến trình gửi thư nhắc tự động",
        _ when actor.StartsWith(AuditActors.WorkerPrefix, StringComparison.Ordinal) => "Tiến trình nhận tệp " + actor[AuditActors.WorkerPrefix.Length..],
        _ => actor,
    };

    /// <summary>
    /// An audit entry's detail as written; entries from before details were written in Vietnamese ("vai trò
    /// department", a failed sign-in's "Invalid") are put in words here.
    /// </summary>
    public static string AuditDetail(string? detail) => detail switch
    {
        null => "",
        "Invalid" => "sai tên đăng nhập hoặc mật khẩu",
        "Disabled" => "tài khoản đã bị khóa bởi quản trị viên",
        "LockedOut" => "tài khoản đang tạm khóa",
        _ when detail.StartsWith("vai trò ", StringComparison.Ordinal) => LegacyRole().Replace(detail, m => "vai trò " + Roles.Label(m.Groups[1].Value)),
        _ => detail,
    };

    [System.Text.RegularExpressions.GeneratedRegex("^vai trò (department|analyst|admin)\\b")]
    private static partial System.Text.RegularExpressions.Regex LegacyRole();

    /// <summary>A compact time for table cells: "28/10/2021 09:00", Vietnam's time.</summary>
    public static string ShortTime(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(RollupService.ProvinceOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// A unit's name without the province every unit of the round shares ("Sở Y tế tỉnh Quảng Ngãi" is "Sở Y tế"
    /// on the province's own dashboard); the province itself keeps its name.
    /// </summary>
    public static string LocalName(string name)
    {
        var at = name.IndexOf(" tỉnh ", StringComparison.Ordinal);
        return at > 0 ? name[..at] : name;
    }

    public static string Severity(string? severity) => severity == "error" ? "Lỗi" : "Lưu ý";
}
