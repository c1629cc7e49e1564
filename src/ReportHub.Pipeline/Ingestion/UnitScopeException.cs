using ReportHub.Core.Issues;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>
/// A department sent a report that is not shown to be its own: the upload is refused (HTTP 403) and nothing is
/// stored, because a department may never write another unit's figures, not even as a rejected version or a
/// duplicate. The check runs before anything is written: before the duplicate check records a copy, and before a
/// read file is saved.
/// </summary>
/// <remarks>
/// A report whose header names a unit the registry does not know, or names none at all, is refused the same way
/// and not stored either. Filing it under the sender would let the hint speak for a letter that does not say whose
/// it is; filing it with no unit would let a later <c>replay</c>, once the registry knows that name, make it some
/// other unit's accepted report on the sender's word. A file that cannot be read as a report at all (too large,
/// damaged, not a report) names nothing either way: it stays the sender's own failed attempt, recorded as rejected
/// under the sender so that its history shows what to fix.
/// </remarks>
public sealed class UnitScopeException(string allowedUnit, string message) : Exception(message)
{
    public string AllowedUnit { get; } = allowedUnit;

    /// <param name="allowedUnit">The sender's unit; null for senders not bound to one (CLI, analysts, workers).</param>
    /// <param name="resolvedUnit">The unit the file was resolved to, from its header or else the hint.</param>
    /// <param name="read">The file was read as a report (its header could be looked at).</param>
    /// <param name="namedByFile">The header itself names <paramref name="resolvedUnit"/>.</param>
    public static void ThrowIfOutside(string? allowedUnit, string? resolvedUnit, bool read, bool namedByFile, IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (allowedUnit is null)
        {
            return;
        }
        if (issues.FirstOrDefault(i => i.Code == IssueCodes.UnitMismatch) is { } mismatch)
        {
            throw new UnitScopeException(allowedUnit, mismatch.Message);
        }
        ThrowIfOtherUnit(allowedUnit, resolvedUnit);
        if (!read)
        {
            return;
        }
        if (issues.FirstOrDefault(i => i.Code == IssueCodes.UnitUnknown) is { } unknown)
        {
            throw new UnitScopeException(allowedUnit, unknown.Message);
        }
        if (!namedByFile)
        {
            throw new UnitScopeException(allowedUnit,
                $"Tệp không ghi là báo cáo của đơn vị nào: không có ô “Mã đơn vị:”, dòng tên cơ quan ban hành ở góc trái phía trên, " +
                $"hay số hiệu văn bản của đơn vị. Tài khoản này chỉ gửi được báo cáo ghi rõ là của đơn vị {allowedUnit}. " +
                "Hãy dùng biểu mẫu tải từ ReportHub (đã có sẵn mã đơn vị), hoặc ghi tên cơ quan ban hành ở góc trái phía trên " +
                "(ví dụ “SỞ CÔNG THƯƠNG”, “UBND HUYỆN BÌNH SƠN”) rồi gửi lại.");
        }
    }

    /// <summary>Refuses a file that is, or was stored as, another unit's report.</summary>
    public static void ThrowIfOtherUnit(string? allowedUnit, string? unit)
    {
        if (allowedUnit is not null && unit is not null && unit != allowedUnit)
        {
            throw new UnitScopeException(allowedUnit,
                $"Tệp là báo cáo của đơn vị {unit}, nhưng tài khoản này chỉ được gửi báo cáo của đơn vị {allowedUnit}.");
        }
    }
}
