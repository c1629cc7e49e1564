using ClosedXML.Excel;

namespace ReportHub.SampleGen;

/// <summary>Writes a <see cref="Grid"/> as a one-sheet workbook in Times New Roman, as provincial offices type them.</summary>
public static class XlsxWriter
{
    public static void Write(Grid grid, string sheetName, string path)
    {
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 13;
        var sheet = workbook.Worksheets.Add(sheetName);
        sheet.Style.Font.FontName = "Times New Roman";
        sheet.Style.Font.FontSize = 13;

        foreach (var ((row, col), cell) in grid.Cells)
        {
            var target = sheet.Cell(row, col);
            switch (cell.Value)
            {
                case TextValue { Text.Length: 0 }:
                    break;
                case TextValue text:
                    // SetValue<string> stores text as-is; the quote prefix is what Excel records for '01.
                    target.SetValue(text.Text);
                    target.DataType = XLDataType.Text;
                    if (text.QuotePrefix)
                    {
                        target.Style.IncludeQuotePrefix = true;
                    }

                    break;
                case NumberValue number:
                    target.SetValue(number.Value);
                    if (number.Format is { } format)
                    {
                        target.Style.NumberFormat.Format = format;
                    }

                    break;
                case DateValue date:
                    target.SetValue(date.Value);
                    target.Style.DateFormat.Format = "dd/mm/yyyy";
                    break;
            }

            Apply(target.Style, cell.Look);
        }

        foreach (var (r1, c1, r2, c2) in grid.Merges)
        {
            sheet.Range(r1, c1, r2, c2).Merge();
        }

        foreach (var (col, width) in grid.Widths)
        {
            sheet.Column(col).Width = width;
        }

        workbook.SaveAs(path);
        ReproducibleZip.Normalize(path);
    }

    private static void Apply(IXLStyle style, CellLook look)
    {
        style.Font.FontName = "Times New Roman";
        style.Font.Bold = look.HasFlag(CellLook.Bold);
        style.Font.Italic = look.HasFlag(CellLook.Italic);
        if (look.HasFlag(CellLook.Center))
        {
            style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        if (look.HasFlag(CellLook.Wrap))
        {
            style.Alignment.WrapText = true;
            style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }

        if (look.HasFlag(CellLook.Border))
        {
            style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        }
    }
}
