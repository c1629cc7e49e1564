using System.Globalization;
using ReportHub.Core.Issues;

namespace ReportHub.Readers.Common;

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
        $"Tệp “{fileName}” không phải bảng tính Excel (.xlsx, .xls), tệp CSV hay văn bản Word (.docx). "
        + (hint ?? "Hãy mở báo cáo bằng Excel (Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx)) "
            + "hoặc bằng Word (Tệp › Lưu thành › Tài liệu Word (*.docx)) rồi gửi lại."));

    /// <summary>
    /// A file we recognise but do not read: <paramref name="what"/> names it ("tệp PDF"), <paramref name="fix"/> says
    /// what to send instead. The code stays file.not-spreadsheet, which scripts already match for PDFs and scans.
    /// </summary>
    public static FileRejectedException Unsupported(string fileName, string what, string fix) => new(
        IssueCodes.FileNotSpreadsheet,
        $"Tệp “{fileName}” là {what}, không phải bảng tính Excel (.xlsx, .xls), tệp CSV hay văn bản Word (.docx) "
        + $"mà hệ thống đọc được. {fix}");

    public static FileRejectedException WordBinary(string fileName) => Unsupported(fileName,
        "tệp Word 97–2003 (.doc)",
        "Hãy mở tệp bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) rồi gửi lại tệp .docx.");

    public static FileRejectedException OpenDocumentText(string fileName) => Unsupported(fileName,
        "văn bản OpenDocument (.odt) của LibreOffice/OpenOffice",
        "Hãy mở tệp bằng LibreOffice Writer hoặc Word, chọn Tệp › Lưu thành, chọn kiểu Tài liệu Word (*.docx) rồi gửi lại.");

    public static FileRejectedException OpenDocumentSpreadsheet(string fileName) => Unsupported(fileName,
        "bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice",
        "Hãy mở tệp bằng LibreOffice Calc hoặc Excel, chọn Tệp › Lưu thành, chọn kiểu Sổ làm việc Excel (*.xlsx) rồi gửi lại.");

    public static FileRejectedException Pdf(string fileName) => Unsupported(fileName,
        "tệp PDF",
        "Hệ thống không đọc được số liệu trong bản PDF. Hãy gửi tệp gốc của báo cáo (văn bản Word .docx hoặc "
        + "bảng tính Excel .xlsx) thay cho bản PDF.");

    public static FileRejectedException Image(string fileName, string format) => Unsupported(fileName,
        $"ảnh chụp/ảnh quét ({format})",
        "Hệ thống không đọc được số liệu trong ảnh. Hãy gửi tệp gốc của báo cáo (văn bản Word .docx hoặc "
        + "bảng tính Excel .xlsx) thay cho ảnh chụp hay bản quét.");

    public static FileRejectedException Rtf(string fileName) => Unsupported(fileName,
        "văn bản RTF (.rtf)",
        "Hãy mở tệp bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) rồi gửi lại.");

    public static FileRejectedException Presentation(string fileName, string what) => Unsupported(fileName,
        what,
        "Hãy chép bảng số liệu của phụ lục sang Word hoặc Excel, lưu thành tệp .docx hoặc .xlsx rồi gửi lại.");

    public static FileRejectedException Encrypted(string fileName) => new(
        IssueCodes.FileEncrypted,
        $"Tệp “{fileName}” được bảo vệ bằng mật khẩu hoặc đã mã hóa. "
        + "Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại.");

    public static FileRejectedException Corrupt(string fileName, string? detail = null, OfficeApp app = OfficeApp.Excel) => new(
        IssueCodes.FileCorrupt,
        $"Tệp “{fileName}” bị hỏng hoặc không đọc được{(detail is null ? "" : " (" + detail + ")")}. "
        + (app == OfficeApp.Word
            ? "Hãy mở tệp bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) rồi gửi lại."
            : "Hãy mở tệp bằng Excel, lưu lại thành .xlsx (Tệp › Lưu thành) rồi gửi lại."));

    public static FileRejectedException ZipBomb(string fileName, OfficeApp app = OfficeApp.Excel) => new(
        IssueCodes.FileZipBomb,
        $"Tệp “{fileName}” khi giải nén lớn bất thường nên hệ thống từ chối đọc. "
        + (app == OfficeApp.Word
            ? "Hãy mở tệp bằng Word, xóa hình ảnh và nội dung thừa, lưu lại rồi gửi lại."
            : "Hãy mở tệp bằng Excel, xóa các vùng dữ liệu thừa, lưu lại rồi gửi lại."));

    public static FileRejectedException UnsafeXml(string fileName, OfficeApp app = OfficeApp.Excel) => new(
        IssueCodes.FileUnsafeXml,
        $"Tệp “{fileName}” chứa khai báo XML (DTD) không an toàn nên hệ thống từ chối đọc. "
        + (app == OfficeApp.Word
            ? "Hãy mở tệp bằng Word, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) rồi gửi lại."
            : "Hãy mở tệp bằng Excel, lưu lại thành .xlsx rồi gửi lại."));

    public static FileRejectedException TooManyRows(string fileName, string sheetName, int maxRows) => new(
        IssueCodes.SheetTooManyRows,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxRows.ToString("N0", Vietnamese)} dòng. "
        + "Hãy xóa các dòng trống hoặc thừa ở cuối trang tính (kể cả dòng chỉ có định dạng) rồi gửi lại.");

    public static FileRejectedException DocumentTooLong(string fileName, int maxRows) => new(
        IssueCodes.SheetTooManyRows,
        $"Tệp “{fileName}” có quá {maxRows.ToString("N0", Vietnamese)} đoạn văn và dòng bảng. "
        + "Hãy xóa các dòng bảng và đoạn văn trống thừa, hoặc chỉ gửi công văn kèm phụ lục báo cáo, rồi gửi lại.");

    /// <summary>A table in a text box (drawn over the page, outside the flow of the letter).</summary>
    public static FileRejectedException TableInTextBox(string fileName, int textBox, string? after) => new(
        IssueCodes.DocxUnreadContent,
        $"Tệp “{fileName}” có hộp văn bản chứa một bảng (hộp văn bản thứ {textBox.ToString(CultureInfo.InvariantCulture)}, "
        + (after is null ? "trước bảng đầu tiên" : "sau " + after)
        + "). Hệ thống không đọc bảng trong hộp văn bản vì không biết nó thuộc chỗ nào của công văn. "
        + "Hãy cắt bảng ra khỏi hộp văn bản, dán vào thân văn bản đúng chỗ của nó, lưu lại rồi gửi lại.");

    /// <summary>Content imported from another file (w:altChunk) that Word lays out only when it opens the letter.</summary>
    public static FileRejectedException EmbeddedChunk(string fileName, int chunk) => new(
        IssueCodes.DocxUnreadContent,
        $"Tệp “{fileName}” có phần nội dung nhúng từ tệp khác (phần nhúng thứ {chunk.ToString(CultureInfo.InvariantCulture)}) "
        + "mà Word chỉ dàn trang khi mở tệp; hệ thống không đọc được các bảng, số liệu trong phần đó. "
        + "Hãy mở tệp bằng Word, lưu lại thành .docx (Word sẽ chuyển phần nhúng thành nội dung thường) rồi gửi lại.");

    public static FileRejectedException TableTooWide(string fileName, string table, int maxColumns) => new(
        IssueCodes.FileCorrupt,
        $"{table} của tệp “{fileName}” có quá {maxColumns.ToString("N0", Vietnamese)} cột. "
        + "Hãy mở tệp bằng Word, kiểm tra các ô gộp của bảng, lưu lại thành .docx rồi gửi lại.");

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
