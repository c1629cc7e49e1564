using System.Globalization;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Reviews;

/// <summary>One notice on a person's pages, in Vietnamese, with where to act on it.</summary>
public sealed record PageNotice
{
    /// <summary>What the notice is about; a dismissal is kept by this key, and a new event of the same kind has a new key.</summary>
    public required string Key { get; init; }

    /// <summary>"new-round", "deadline", "returned" or "awaiting-review".</summary>
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? Link { get; init; }
    public string? LinkText { get; init; }
}

/// <summary>
/// The notices a signed-in person sees, computed from the warehouse on each page: for a unit, a round opened for it
/// lately that it has not reported, a deadline within <see cref="DeadlineDays"/> days it has not met, and its current
/// reports an analyst returned; for analysts, the reports of open rounds waiting for review. A dismissed notice stays
/// hidden for that person.
/// </summary>
public sealed class NoticeService(ReferenceStore reference, SubmissionStore submissions, ReviewStore reviews, TimeProvider clock)
{
    public const int DeadlineDays = 3;

    /// <summary>How long a round counts as new for its units.</summary>
    public const int NewRoundDays = 14;

    private static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    /// <param name="actor">Whose dismissals apply (<c>user:NAME</c>).</param>
    /// <param name="unit">The person's unit; null for analysts and administrators without one.</param>
    public async Task<IReadOnlyList<PageNotice>> ForAsync(string actor, string? unit, bool analyst, CancellationToken cancellationToken)
    {
        var notices = new List<PageNotice>();
        if (unit is not null)
        {
            await AddUnitNoticesAsync(notices, unit, cancellationToken);
        }
        if (analyst)
        {
            foreach (var waiting in await reviews.AwaitingAsync(cancellationToken))
            {
                notices.Add(new PageNotice
                {
                    Key = $"awaiting-review:{waiting.Round}:{waiting.LastSubmission}",
                    Kind = "awaiting-review",
                    Text = $"Đợt {waiting.Round}: {waiting.Count} báo cáo đang chờ xét duyệt.",
                    Link = $"/rounds/{Uri.EscapeDataString(waiting.Round)}?review={ReviewStates.Pending}#units-heading",
                    LinkText = "Xem và xét duyệt",
                });
            }
        }
        if (notices.Count == 0)
        {
            return notices;
        }
        var dismissed = await reviews.DismissedAsync(actor, cancellationToken);
        return [.. notices.Where(n => !dismissed.Contains(n.Key))];
    }

    private async Task AddUnitNoticesAsync(List<PageNotice> notices, string unit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ProvinceOffset).DateTime);
        foreach (var round in (await reference.RoundsAsync(cancellationToken))
                     .Where(r => !r.Closed && r.ExpectedUnits.Contains(unit, StringComparer.Ordinal))
                     .OrderBy(r => r.Deadline))
        {
            var isNew = round.CreatedAt is { } created && now - created <= TimeSpan.FromDays(NewRoundDays);
            var daysLeft = round.Deadline.DayNumber - today.DayNumber;
            var near = daysLeft is >= 0 and <= DeadlineDays;
            if ((!isNew && !near) || await submissions.CurrentAsync(unit, round.Code, cancellationToken) is not null)
            {
                continue;
            }
            var deadline = round.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            if (near)
            {
                notices.Add(new PageNotice
                {
                    Key = $"deadline:{round.Code}",
                    Kind = "deadline",
                    Text = (daysLeft == 0 ? $"Hôm nay ({deadline}) là hạn nộp đợt {round.Code}" : $"Còn {daysLeft} ngày đến hạn nộp đợt {round.Code} ({deadline})")
                        + $": {round.Title}. Đơn vị chưa gửi báo cáo.",
                    Link = "/unit#upload-heading",
                    LinkText = "Gửi báo cáo",
                });
            }
            else
            {
                notices.Add(new PageNotice
                {
                    Key = $"new-round:{round.Code}",
                    Kind = "new-round",
                    Text = $"Đợt báo cáo mới cho đơn vị: {round.Code} — {round.Title}, hạn nộp {deadline}.",
                    Link = "/unit#rounds-heading",
                    LinkText = "Tải biểu mẫu",
                });
            }
        }
        foreach (var returned in await reviews.ReturnedAsync(unit, cancellationToken))
        {
            notices.Add(new PageNotice
            {
                Key = $"returned:{returned.ReviewId}",
                Kind = "returned",
                Text = $"Báo cáo #{returned.SubmissionId} (đợt {returned.Round}) bị trả lại: “{returned.Comment}”. Hãy sửa rồi gửi lại.",
                Link = "/unit#returned-heading",
                LinkText = "Xem nhận xét",
            });
        }
    }
}
