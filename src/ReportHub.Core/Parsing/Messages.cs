using System.Globalization;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Parsing;

/// <summary>The Vietnamese wording of parse issues: what is wrong, where, and what to do.</summary>
public static class Messages
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string N(long value) => value.ToString("#,##0", Vi);

    private static string Heading(SectionDefinition s) => $"“{s.Number}. {s.Heading}”";

    public static string NoAppendix(TemplateDefinition t) =>
        $"Không tìm thấy biểu mẫu phụ lục trong tệp: không có mục nào như {Heading(t.Sections[0])} hay " +
        $"{Heading(t.Sections[Math.Min(1, t.Sections.Count - 1)])}. Hãy dùng biểu mẫu do Sở Thông tin và Truyền thông " +
        "ban hành (tải tại ReportHub) và giữ nguyên các tiêu đề mục.";

    public static string SectionMissing(SectionDefinition s) =>
        $"Thiếu mục {Heading(s)}. Hãy thêm dòng tiêu đề mục bắt đầu bằng “{s.Number}.” đúng như biểu mẫu" +
        (s.IsNarrative ? "; nếu không có nội dung, ghi “Không có” bên dưới." : " cùng bảng số liệu của mục.");

    public static string TableHeaderMissing(SectionDefinition s) =>
        $"Mục {Heading(s)} không có dòng tiêu đề bảng. Hãy giữ dòng tiêu đề cột của biểu mẫu: " +
        string.Join(" | ", s.Table!.Columns.Select(c => c.Header)) + ".";

    public static string ColumnMissing(SectionDefinition s, ColumnDefinition c) =>
        $"Bảng của mục {s.Number} thiếu cột “{c.Header}”. Hãy thêm cột này vào dòng tiêu đề bảng (đúng tên như biểu mẫu).";

    public static string ColumnUnknown(SectionDefinition s, string header) =>
        $"Cột “{header}” trong bảng của mục {s.Number} không có trong biểu mẫu nên không được đọc. " +
        "Nếu đây là một cột của biểu mẫu bị đổi tên, hãy đặt lại đúng tên cột.";

    public static string NotANumber(string header, string text) =>
        $"Ô này ghi “{text}” nhưng cột “{header}” phải là một số nguyên (ví dụ 541 hoặc 1.234). Hãy ghi lại bằng chữ số.";

    public static string Negative(string header, string text) =>
        $"Cột “{header}” không được là số âm (ô ghi “{text}”). Hãy ghi số lượng từ 0 trở lên.";

    public static string Fractional(string header, string text) =>
        $"Cột “{header}” phải là số nguyên, ô này ghi “{text}”. Nếu là số hàng nghìn hãy viết 1.234; nếu không, hãy làm tròn.";

    public static string Implausible(string header, string text, string cell) =>
        $"Ô {cell} ghi “{Shorten(text)}” ở cột “{header}”, lớn hơn {N(Domain.Counts.MaxPlausible)} nên không thể là số lượng thật " +
        "(thường do dán nhầm số điện thoại, số định danh hoặc gõ lặp chữ số). Hãy kiểm tra và ghi lại đúng số lượng.";

    public static string BlankCount(string header) =>
        $"Ô của cột “{header}” để trống và được tính là 0. Nếu đơn vị có số liệu, hãy điền vào ô này.";

    public static string ScansWithoutCodes(string entity, long scans) =>
        $"“{entity}” báo cáo {N(scans)} lượt quét nhưng 0 mã QR địa điểm. Hãy kiểm tra lại số mã QR đã tạo và quản lý.";

    public static string TotalMismatch(string header, long written, long sum) =>
        $"Dòng tổng cộng ghi {N(written)} ở cột “{header}” nhưng cộng các dòng phía trên được {N(sum)}. " +
        "Hãy sửa số ở dòng tổng cộng hoặc ở các dòng chi tiết cho khớp.";

    public static string CitationInvalid(string text) =>
        $"Không đọc được số, ký hiệu văn bản trong “{text}”. Hãy ghi theo dạng “780/SCT-VP ngày 07/05/2021”.";

    public static string CitationMissing() =>
        "Chưa ghi số, ngày ban hành văn bản. Hãy ghi theo dạng “780/SCT-VP ngày 07/05/2021”.";

    public static string DateImplausible(DateOnly date, DateOnly from, DateOnly to) =>
        $"Ngày ban hành {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} nằm ngoài khoảng hợp lý " +
        $"({from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} – {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}). " +
        "Hãy kiểm tra lại ngày, tháng, năm.";

    public static string ContentMissing() =>
        "Dòng văn bản chỉ đạo này chưa ghi nội dung thực hiện. Hãy ghi trích yếu nội dung văn bản.";

    public static string EntityMissing() =>
        "Dòng số liệu mã QR này chưa ghi đối tượng thống kê. Hãy ghi tên đơn vị, địa phương hoặc địa điểm.";

    public static string DuplicateDirective(string firstCell) =>
        $"Dòng này trùng với văn bản chỉ đạo đã ghi ở ô {firstCell}. Hãy xóa dòng trùng.";

    public static string DuplicateEntity(string entity, string firstCell) =>
        $"“{entity}” đã được ghi ở ô {firstCell}. Hãy gộp số liệu vào một dòng để không bị tính hai lần.";

    public static string AppendixEmpty() =>
        "Phụ lục không có số liệu: mục 1 không có văn bản chỉ đạo nào và mục 2 không có dòng số liệu mã QR nào. " +
        "Hãy điền ít nhất một mục trước khi gửi.";

    public static string HiddenSheetUsed(string hidden) =>
        $"Số liệu được lấy từ trang tính đang ẩn “{hidden}” vì các trang tính đang hiển thị không có phụ lục. " +
        $"Nếu đúng là số liệu cần gửi, hãy hiện trang tính đó (nhấp chuột phải vào tên một trang tính › Bỏ ẩn › chọn “{hidden}”) " +
        "hoặc chép phụ lục sang trang tính đang hiển thị rồi gửi lại; nếu không, hãy xóa trang tính ẩn.";

    public static string MoreIssues(int more, bool errors) =>
        $"Và {N(more)} {(errors ? "lỗi" : "cảnh báo")} khác không được liệt kê để danh sách không quá dài. " +
        "Thường đó là cùng một lỗi lặp lại ở nhiều dòng: hãy sửa các ô đã nêu rồi gửi lại để xem phần còn lại.";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static string LegacyConverted(string charset, int cells) =>
        $"{cells} ô được gõ bằng bảng mã {charset} và đã được chuyển sang Unicode. Nên dùng phông Unicode (Times New Roman) cho các lần sau.";
}
