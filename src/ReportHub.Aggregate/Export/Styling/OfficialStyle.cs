using System.Text;
using ClosedXML.Excel;
using ReportHub.Core.Text;

namespace ReportHub.Aggregate.Export.Styling;

/// <summary>
/// The look of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP style: Times New Roman, bordered tables)
/// shared by every workbook ReportHub writes, so the three writers cannot drift apart.
/// </summary>
internal static class OfficialStyle
{
    public const string FontName = "Times New Roman";
    public const double BodySize = 12;
    public const double HeadingSize = 13;
    public const string CountFormat = "#,##0";

    /// <summary>Amounts keep two decimals; a percentage or an indicator shows two decimals without grouping.</summary>
    public const string AmountFormat = "#,##0.00";
    public const string RatioFormat = "0.00";
    public const string DateFormat = "dd/MM/yyyy";
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string NationalMotto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>Quảng Ngãi has no daylight saving, so a fixed offset is exact and needs no tz database.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    private static readonly XLColor HeaderFill = XLColor.FromArgb(0xDD, 0xEB, 0xF7);
    private static readonly XLColor LockedFill = XLColor.FromArgb(0xFF, 0xF2, 0xCC);

    // Excel refuses a cell longer than this; cutting is better than a workbook that will not open.
    private const int MaxCellText = 32_767;
    private const double PointsPerLine = 15.75;
    private const double MaxRowHeight = 409;

    public static XLWorkbook NewWorkbook()
    {
        var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = BodySize;
        return workbook;
    }

    public static IXLWorksheet AddSheet(XLWorkbook workbook, string name, IReadOnlyList<double> widths)
    {
        var sheet = workbook.Worksheets.Add(name);
        // Column and row styles are what empty cells inherit; setting them keeps cells typed later in the same font.
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = BodySize;
        for (var i = 0; i < widths.Count; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
        return sheet;
    }

    /// <summary>
    /// Writes department-supplied text as a string cell. <c>IXLCell.Value</c> would turn "=HYPERLINK(…)" or
    /// "- Công chức…" into a formula or a number; <c>SetValue&lt;string&gt;</c> never parses.
    /// </summary>
    public static IXLCell SetText(IXLCell cell, string? text)
    {
        cell.SetValue(Clean(text));
        cell.DataType = XLDataType.Text;
        return cell;
    }

    public static IXLCell SetCount(IXLCell cell, long value)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = CountFormat;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return cell;
    }

