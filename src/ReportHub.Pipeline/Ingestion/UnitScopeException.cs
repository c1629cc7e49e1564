using ReportHub.Core.Issues;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>
/// A department sent a report that is not its own: the upload is refused (HTTP 403) and nothing is stored, because a
/// department may never write another unit's figures, not even as a rejected version.
/// </summary>
public sealed class UnitScopeException(string allowedUnit, string message) : Exception(message)
{
    public string AllowedUnit { get; } = allowedUnit;

    public static void ThrowIfOutside(string? allowedUnit, string? resolvedUnit, IReadOnlyList<Issue> issues)
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
        if (resolvedUnit is not null && resolvedUnit != allowedUnit)
        {
            throw new UnitScopeException(allowedUnit,
                $"Tệp là báo cáo của đơn vị {resolvedUnit}, nhưng tài khoản này chỉ được gửi báo cáo của đơn vị {allowedUnit}.");
        }
    }
}
