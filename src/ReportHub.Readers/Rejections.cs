using System.Globalization;
using ReportHub.Core.Issues;

namespace ReportHub.Readers;

/// <summary>The rejections readers raise, with the Vietnamese text a submitter sees.</summary>
internal static class Rejections
{
    public static FileRejectedException Empty(string fileName) => new(
        IssueCodes.FileEmpty,
        $"Tệp “{fileName}” không có nội dung. Hãy mở tệp trong Excel, kiểm tra đã có số liệu, lưu lại rồi gửi lại.");

    public static FileRejectedException TooLarge(string fileName, long maxBytes) => new(
        IssueCodes.FileTooLarge,
        $"Tệp “{fileName}” vượt quá dung lượng cho phép ({FormatMegabytes(maxBytes)} MB). "
        + "Hãy xóa các trang tính, hình ảnh không cần thiết hoặc tách thành nhiều tệp rồi gửi lại.");

    public static FileRejectedException NotSpreadsheet(string fileName, string? hint = null) => new(
        IssueCodes.FileNotSpreadsheet,
        $"Tệp “{fileName}” không phải bảng tính Excel (.xlsx, .xls) hoặc tệp CSV. "
        + (hint ?? "Hãy mở báo cáo bằng Excel, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx) rồi gửi lại."));

    public static FileRejectedException Encrypted(string fileName) => new(
        IssueCodes.FileEncrypted,
        $"Tệp “{fileName}” được bảo vệ bằng mật khẩu hoặc đã mã hóa. "
        + "Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại.");

    public static FileRejectedException Corrupt(string fileName, string? detail = null) => new(
        IssueCodes.FileCorrupt,
        $"Tệp “{fileName}” bị hỏng hoặc không đọc được{(detail is null ? "" : " (" + detail + ")")}. "
        + "Hãy mở tệp bằng Excel, lưu lại thành .xlsx (Tệp › Lưu thành) rồi gửi lại.");

    public static FileRejectedException ZipBomb(string fileName) => new(
        IssueCodes.FileZipBomb,
        $"Tệp “{fileName}” khi giải nén lớn bất thường nên hệ thống từ chối đọc. "
        + "Hãy mở tệp bằng Excel, xóa các vùng dữ liệu thừa, lưu lại rồi gửi lại.");

    public static FileRejectedException UnsafeXml(string fileName) => new(
        IssueCodes.FileUnsafeXml,
        $"Tệp “{fileName}” chứa khai báo XML (DTD) không an toàn nên hệ thống từ chối đọc. "
        + "Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại.");

    public static FileRejectedException TooManyRows(string fileName, string sheetName, int maxRows) => new(
        IssueCodes.SheetTooManyRows,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxRows.ToString("N0", Vietnamese)} dòng. "
        + "Hãy xóa các dòng trống hoặc thừa ở cuối trang tính (kể cả dòng chỉ có định dạng) rồi gửi lại.");

    public static FileRejectedException TooManyColumns(string fileName, string sheetName, int maxColumns) => new(
        IssueCodes.FileCorrupt,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxColumns.ToString("N0", Vietnamese)} cột. "
        + "Hãy xóa các cột thừa ở bên phải bảng số liệu rồi gửi lại.");

    public static FileRejectedException TooManyCells(string fileName, string sheetName, int maxCells) => new(
        IssueCodes.SheetTooManyCells,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxCells.ToString("N0", Vietnamese)} ô nên hệ thống từ chối đọc. "
        + "Hãy chép riêng bảng phụ lục sang một sổ làm việc mới (Trang đầu › Dán › Dán giá trị), xóa các vùng thừa, lưu lại rồi gửi lại.");

    public static FileRejectedException TooManyMerges(string fileName, string sheetName, int maxMerges) => new(
        IssueCodes.SheetTooManyMerges,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxMerges.ToString("N0", Vietnamese)} vùng ô được gộp. "
        + "Hãy chọn toàn bộ trang tính, bấm Trang đầu › Gộp và Căn giữa › Bỏ gộp ô, chỉ gộp lại các ô tiêu đề cần thiết, lưu lại rồi gửi lại.");

    public static FileRejectedException CellTooLong(string fileName, string sheetName, string? cell, int maxCharacters) => new(
        IssueCodes.CellTooLong,
        $"{(cell is null ? "Một ô" : "Ô " + cell)} trên trang tính “{sheetName}” của tệp “{fileName}” dài quá "
        + $"{maxCharacters.ToString("N0", Vietnamese)} ký tự (giới hạn của Excel). "
        + "Hãy rút gọn nội dung ô đó hoặc chia sang nhiều ô, lưu lại bằng Excel rồi gửi lại.");

    public static FileRejectedException SharedTextTooLong(string fileName, int maxCharacters) => new(
        IssueCodes.CellTooLong,
        $"Tệp “{fileName}” có một chuỗi văn bản dài quá {maxCharacters.ToString("N0", Vietnamese)} ký tự (giới hạn của Excel), "
        + "nên không phải do Excel lưu. Hãy mở tệp bằng Excel, rút gọn ô quá dài, lưu lại thành .xlsx rồi gửi lại.");

    public static FileRejectedException DuplicatePart(string fileName, string partName) => new(
        IssueCodes.FileCorrupt,
        $"Tệp “{fileName}” bị hỏng: phần “{partName}” xuất hiện hai lần trong gói nén nên không biết bản nào là thật. "
        + "Hãy mở tệp bằng Excel, lưu lại thành .xlsx (Tệp › Lưu thành) rồi gửi lại.");

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string FormatMegabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", Vietnamese);
}
