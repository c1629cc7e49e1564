using System.Globalization;
using ReportHub.Core.Issues;

namespace ReportHub.Readers.Csv;

/// <summary>
/// The rejections only a CSV raises. Lines are counted as a text editor counts them (Notepad's Ctrl+G), since
/// a file broken this way no longer shows its rows correctly in Excel.
/// </summary>
internal static class CsvRejections
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static FileRejectedException UnbalancedQuote(string fileName, int line) => new(
        IssueCodes.CsvUnbalancedQuote,
        $"Tệp “{fileName}” có dấu ngoặc kép (\") mở ở dòng {line} nhưng không được đóng, nên các ô phía sau sẽ bị lệch cột. "
        + $"Hãy mở tệp bằng Notepad, đến dòng {line} (Ctrl+G), thêm dấu \" đóng hoặc xóa dấu \" thừa; "
        + "hoặc mở bảng tính gốc bằng Excel và lưu lại (Tệp › Lưu thành › CSV UTF-8) rồi gửi lại.");

    public static FileRejectedException CellTooLong(string fileName, int line, int maxCharacters) => new(
        IssueCodes.CellTooLong,
        $"Tệp “{fileName}” có một ô bắt đầu ở dòng {line} dài quá {maxCharacters.ToString("N0", Vietnamese)} ký tự "
        + "(giới hạn của một ô trong Excel). Hãy mở tệp, rút gọn nội dung ô đó hoặc tách thành nhiều ô, lưu lại rồi gửi lại.");

    public static FileRejectedException TooManyCells(string fileName, string sheetName, int maxCells) => new(
        IssueCodes.SheetTooManyCells,
        $"Trang tính “{sheetName}” của tệp “{fileName}” có quá {maxCells.ToString("N0", Vietnamese)} ô có dữ liệu. "
        + "Hãy xóa các vùng dữ liệu không thuộc báo cáo (chỉ giữ lại phụ lục) rồi gửi lại.");

    public static FileRejectedException MixedSeparators(string fileName, IReadOnlyList<(int Line, char Separator)> lines, char separator) => new(
        IssueCodes.CsvMixedSeparators,
        $"Tệp “{fileName}” dùng lẫn nhiều dấu phân cách cột: "
        + string.Join("; ", lines.Select(l => $"dòng {l.Line} dùng dấu {Show(l.Separator)}"))
        + $" trong khi các dòng khác dùng dấu {Show(separator)}, nên các ô của những dòng đó sẽ dồn vào một cột. "
        + $"Hãy mở tệp bằng Notepad, sửa các dòng đó để dùng dấu {Show(separator)} như các dòng khác; hoặc mở bảng tính gốc "
        + "bằng Excel và lưu lại (Tệp › Lưu thành › CSV UTF-8) rồi gửi lại.");

    public static FileRejectedException SeparatorUnusable(string fileName, char separator) => new(
        IssueCodes.CsvSeparatorUnusable,
        $"Dòng đầu “sep=” của tệp “{fileName}” chọn dấu {Show(separator)} để phân cách cột, nhưng tệp dùng đủ mọi ký tự ASCII nên "
        + "không tách được cột. Hãy lưu lại tệp bằng Excel (Tệp › Lưu thành › CSV UTF-8) rồi gửi lại.");

    private static string Show(char separator) => separator switch
    {
        '\t' => "tab",
        ' ' => "cách (khoảng trắng)",
        _ => $"“{separator}”",
    };
}
