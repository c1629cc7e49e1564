using System.Globalization;
using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>The empty body of one appendix section: a bordered table to fill in, or lines for free text.</summary>
internal static class BlankTemplateSections
{
    public const string ListNote = "Mỗi đối tượng một dòng (Alt+Enter để xuống dòng), bắt đầu bằng dấu -";
    public const string CountErrorTitle = "Số liệu không hợp lệ";
    public const string CountErrorMessage = "Vui lòng nhập số nguyên không âm, ví dụ: 541.";
    public const string AmountErrorMessage = "Vui lòng nhập một số, không ghi chữ hay đơn vị tính, ví dụ: 1.250.000.";
    public const string PercentErrorMessage = "Vui lòng nhập tỷ lệ phần trăm bằng số, không ghi dấu %, ví dụ: 85,5.";
    public const string DateErrorMessage = "Vui lòng nhập ngày dạng ngày/tháng/năm, ví dụ: 07/05/2025.";

    private const decimal UnboundedNumber = 1_000_000_000_000_000m;

    // Excel refuses an in-cell list longer than this.
    private const int MaxListLength = 255;

    private const double NarrativeRowHeight = 26;

    /// <summary>Writes the header at <paramref name="headerRow"/> and <paramref name="blankRows"/> empty rows under it; returns the last row.</summary>
    public static int Table(IXLWorksheet sheet, TableDefinition table, int headerRow, int blankRows)
    {
        var columns = table.Columns;
        OfficialStyle.HeaderRow(sheet, headerRow, columns.Select(c => c.Header).ToList());
        if (blankRows <= 0)
        {
            return headerRow;
        }
        var first = headerRow + 1;
        var last = headerRow + blankRows;
        var body = sheet.Range(first, 1, last, columns.Count);
        // No fixed height: Excel grows a row with wrapped text as it is typed only while the height is automatic.
        OfficialStyle.TableBody(body);

        // Ordinal cells stay empty: a row holding only "1" would be read as a data row by the parser.
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var cells = sheet.Range(first, i + 1, last, i + 1);
            switch (column.Type)
            {
                case ColumnType.Ordinal:
                    cells.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                    break;
                case ColumnType.Count:
                    Numbers(cells, OfficialStyle.CountFormat);
                    var whole = Validation(cells, column.Max is null && column.Min is null ? CountErrorMessage : RangeMessage(column));
                    if (column.Max is { } most)
                    {
                        whole.WholeNumber.Between(Whole(column.Min ?? 0), Whole(most));
                    }
                    else
                    {
                        whole.WholeNumber.EqualOrGreaterThan(Whole(column.Min ?? 0));
                    }
                    break;
                case ColumnType.Amount:
                case ColumnType.Percent:
                    Numbers(cells, column.Type == ColumnType.Percent ? OfficialStyle.RatioFormat : OfficialStyle.AmountFormat);
                    // Unbounded columns still refuse text: the widest range Excel compares exactly.
                    var low = column.Min ?? -UnboundedNumber;
                    var high = column.Max ?? UnboundedNumber;
                    var message = column.Min is null && column.Max is null
                        ? column.Type == ColumnType.Percent ? PercentErrorMessage : AmountErrorMessage
                        : RangeMessage(column);
                    Validation(cells, message).Decimal.Between((double)low, (double)high);
                    break;
                case ColumnType.Date:
                    cells.Style.NumberFormat.Format = OfficialStyle.DateFormat;
                    cells.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                    Validation(cells, DateErrorMessage).Date.Between(new DateTime(1900, 1, 1), new DateTime(9999, 12, 31));
                    break;
                case ColumnType.Choice:
                    Choice(sheet.Cell(headerRow, i + 1), cells, column);
                    break;
                case ColumnType.List:
                    OfficialStyle.Note(sheet.Cell(headerRow, i + 1), ListNote);
                    break;
                case ColumnType.Text:
                case ColumnType.Citation:
                case ColumnType.Unit:
                default:
                    break;
            }
        }
        return last;
    }

    private static void Numbers(IXLRange cells, string format)
    {
        cells.Style.NumberFormat.Format = format;
        cells.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }

    private static IXLDataValidation Validation(IXLRange cells, string message)
    {
        var validation = cells.SetDataValidation();
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = CountErrorTitle;
        validation.ErrorMessage = OfficialStyle.Clean(message);
        return validation;
    }

    private static int Whole(decimal value) => (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);

    /// <summary>
    /// A drop-down of the allowed values when Excel can hold them (a list of at most 255 characters, no commas in a
    /// value); otherwise the values go in the header's note, and the parser still matches what was typed.
    /// </summary>
    private static void Choice(IXLCell header, IXLRange cells, ColumnDefinition column)
    {
        var values = column.Values.Select(v => OfficialStyle.Clean(v).Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return;
        }
        OfficialStyle.Note(header, ChoiceNote(values));
        var joined = string.Join(",", values);
        if (joined.Length > MaxListLength || values.Any(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)))
        {
            return;
        }
        var validation = Validation(cells, ChoiceErrorMessage(values));
        validation.List("\"" + joined + "\"", true);
    }

    public static string ChoiceNote(IReadOnlyList<string> values) =>
        "Chọn một trong các giá trị: " + string.Join("; ", values.Select(v => $"“{v}”")) + ".";

    private static string ChoiceErrorMessage(IReadOnlyList<string> values) =>
        "Vui lòng chọn trong danh sách thả xuống: " + string.Join("; ", values) + ".";

    private static string RangeMessage(ColumnDefinition column)
    {
        var range = (column.Min, column.Max) switch
        {
            ({ } low, { } high) => $"từ {Number(low)} đến {Number(high)}",
            ({ } low, null) => $"không nhỏ hơn {Number(low)}",
            (null, { } high) => $"không lớn hơn {Number(high)}",
            _ => "hợp lệ",
        };
        var kind = column.Type switch
        {
            ColumnType.Count => "số nguyên",
            ColumnType.Percent => "tỷ lệ phần trăm (không ghi dấu %)",
            _ => "số",
        };
        return $"Cột “{column.Header}”: vui lòng nhập {kind} {range}.";
    }

    /// <summary>Vietnamese decimal comma, as the sender types it: 12,5.</summary>
    private static string Number(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Empty writing lines, each merged across the form so a paragraph wraps at the page width.</summary>
    public static int Narrative(IXLWorksheet sheet, int columns, int firstRow)
    {
        var last = firstRow + BlankTemplateWorkbook.BlankNarrativeRows - 1;
        for (var row = firstRow; row <= last; row++)
        {
            var line = sheet.Range(row, 1, row, columns).Merge();
            line.Style.Alignment.WrapText = true;
            line.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            line.Style.Border.BottomBorder = XLBorderStyleValues.Dotted;
            sheet.Row(row).Height = NarrativeRowHeight;
        }
        return last;
    }
}
