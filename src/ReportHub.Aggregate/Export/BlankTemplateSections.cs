using ClosedXML.Excel;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>The empty body of one appendix section: a bordered table to fill in, or lines for free text.</summary>
internal static class BlankTemplateSections
{
    public const string ListNote = "Mỗi đối tượng một dòng (Alt+Enter để xuống dòng), bắt đầu bằng dấu -";
    public const string CountErrorTitle = "Số liệu không hợp lệ";
    public const string CountErrorMessage = "Vui lòng nhập số nguyên không âm, ví dụ: 541.";

    private const double NarrativeRowHeight = 26;

    /// <summary>Writes the header at <paramref name="headerRow"/> and the empty rows under it; returns the last row.</summary>
    public static int Table(IXLWorksheet sheet, TableDefinition table, int headerRow)
    {
        var columns = table.Columns;
        OfficialStyle.HeaderRow(sheet, headerRow, columns.Select(c => c.Header).ToList());
        var first = headerRow + 1;
        var last = headerRow + BlankTemplateWorkbook.BlankTableRows;
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
                    cells.Style.NumberFormat.Format = OfficialStyle.CountFormat;
                    cells.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                    var validation = cells.SetDataValidation();
                    validation.WholeNumber.EqualOrGreaterThan(0);
                    validation.IgnoreBlanks = true;
                    validation.ShowErrorMessage = true;
                    validation.ErrorStyle = XLErrorStyle.Stop;
                    validation.ErrorTitle = CountErrorTitle;
                    validation.ErrorMessage = CountErrorMessage;
                    break;
                case ColumnType.List:
                    OfficialStyle.Note(sheet.Cell(headerRow, i + 1), ListNote);
                    break;
                case ColumnType.Text:
                case ColumnType.Citation:
                default:
                    break;
            }
        }
        return last;
    }

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
