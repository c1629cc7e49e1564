using ClosedXML.Excel;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// One table section of any template as a sheet: every unit's rows with the section's own columns, typed as the
/// definition says, and a total of the summed measure columns.
/// </summary>
internal static class ConsolidatedTableSheet
{
    public const string UnitHeader = "Đơn vị báo cáo";

    private const double OrdinalWidth = 6;
    private const double UnitWidth = 30;
    private const int FirstValueColumn = 3;

    public static void Write(XLWorkbook workbook, ConsolidatedData data, SectionDefinition section, string sheetName)
    {
        var table = section.Table ?? throw new ArgumentException($"Section '{section.Key}' has no table.", nameof(section));
        // The ordinal is renumbered across units, so the unit's own numbering would only repeat it.
        var columns = table.Columns.Where(c => c.Type != ColumnType.Ordinal).ToList();
        string[] headers = ["STT", UnitHeader, .. columns.Select(c => c.Header)];
        double[] widths = [OrdinalWidth, UnitWidth, .. columns.Select(c => c.Width)];
        var sheet = ConsolidatedDetailSheets.StartSheet(workbook, sheetName, widths, headers, section.Heading.ToUpperInvariant(), data);

        var rows = data.Rows.Where(r => string.Equals(r.Section, section.Key, StringComparison.Ordinal)).ToList();
        var row = ConsolidatedDetailSheets.HeaderRow;
        foreach (var unitRow in rows)
        {
            row++;
            sheet.Cell(row, 1).SetValue(row - ConsolidatedDetailSheets.HeaderRow);
            OfficialStyle.SetText(sheet.Cell(row, 2), unitRow.UnitName);
            for (var i = 0; i < columns.Count; i++)
            {
                if (unitRow.Values.TryGetValue(columns[i].Key, out var value))
                {
                    SetValue(sheet.Cell(row, FirstValueColumn + i), columns[i], value);
                }
            }
            OfficialStyle.FitRowHeight(sheet, row, 1, headers.Length);
        }
        var lastDataRow = row;
        var centred = columns.Select((c, i) => (c, i)).Where(x => x.c.Type == ColumnType.Date).Select(x => FirstValueColumn + x.i);
        ConsolidatedDetailSheets.FinishBody(sheet, lastDataRow, headers.Length, centred: [1, .. centred]);

        var summed = SummedColumns(data.Template, section);
        if (summed.Count > 0)
        {
            // The sheet's total is the sum of the rows it shows, so a reader can check it line by line.
            row++;
            var label = sheet.Range(row, 1, row, FirstValueColumn - 1).Merge();
            OfficialStyle.SetText(label.FirstCell(), ConsolidatedWorkbook.TotalLabel);
            label.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            for (var i = 0; i < columns.Count; i++)
            {
                if (summed.Contains(columns[i].Key))
                {
                    var total = Sum(rows.Select(r => r.Values.TryGetValue(columns[i].Key, out var v) ? v.Number : null));
                    OfficialStyle.SetNumber(sheet.Cell(row, FirstValueColumn + i), total, NumberFormat(columns[i].Type));
                }
            }
            var totalRange = sheet.Range(row, 1, row, headers.Length);
            totalRange.Style.Font.Bold = true;
            OfficialStyle.Borders(totalRange);
        }
        OfficialStyle.FinishTable(sheet, ConsolidatedDetailSheets.HeaderRow, lastDataRow, headers.Length, row);
    }

    /// <summary>
    /// The columns a measure sums, as the total-row rule checks them: adding a column of percentages or a measure
    /// taken as a minimum would show a number nobody reported.
    /// </summary>
    public static IReadOnlySet<string> SummedColumns(TemplateDefinition template, SectionDefinition section) =>
        template.Measures
            .Where(m => m.SectionKey == section.Key && !m.CountsRows && m.Aggregate == Core.Templates.Aggregate.Sum
                && section.Table?.Column(m.ColumnKey) is { Type: ColumnType.Count or ColumnType.Amount })
            .Select(m => m.ColumnKey)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Numbers and dates as typed cells when the file gave one; everything else, and any value the reader could
    /// not type, as a string cell so that department text is never read as a formula.
    /// </summary>
    private static void SetValue(IXLCell cell, ColumnDefinition column, FieldValue value)
    {
        switch (column.Type)
        {
            case ColumnType.Count or ColumnType.Amount or ColumnType.Percent when value.Number is { } number:
                OfficialStyle.SetNumber(cell, number, NumberFormat(column.Type));
                break;
            case ColumnType.Date when value.Date is { } date:
                OfficialStyle.SetDate(cell, date.ToDateTime(TimeOnly.MinValue), OfficialStyle.DateFormat);
                break;
            case ColumnType.Choice:
                OfficialStyle.SetText(cell, value.Code ?? value.Text);
                break;
            case ColumnType.List when value.Items is { Count: > 0 } items:
                OfficialStyle.SetText(cell, ConsolidatedDetailSheets.ListLines(items));
                break;
            default:
                OfficialStyle.SetText(cell, value.Text);
                break;
        }
    }

    private static string NumberFormat(ColumnType type) => type switch
    {
        ColumnType.Amount => OfficialStyle.AmountFormat,
        ColumnType.Percent => OfficialStyle.RatioFormat,
        _ => OfficialStyle.CountFormat,
    };

    /// <summary>Held at decimal's bounds: a total too large to hold is shown at the bound, not as a failed export.</summary>
    private static decimal Sum(IEnumerable<decimal?> values)
    {
        var total = 0m;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                continue;
            }
            try
            {
                total += v;
            }
            catch (OverflowException)
            {
                total = v > 0 ? decimal.MaxValue : decimal.MinValue;
            }
        }
        return total;
    }
}
