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

    public static string ForeignDigits(string header, string text, string cell)
    {
        var digit = Text.DigitFolding.Fold(text).Foreign ?? '0';
        return $"Ô {cell} ghi chữ số không phải chữ số Ả Rập thông thường (0–9) ở cột “{header}”: “{Shorten(text)}” dùng chữ số " +
            $"{Text.DigitFolding.ScriptName(digit)} (có vẻ là “{Shorten(Text.DigitFolding.AsAsciiHint(text))}”). " +
            "Hãy gõ lại bằng các chữ số 0–9 trên bàn phím.";
    }

    public static string InvisibleDropped(string header, string text, string cell, string dropped) =>
        $"Ô {cell} ở cột “{header}” có ký tự ẩn không nhìn thấy được ({dropped}, thường do dán từ trang web hoặc văn bản " +
        $"viết từ phải sang trái); ReportHub đã bỏ các ký tự này và đọc “{Shorten(text)}” như số. Hãy kiểm tra lại giá trị.";

    public static string FormulaCached(string cell, string text) =>
        $"Ô {cell} là một công thức; ReportHub lấy giá trị “{Shorten(text)}” mà Excel đã tính và lưu lần cuối, không tự tính lại. " +
        "Nếu đã sửa số liệu mà chưa lưu lại tệp bằng Excel, giá trị này có thể đã cũ: hãy mở tệp, kiểm tra rồi lưu lại trước khi gửi.";

    public static string FormulasCached(int count, IReadOnlyList<string> first) =>
        $"Có {count} ô là công thức ({string.Join(", ", first)}{(count > first.Count ? ", …" : "")}); ReportHub lấy các giá trị Excel " +
        "đã tính và lưu lần cuối, không tự tính lại. Nếu đã sửa số liệu mà chưa lưu lại tệp bằng Excel, các giá trị này có thể " +
        "đã cũ: hãy mở tệp, kiểm tra rồi lưu lại trước khi gửi.";

    public static string Negative(string header, string text) =>
        $"Cột “{header}” không được là số âm (ô ghi “{text}”). Hãy ghi số lượng từ 0 trở lên.";

    public static string Fractional(string header, string text) =>
        $"Cột “{header}” phải là số nguyên, ô này ghi “{text}”. Nếu là số hàng nghìn hãy viết 1.234; nếu không, hãy làm tròn.";

    public static string Implausible(string header, string text, string cell) =>
        $"Ô {cell} ghi “{Shorten(text)}” ở cột “{header}”, lớn hơn {N(Domain.Counts.MaxPlausible)} nên không thể là số lượng thật " +
        "(thường do dán nhầm số điện thoại, số định danh hoặc gõ lặp chữ số). Hãy kiểm tra và ghi lại đúng số lượng.";

    public static string TotalMismatch(string header, decimal written, decimal sum) =>
        $"Dòng tổng cộng ghi {D(written)} ở cột “{header}” nhưng cộng các dòng phía trên được {D(sum)}. " +
        "Hãy sửa số ở dòng tổng cộng hoặc ở các dòng chi tiết cho khớp.";

    public static string CitationInvalid(string text) =>
        $"Không đọc được số, ký hiệu văn bản trong “{text}”. Hãy ghi theo dạng “780/SCT-VP ngày 07/05/2021”.";

    public static string DateImplausible(DateOnly date, DateOnly from, DateOnly to) =>
        $"Ngày ban hành {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} nằm ngoài khoảng hợp lý " +
        $"({from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} – {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}). " +
        "Hãy kiểm tra lại ngày, tháng, năm.";

    private const string OneLetterPerFile =
        "Mỗi tệp chỉ được chứa một công văn của một đơn vị; hãy tách mỗi công văn thành một tệp riêng rồi gửi lại từng tệp.";

    public static string SecondMotto() =>
        "Tệp có một công văn thứ hai: dòng “Cộng hòa xã hội chủ nghĩa Việt Nam” xuất hiện lần thứ hai ở đây. " + OneLetterPerFile;

    public static string SecondAppendix(string heading) =>
        $"Tệp có một phụ lục thứ hai: tiêu đề “{heading}” xuất hiện lần thứ hai ở đây, sau phụ lục thứ nhất. " + OneLetterPerFile;

    public static string SecondLabel(string label, string first, string second) =>
        $"“{label}” được ghi hai lần với hai giá trị khác nhau: “{first}” ở trên và “{second}” ở đây, nên tệp có vẻ chứa "
        + "công văn của hai đơn vị. " + OneLetterPerFile;

    public static string HiddenSheetUsed(string hidden) =>
        $"Số liệu được lấy từ trang tính đang ẩn “{hidden}” vì các trang tính đang hiển thị không có phụ lục. " +
        $"Nếu đúng là số liệu cần gửi, hãy hiện trang tính đó (nhấp chuột phải vào tên một trang tính › Bỏ ẩn › chọn “{hidden}”) " +
        "hoặc chép phụ lục sang trang tính đang hiển thị rồi gửi lại; nếu không, hãy xóa trang tính ẩn.";

    public static string MoreIssues(int more, bool errors) =>
        $"Và {N(more)} {(errors ? "lỗi" : "cảnh báo")} khác không được liệt kê để danh sách không quá dài. " +
        "Thường đó là cùng một lỗi lặp lại ở nhiều dòng: hãy sửa các ô đã nêu rồi gửi lại để xem phần còn lại.";

    public static string NotADecimal(string header, string text) =>
        $"Ô này ghi “{Shorten(text)}” nhưng cột “{header}” phải là một số (ví dụ 1.234,5 hoặc 12,5%). Hãy ghi lại bằng chữ số.";

    public static string NotADate(string header, string text) =>
        $"Ô này ghi “{Shorten(text)}” nhưng cột “{header}” phải là một ngày. Hãy ghi theo dạng ngày/tháng/năm, ví dụ 07/05/2021.";

    public static string NotAChoice(string header, string text, IReadOnlyList<string> allowed) =>
        $"Ô này ghi “{Shorten(text)}” nhưng cột “{header}” chỉ nhận một trong các giá trị: " +
        string.Join("; ", allowed.Select(v => $"“{v}”")) + ". Hãy chọn lại một giá trị trong danh sách.";

    public static string RuleUnchecked(string condition, string header) =>
        $"Không kiểm tra được điều kiện {condition} vì ô của cột “{header}” để trống. Hãy ghi số liệu vào ô này (ghi 0 nếu đúng là không có).";

    public static string ValueMissing(ColumnDefinition column) => column.IsNumeric
        ? $"Ô của cột “{column.Header}” để trống. Ô trống không được tính là 0: hãy ghi số liệu của đơn vị, ghi 0 nếu đúng là không có."
        : $"Ô của cột “{column.Header}” chưa được điền. Hãy điền giá trị vào ô này.";

    public static string OutOfRange(string header, string text, decimal? min, decimal? max) =>
        $"Cột “{header}” ghi “{Shorten(text)}”, nằm ngoài khoảng cho phép ({Range(min, max)}). Hãy kiểm tra và ghi lại đúng số.";

    private static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } a, { } b) => $"từ {D(a)} đến {D(b)}",
        ({ } a, null) => $"từ {D(a)} trở lên",
        (null, { } b) => $"không quá {D(b)}",
        _ => "không giới hạn",
    };

    public static string D(decimal value) => value.ToString("#,##0.##", Vi);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string CompareFailed(string left, string op, string right, decimal leftValue, decimal rightValue) =>
        $"Cột “{left}” ({D(leftValue)}) phải {op} cột “{right}” ({D(rightValue)}) trên cùng dòng. " +
        "Hãy kiểm tra lại số liệu của hai cột này.";

    public static string RequiresFailed(string whenHeader, decimal whenValue, string thenHeader) =>
        $"Cột “{whenHeader}” ghi {D(whenValue)} nhưng cột “{thenHeader}” bằng 0 hoặc để trống. Hãy kiểm tra lại cột “{thenHeader}”.";

    public static string DuplicateRow(string firstCell) =>
        $"Dòng này trùng với dòng đã ghi ở ô {firstCell}. Hãy xóa dòng trùng hoặc gộp số liệu vào một dòng.";

    public static string TablesEmpty(TemplateDefinition t) =>
        "Phụ lục không có số liệu: " +
        string.Join(" và ", t.Sections.Where(s => s.Table is not null).Select(s => s.Table!.RowNoun is { } noun
            ? $"mục {s.Number} không có {noun} nào"
            : $"bảng của mục {s.Number} không có dòng số liệu nào")) +
        ". Hãy điền ít nhất một mục trước khi gửi.";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static string LegacyConverted(string charset, int cells) =>
        $"{cells} ô được gõ bằng bảng mã {charset} và đã được chuyển sang Unicode. Nên dùng phông Unicode (Times New Roman) cho các lần sau.";
}
