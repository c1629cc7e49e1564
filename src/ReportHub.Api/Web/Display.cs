using System.Globalization;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Access;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Api.Web;

/// <summary>How the pages write times, numbers and the system's English codes for Vietnamese readers.</summary>
public static class Display
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Every time is shown in Vietnam's time, whatever the server's zone.</summary>
    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(RollupService.ProvinceOffset).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? value) => value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Number(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("#,##0", Vietnamese) : value.ToString("#,##0.##", Vietnamese);

    public static string Number(long value) => value.ToString("#,##0", Vietnamese);

    public static string Role(string? role) => role switch
    {
        Roles.Department => "Đơn vị báo cáo",
        Roles.Analyst => "Chuyên viên tổng hợp",
        Roles.Admin => "Quản trị viên",
        _ => role ?? "",
    };

    public static string UnitType(string? type) => type switch
    {
        UnitTypes.Province => "Tỉnh",
        UnitTypes.Department => "Sở, ngành",
        UnitTypes.District => "Huyện, thị xã, thành phố",
        UnitTypes.Commune => "Xã, phường, thị trấn",
        UnitTypes.Other => "Khác",
        _ => type ?? "",
    };

    /// <summary>A unit's place in a round: on time, late or missing.</summary>
    public static string UnitStatus(string? status) => status switch
    {
        UnitStatuses.OnTime => "Đúng hạn",
        UnitStatuses.Late => "Trễ hạn",
        UnitStatuses.Missing => "Chưa gửi",
        _ => status ?? "",
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

    public static string Severity(string? severity) => severity == "error" ? "Lỗi" : "Lưu ý";
}
