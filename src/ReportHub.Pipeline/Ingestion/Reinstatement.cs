using System.Globalization;
using Microsoft.Extensions.Logging;
using ReportHub.Core.Issues;
using ReportHub.Warehouse.Reference;
using ReportHub.Warehouse.Reviews;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>The outcome of making an older version current again: the version as it is now, or why not (Vietnamese).</summary>
public sealed record ReinstateOutcome
{
    public ReinstateFailure? Failure { get; init; }
    public string? Problem { get; init; }
    public SubmissionRecord? Version { get; init; }

    /// <summary>The version that was current before and is superseded now; null when nothing changed or there was none.</summary>
    public long? Replaced { get; init; }

    /// <summary>False when the version was already the current one: nothing changed.</summary>
    public bool Changed { get; init; }
}

public enum ReinstateFailure
{
    NotFound,

    /// <summary>A department asked for another unit's submission.</summary>
    OtherUnit,

    /// <summary>A rejected file, or the record of a re-sent duplicate: there is no accepted version to make current.</summary>
    NotAccepted,
    RoundClosed,

    /// <summary>Another writer changed the unit's current version at the same moment.</summary>
    Concurrent,

    /// <summary>An analyst approved the unit's current report: its data is locked until set back to pending.</summary>
    Approved,
}

/// <summary>
/// Makes an older accepted version of a unit's report for a round the one that counts again (a later revision was a
/// mistake, and the unit sent the first file once more). Statuses change; the history of versions stays as received.
/// </summary>
public sealed class Reinstatement(SubmissionStore submissions, ReferenceStore reference, ReviewStore reviews, ILogger<Reinstatement> logger)
{
    /// <param name="requiredUnit">A department's unit: it may reinstate only its own submissions.</param>
    public async Task<ReinstateOutcome> ReinstateAsync(long id, string? requiredUnit, CancellationToken cancellationToken)
    {
        if (await submissions.GetAsync(id, cancellationToken) is not { } version)
        {
            return Fail(ReinstateFailure.NotFound, $"Không có báo cáo mã #{id}.");
        }
        if (requiredUnit is not null && !string.Equals(requiredUnit, version.UnitCode, StringComparison.Ordinal))
        {
            return Fail(ReinstateFailure.OtherUnit,
                $"Tài khoản này chỉ được xem và gửi báo cáo của đơn vị {requiredUnit}; không được khôi phục báo cáo của đơn vị khác.");
        }
        if (version.Outcome != Outcomes.Accepted || version.UnitCode is null || version.RoundCode is null)
        {
            var why = version.Outcome == Outcomes.Duplicate && version.DuplicateOf is { } original
                ? $"Báo cáo #{id} là bản gửi lại trùng với báo cáo #{original}; hãy khôi phục báo cáo #{original}."
                : $"Báo cáo #{id} đã bị từ chối nên không thể trở thành bản được tính. Hãy sửa tệp theo các lỗi đã nêu rồi gửi lại.";
            return Fail(ReinstateFailure.NotAccepted, why);
        }
        if (version.Status == VersionStatuses.Current)
        {
            return new ReinstateOutcome { Version = version };
        }
        if (await reference.RoundAsync(version.RoundCode, cancellationToken) is { Closed: true })
        {
            return Fail(ReinstateFailure.RoundClosed,
                $"Đợt báo cáo {version.RoundCode} đã đóng nên không đổi được bản báo cáo được tính. Hãy đề nghị chuyên viên Sở mở lại đợt, rồi khôi phục báo cáo #{id}.");
        }
        if (await reviews.ApprovedCurrentAsync(version.UnitCode, version.RoundCode, cancellationToken) is { } approved)
        {
            return Fail(ReinstateFailure.Approved,
                $"Báo cáo #{approved.Id} của đơn vị {version.UnitCode} cho đợt {version.RoundCode} đã được chuyên viên Sở duyệt nên số liệu đã được chốt; "
                + $"không khôi phục được báo cáo #{id}. Hãy chuyển báo cáo #{approved.Id} về trạng thái chờ duyệt trước.");
        }
        (bool Done, long? Replaced) result;
        try
        {
            result = await submissions.ReinstateAsync(version, cancellationToken);
        }
        catch (ConcurrentSubmissionException)
        {
            result = (false, null);
        }
        if (!result.Done)
        {
            return Fail(ReinstateFailure.Concurrent,
                $"Bản báo cáo được tính của đơn vị {version.UnitCode} trong đợt {version.RoundCode} vừa thay đổi. Hãy xem lại danh sách các lần gửi rồi thử lại.");
        }
        logger.LogInformation("Submission {Id} of {Unit} for {Round} reinstated; {Replaced} superseded", id, version.UnitCode, version.RoundCode, result.Replaced);
        return new ReinstateOutcome { Version = await submissions.GetAsync(id, cancellationToken), Replaced = result.Replaced, Changed = true };
    }

    private static ReinstateOutcome Fail(ReinstateFailure failure, string problem) => new() { Failure = failure, Problem = problem };

    /// <summary>The warning a duplicate answer carries when the bytes it matches are no longer the version that counts.</summary>
    internal static Issue NotCurrent(SubmissionRecord original, SubmissionRecord current) =>
        Issue.Warning(IssueCodes.DuplicateNotCurrent,
            $"Tệp này trùng với báo cáo #{original.Id} đã nhận lúc {Time(original.ReceivedAt)}, nhưng bản đang được tính cho đơn vị {original.UnitCode} "
            + $"trong đợt {original.RoundCode} là báo cáo #{current.Id} nhận lúc {Time(current.ReceivedAt)}; gửi lại tệp cũ không thay đổi bản được tính. "
            + $"Nếu muốn dùng lại báo cáo #{original.Id}, hãy khôi phục nó: POST /api/submissions/{original.Id}/reinstate "
            + $"(hoặc lệnh reporthub submissions reinstate {original.Id}), do chuyên viên Sở hoặc chính đơn vị thực hiện.")
        with { Location = IssueLocator.WholeFile };

    private static string Time(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
