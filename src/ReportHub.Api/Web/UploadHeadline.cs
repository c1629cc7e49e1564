using ReportHub.Pipeline.Ingestion;

namespace ReportHub.Api.Web;

/// <summary>What the answer to an upload says first, fitted to what happened to the file.</summary>
public sealed record UploadHeadline
{
    /// <summary>"refused" (the file as a whole), "empty", "cells" (errors marked on cells), "warnings", "accepted" or "duplicate".</summary>
    public required string Kind { get; init; }

    /// <summary>The CSS class of the notice: notice-ok, notice-warn or notice-error.</summary>
    public required string Tone { get; init; }
    public required string Title { get; init; }
    public required string Detail { get; init; }

    public static UploadHeadline Empty(string fileName) => new()
    {
        Kind = "empty",
        Tone = "notice-error",
        Title = "Tệp rỗng (0 byte)",
        Detail = $"Tệp “{fileName}” không có nội dung nào nên không gửi được. Hãy mở báo cáo trong Excel hoặc Word, lưu lại "
            + "(Ctrl+S), kiểm tra đã chọn đúng tệp có số liệu rồi gửi lại.",
    };

    public static UploadHeadline Refused(string reason) => new()
    {
        Kind = "refused",
        Tone = "notice-error",
        Title = "Tệp không được nhận",
        Detail = reason,
    };

    /// <summary>
    /// Errors about the file as a whole, even when they point at a cell (a closed round at the round's label, an
    /// unexpected unit at its code): correcting a cell does not help, so the headline gives no cell advice.
    /// </summary>
    private static bool IsAboutTheFile(string code) =>
        code.StartsWith("file.", StringComparison.Ordinal) || code.StartsWith("round.", StringComparison.Ordinal)
        || code.StartsWith("unit.", StringComparison.Ordinal) || code.StartsWith("letter.", StringComparison.Ordinal)
        || code.StartsWith("template.", StringComparison.Ordinal) || code.StartsWith("csv.", StringComparison.Ordinal)
        || code.StartsWith("submission.", StringComparison.Ordinal)
        || code is "sheet.no-appendix" or "docx.unread-content" or "warehouse.save-failed";

    /// <param name="grid">The grid with the issues placed on cells; the cell advice is given only when a cell is marked.</param>
    public static UploadHeadline Of(IngestResult result, ReportGridView? grid, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Issues.Count(i => i.Severity == "error");
        var warnings = result.Issues.Count - errors;
        if (result.Rejected)
        {
            var marked = grid?.Issues.Count(i => i.IsError && i.PlacedAt is not null && !IsAboutTheFile(i.Issue.Code)) ?? 0;
            if (marked == 0 || result.Issues.Where(i => i.Severity == "error").All(i => IsAboutTheFile(i.Code)))
            {
                // Nothing to mark: the file as a whole was refused (not a spreadsheet, a closed round, a unit not
                // expected…). Its first error says why, in words the clerk can act on.
                var first = result.Issues.FirstOrDefault(i => i.Severity == "error")?.Message ?? "Tệp không đọc được.";
                return Refused(first) with
                {
                    Detail = errors > 1 ? first + $" (Còn {errors - 1} lỗi khác liệt kê bên dưới.)" : first,
                };
            }
            return new UploadHeadline
            {
                Kind = "cells",
                Tone = "notice-error",
                Title = dryRun ? $"Kiểm tra thử: có {errors} lỗi" : $"Báo cáo chưa được nhận: có {errors} lỗi",
                Detail = $"Hãy sửa các ô được đánh dấu trong bảng ({marked} ô; bấm vào từng lời nhắn để tới ô của nó)"
                    + (errors > marked ? " và các lỗi còn lại trong danh sách" : "")
                    + " trong Excel hoặc Word, lưu lại rồi gửi lại.",
            };
        }
        if (result.Status == "duplicate")
        {
            return new UploadHeadline
            {
                Kind = "duplicate",
                Tone = "notice-warn",
                Title = "Tệp này đã được gửi trước đây",
                Detail = "Tệp giống hệt một báo cáo đã gửi; không có gì thay đổi.",
            };
        }
        var sent = dryRun ? "Kiểm tra thử xong: không có lỗi. Báo cáo chưa được gửi" : "Đã nhận báo cáo";
        return warnings == 0
            ? new UploadHeadline
            {
                Kind = "accepted",
                Tone = "notice-ok",
                Title = sent,
                Detail = dryRun ? "Bấm “Gửi báo cáo này” bên dưới để gửi đúng tệp vừa kiểm tra." : "Số liệu đọc được ở bên dưới; hãy đối chiếu với tệp của bạn.",
            }
            : new UploadHeadline
            {
                Kind = "warnings",
                Tone = "notice-warn",
                Title = sent + $", có {warnings} lưu ý",
                Detail = "Các lưu ý không ngăn việc nhận báo cáo, nhưng hãy đọc để chắc số liệu đúng."
                    + (dryRun ? " Bấm “Gửi báo cáo này” bên dưới để gửi đúng tệp vừa kiểm tra." : ""),
            };
    }
}
