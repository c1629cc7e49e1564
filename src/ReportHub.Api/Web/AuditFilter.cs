using System.Globalization;
using ReportHub.Aggregate.Rollups;
using ReportHub.Warehouse.Access;

namespace ReportHub.Api.Web;

/// <summary>
/// The audit log's filters as people and scripts type them (dates as Vietnamese calendar days, <c>yyyy-MM-dd</c>),
/// turned into the warehouse's query; shared by <c>/admin/audit</c> and <c>GET /api/audit</c>.
/// </summary>
public sealed record AuditFilter
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Text { get; init; }

    public bool IsEmpty => new[] { Actor, Action, From, To, Text }.All(string.IsNullOrWhiteSpace);

    /// <summary>The query for one page, or the Vietnamese reason a date cannot be read.</summary>
    public (AuditQuery? Query, string? Problem) ToQuery(int offset, int limit)
    {
        if (!TryDay(From, out var from))
        {
            return (null, $"Ngày bắt đầu “{From}” không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2025-10-01.");
        }
        if (!TryDay(To, out var to))
        {
            return (null, $"Ngày kết thúc “{To}” không hợp lệ; hãy nhập theo dạng năm-tháng-ngày, ví dụ 2025-10-31.");
        }
        if (from is { } f && to is { } t && t < f)
        {
            return (null, $"Ngày kết thúc ({Display.Date(t)}) trước ngày bắt đầu ({Display.Date(f)}); hãy đổi lại khoảng ngày.");
        }
        return (new AuditQuery
        {
            Actor = Blank(Actor),
            Action = Blank(Action),
            // Whole Vietnamese days: from its midnight (UTC+7) to the midnight after the last day.
            From = from is { } day ? Midnight(day) : null,
            Before = to is { } last && last < DateOnly.MaxValue ? Midnight(last.AddDays(1)) : null,
            Text = Blank(Text),
            Offset = offset,
            Limit = limit,
        }, null);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), RollupService.ProvinceOffset);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }
}
