using System.Globalization;
using System.Text;

namespace ReportHub.SampleGen;

/// <summary>
/// Mimics Excel's "Save as CSV UTF-8": BOM, the whole used range from A1 with trailing empty fields, CRLF rows,
/// values as displayed (number formats applied), and quotes only where a field holds the delimiter, a quote or a
/// line break. The `;` variant is what Excel writes on a machine with Vietnamese regional settings, where the list
/// separator is `;` and the thousands separator is `.`.
/// </summary>
public static class CsvWriter
{
    public static void Write(Grid grid, char delimiter, string path)
    {
        var culture = delimiter == ';' ? CultureInfo.GetCultureInfo("vi-VN") : CultureInfo.GetCultureInfo("en-US");
        var text = new StringBuilder();
        var maxRow = grid.MaxRow;
        var maxCol = grid.MaxCol;
        for (var row = 1; row <= maxRow; row++)
        {
            for (var col = 1; col <= maxCol; col++)
            {
                if (col > 1)
                {
                    text.Append(delimiter);
                }

                if (grid.Cells.TryGetValue((row, col), out var cell))
                {
                    text.Append(Quote(Display(cell.Value, culture), delimiter));
                }
            }

            text.Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Display(CellValue value, CultureInfo culture) => value switch
    {
        TextValue t => t.Text,
        NumberValue { Format: { } format } n => n.Value.ToString(format, culture),
        NumberValue n => n.Value.ToString(culture),
        DateValue d => d.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    private static string Quote(string field, char delimiter) =>
        field.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
