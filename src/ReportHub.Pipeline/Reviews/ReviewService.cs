using Microsoft.Extensions.Logging;
using ReportHub.Core.Text;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Reviews;

public enum ReviewFailure
{
    NotFound,

    /// <summary>The state is not one of the three, or a return has no comment, or the comment is too long.</summary>
    Invalid,

    /// <summary>The submission is not its unit's current version (rejected, a duplicate, or superseded).</summary>
    NotCurrent,
}

/// <summary>The outcome of setting a review: the submission and its review as they are now, or why not (Vietnamese).</summary>
public sealed record ReviewOutcome
{
    public ReviewFailure? Failure { get; init; }
    public string? Problem { get; init; }
    public SubmissionRecord? Submission { get; init; }
    public SubmissionReview? Review { get; init; }
}

/// <summary>
/// An analyst's review of a unit's current report: approved (its data locked for the round), returned with a comment
/// for the unit, or set back to pending. Only the current version is reviewed: an older version no longer counts, and
/// approving it would lock data that is not in the totals. Every review is audited.
/// </summary>
public sealed class ReviewService(SubmissionStore submissions, ReviewStore reviews, AuditLog audit, TimeProvider clock, ILogger<ReviewService> logger)
{
    /// <summary>The longest comment kept, in characters: a paragraph or two for the unit, not a letter.</summary>
    public const int MaxComment = 2000;

    public async Task<ReviewOutcome> SetAsync(long id, string? state, string? comment, string actor, CancellationToken cancellationToken)
    {
        var cleaned = VietnameseText.Safe(comment).Trim();
        if (state is null || !ReviewStates.All.Contains(state, StringComparer.Ordinal))
        {
            return Fail(ReviewFailure.Invalid,
                $"Trạng thái xét duyệt “{VietnameseText.Safe(state)}” không hợp lệ. Hãy dùng approved (duyệt), returned (trả lại, kèm nhận xét) hoặc pending (chờ duyệt).");
        }
        // A comment of only spaces or invisible characters says nothing to the unit.
        if (!cleaned.Any(char.IsLetterOrDigit))
        {
            cleaned = "";
        }
        if (state == ReviewStates.Returned && cleaned.Length == 0)
        {
            return Fail(ReviewFailure.Invalid, "Khi trả lại báo cáo, hãy ghi nhận xét để đơn vị biết cần sửa gì.");
        }
        if (cleaned.Length > MaxComment)
        {
            return Fail(ReviewFailure.Invalid, $"Nhận xét dài {cleaned.Length} ký tự, quá giới hạn {MaxComment} ký tự. Hãy rút gọn rồi gửi lại.");
        }
        if (await submissions.GetAsync(id, cancellationToken) is not { } submission)
        {
            return Fail(ReviewFailure.NotFound, $"Không có báo cáo mã #{id}.");
        }
        if (submission.Status != VersionStatuses.Current)
        {
            return Fail(ReviewFailure.NotCurrent, await NotCurrentAsync(submission, cancellationToken));
        }
        var at = clock.GetUtcNow();
        if (!await reviews.AddAsync(id, state, cleaned.Length == 0 ? null : cleaned, actor, at, cancellationToken))
        {
            // Superseded by an upload between our read and the write.
            return Fail(ReviewFailure.NotCurrent, await NotCurrentAsync(await submissions.GetAsync(id, cancellationToken) ?? submission, cancellationToken));
        }
        await audit.WriteAsync(actor, AuditActions.SubmissionReviewed, $"#{id}",
            $"đơn vị {submission.UnitCode}; đợt {submission.RoundCode}; {Label(state)}{(cleaned.Length == 0 ? "" : "; nhận xét: " + cleaned)}", cancellationToken);
        logger.LogInformation("Submission {Id} of {Unit} for {Round} reviewed: {State} by {Actor}", id, submission.UnitCode, submission.RoundCode, state, actor);
        return new ReviewOutcome { Submission = submission, Review = await reviews.OfAsync(id, cancellationToken) };
    }

    /// <summary>The state in Vietnamese, as pages and the audit log say it.</summary>
    public static string Label(string? state) => state switch
    {
        ReviewStates.Approved => "Đã duyệt",
        ReviewStates.Returned => "Trả lại",
        _ => "Chờ duyệt",
    };

    private async Task<string> NotCurrentAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        if (submission.Outcome == Outcomes.Rejected)
        {
            return $"Báo cáo #{submission.Id} đã bị từ chối khi nhận nên không có số liệu để xét duyệt.";
        }
        if (submission.Outcome == Outcomes.Duplicate)
        {
            return $"Báo cáo #{submission.Id} là bản gửi lại trùng với báo cáo #{submission.DuplicateOf}; hãy xét duyệt bản đang được tính của đơn vị.";
        }
        var current = submission.UnitCode is { } unit && submission.RoundCode is { } round
            ? await submissions.CurrentAsync(unit, round, cancellationToken)
            : null;
        return $"Báo cáo #{submission.Id} không còn là bản được tính của đơn vị {submission.UnitCode} trong đợt {submission.RoundCode}"
            + (current is null ? "." : $": bản đang được tính là báo cáo #{current.Id}. Chỉ xét duyệt được bản đang được tính; hãy xét duyệt báo cáo #{current.Id}.");
    }

    private static ReviewOutcome Fail(ReviewFailure failure, string problem) => new() { Failure = failure, Problem = problem };
}
