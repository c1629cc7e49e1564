using System.Globalization;
using ReportHub.Core.Issues;

namespace ReportHub.Pipeline.Ingestion;

/// <summary>The Vietnamese issues the ingestion path itself raises (the readers and parser raise their own).</summary>
internal static class IngestMessages
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Issue TooLarge(string fileName, long size, long maxBytes) => Issue.Error(IssueCodes.FileTooLarge,
        $"Tệp “{fileName}” có dung lượng {Megabytes(size)} MB, vượt quá giới hạn {Megabytes(maxBytes)} MB nên không được xử lý "
        + "và nội dung tệp không được lưu lại (chỉ ghi nhận tên, dung lượng và mã SHA-256). "
        + "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp, lưu lại (Tệp › Lưu thành › .xlsx) rồi gửi lại.")
        with { Location = IssueLocator.WholeFile };

    public static Issue Timeout(string fileName, double seconds) => Issue.Error(IssueCodes.FileTimeout,
        $"Tệp “{fileName}” cần quá {seconds.ToString("0.###", Vietnamese)} giây để đọc và kiểm tra nên đã bị dừng. "
        + "Tệp đã được lưu lại và sẽ được xử lý lại. Nếu tệp có nhiều trang tính hoặc vùng dữ liệu thừa, hãy xóa chúng "
        + "trong Excel (chỉ giữ trang PHỤ LỤC), lưu lại rồi gửi lại.")
        with { Location = IssueLocator.WholeFile };

    public static Issue SaveFailed(string fileName, bool recorded) => Issue.Error(IssueCodes.WarehouseSaveFailed,
        $"Không lưu được số liệu của tệp “{fileName}” vào kho dữ liệu (dữ liệu trong tệp không phù hợp với kho, ví dụ ô có ký tự lạ hoặc nội dung quá dài). "
        + (recorded
            ? "Tệp đã được lưu lại và ghi nhận là bị từ chối; Sở Thông tin và Truyền thông sẽ kiểm tra và xử lý lại. "
            : "Tệp đã được chuyển vào thư mục cách ly để Sở Thông tin và Truyền thông kiểm tra. ")
        + "Hãy kiểm tra các ô có ký tự đặc biệt hoặc đoạn văn rất dài, lưu lại tệp trong Excel (Tệp › Lưu thành › .xlsx) rồi gửi lại.")
        with { Location = IssueLocator.WholeFile };

    /// <summary>A file filled on version <paramref name="filledOn"/>'s form that the round's own version cannot read.</summary>
    public static Issue VersionMismatch(Core.Domain.Round round, int filledOn) => Issue.Error(IssueCodes.TemplateVersionMismatch,
        $"Tệp được điền theo biểu mẫu phiên bản {filledOn} của mẫu “{round.Template}”, nhưng đợt báo cáo này ({round.Code}) dùng "
        + $"phiên bản {round.TemplateVersion}, nên tệp thiếu những gì phiên bản {round.TemplateVersion} yêu cầu (xem các lỗi bên dưới): "
        + $"hãy tải biểu mẫu mới của đợt {round.Code}, chép số liệu sang rồi gửi lại.");

    /// <summary>The unit's report for the round was approved: a new file would change data an analyst has signed off.</summary>
    public static Issue Approved(string unit, string round, long approvedId) => Issue.Error(IssueCodes.SubmissionApproved,
        $"Báo cáo của đơn vị {unit} cho đợt {round} (báo cáo #{approvedId}) đã được chuyên viên Sở duyệt nên số liệu đã được chốt; "
        + "tệp mới không được nhận. Nếu cần sửa số liệu, hãy đề nghị chuyên viên Sở chuyển báo cáo đã duyệt về trạng thái chờ duyệt rồi gửi lại.")
        with { Location = IssueLocator.WholeFile };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,##0.#", Vietnamese);
}