    /// <summary>A figure as a number cell in <paramref name="format"/>; a whole count is written as one.</summary>
    public static IXLCell SetNumber(IXLCell cell, decimal value, string format)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return cell;
    }

    public static IXLCell SetDate(IXLCell cell, DateTime value, string format)
    {
        cell.SetValue(value);
        cell.Style.NumberFormat.Format = format;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        return cell;
    }

    public static DateTime ToLocal(DateTimeOffset value) => value.ToOffset(LocalOffset).DateTime;

    /// <summary>NFC, no XML-illegal control characters, and within Excel's cell limit.</summary>
    public static string Clean(string? text)
    {
        var cleaned = VietnameseText.Safe(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (cleaned.Length <= MaxCellText)
        {
            return cleaned;
        }
        // Never cut between the two halves of a surrogate pair: a lone half is invalid text again.
        var length = char.IsHighSurrogate(cleaned[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText;
        return cleaned[..length];
    }

    /// <summary>A one-line, merged, centred text block such as a title or the national motto.</summary>
    public static IXLRange Banner(IXLWorksheet sheet, int row, int firstColumn, int lastColumn, string text,
        bool bold = false, bool italic = false, bool underline = false, double size = HeadingSize)
    {
        var range = sheet.Range(row, firstColumn, row, lastColumn);
        if (lastColumn > firstColumn)
        {
            range.Merge();
        }
        SetText(range.FirstCell(), text);
        var style = range.Style;
        style.Font.Bold = bold;
        style.Font.Italic = italic;
        style.Font.Underline = underline ? XLFontUnderlineValues.Single : XLFontUnderlineValues.None;
        style.Font.FontSize = size;
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        style.Alignment.WrapText = true;
        return range;
    }

    public static void HeaderRow(IXLWorksheet sheet, int row, IReadOnlyList<string> headers, int firstColumn = 1)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            SetText(sheet.Cell(row, firstColumn + i), headers[i]);
        }
        var range = sheet.Range(row, firstColumn, row, firstColumn + headers.Count - 1);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = HeaderFill;
        range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        range.Style.Alignment.WrapText = true;
        Borders(range);
        FitRowHeight(sheet, row, firstColumn, firstColumn + headers.Count - 1);
    }

    public static void Borders(IXLRange range)
    {
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>Body cells of a table: bordered, wrapped and top-aligned so long text reads like the paper form.</summary>
    public static void TableBody(IXLRange range)
    {
        Borders(range);
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    public static void LockedLooking(IXLCell cell, string? note)
    {
        cell.Style.Fill.BackgroundColor = LockedFill;
        if (!string.IsNullOrEmpty(note))
        {
            Note(cell, note);
        }
    }

    public static void Note(IXLCell cell, string text)
    {
        var comment = cell.Comment;
        comment.Author = "ReportHub";
        comment.AddText(Clean(text));
    }

    /// <summary>
    /// Sets a row height from its wrapped text. Neither Excel nor LibreOffice grows rows on open for every case
    /// (merged cells never), and AutoFit needs libgdiplus, so estimate from characters per column width.
    /// </summary>
    public static void FitRowHeight(IXLWorksheet sheet, int row, int firstColumn, int lastColumn, double minLines = 1)
    {
        var lines = minLines;
        for (var column = firstColumn; column <= lastColumn; column++)
        {
            var cell = sheet.Cell(row, column);
            var text = cell.GetString();
            if (text.Length == 0)
            {
                continue;
            }
            var width = cell.IsMerged() ? MergedWidth(cell) : sheet.Column(column).Width;
            var scale = cell.Style.Font.FontSize / BodySize * (cell.Style.Font.Bold ? 1.1 : 1.0);
            lines = Math.Max(lines, WrappedLines(text, width, scale));
        }
        sheet.Row(row).Height = RowHeight(lines);
    }

    /// <summary>The height in points of a row whose tallest cell wraps to <paramref name="lines"/> lines.</summary>
    public static double RowHeight(double lines) => Math.Min(MaxRowHeight, Math.Ceiling(lines * PointsPerLine * 4) / 4 + 4);

    private static double MergedWidth(IXLCell cell)
    {
        var merged = cell.MergedRange();
        return merged.Columns().Sum(c => c.WorksheetColumn().Width);
    }

    public static double WrappedLines(string text, double width, double scale)
    {
        // Times New Roman is narrower than Calibri's digit width that defines Excel's column unit; 1.15 chars per unit
        // keeps the estimate slightly generous so text is never clipped when printed.
        var perLine = Math.Max(1, (width - 1) * 1.15 / scale);
        // Paragraph by paragraph without splitting: the streamed sheets call this for every cell.
        var lines = 0d;
        var rest = text.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var length = end < 0 ? rest.Length : end;
            lines += Math.Max(1, Math.Ceiling(length / perLine));
            if (end < 0)
            {
                return lines;
            }
            rest = rest[(end + 1)..];
        }
    }

    public static void PageSetup(IXLWorksheet sheet, XLPageOrientation orientation, int headerRow, int lastRow, int lastColumn)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = orientation;
        page.FitToPages(1, 0);
        page.Margins.Left = 0.5;
        page.Margins.Right = 0.5;
        page.Margins.Top = 0.6;
        page.Margins.Bottom = 0.6;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        page.CenterHorizontally = true;
        page.PrintAreas.Clear();
        page.PrintAreas.Add(1, 1, Math.Max(lastRow, 1), lastColumn);
        if (headerRow > 0)
        {
            page.SetRowsToRepeatAtTop(headerRow, headerRow);
        }
        var footer = page.Footer.Center;
        footer.AddText("Trang ", XLHFOccurrence.AllPages);
        footer.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        footer.AddText("/", XLHFOccurrence.AllPages);
        footer.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
    }

    /// <summary>A table's official finish: frozen under the header, filterable, header repeated on printed pages.</summary>
    public static void FinishTable(IXLWorksheet sheet, int headerRow, int lastDataRow, int lastColumn, int lastRow)
    {
        sheet.SheetView.FreezeRows(headerRow);
        sheet.Range(headerRow, 1, Math.Max(lastDataRow, headerRow), lastColumn).SetAutoFilter();
        PageSetup(sheet, XLPageOrientation.Landscape, headerRow, lastRow, lastColumn);
    }
}
