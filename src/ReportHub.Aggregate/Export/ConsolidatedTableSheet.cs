using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Streaming;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// One table section of any template as a sheet: every unit's rows with the columns the definition's sheet names (or
/// the section's own columns), typed as the definition says, and a total of the summed measure columns. ClosedXML
/// writes the frame and the first row as the pattern; the rows are streamed, since a round can hold tens of thousands.
/// </summary>
internal static class ConsolidatedTableSheet
{
    public const string UnitHeader = "Đơn vị báo cáo";

    private const double OrdinalWidth = 6;
    private const double UnitWidth = 30;
    private const int FirstValueColumn = 3;

    /// <summary>One column of the sheet: what it shows and how.</summary>
    private sealed record Shown(ColumnDefinition Column, string Header, CitationPart Part, double Width)
    {
        public bool IsDate => Column.Type == ColumnType.Date || (Column.Type == ColumnType.Citation && Part == CitationPart.Date);

        public bool IsNumber => Column.IsNumeric && Part == CitationPart.Text;

        public bool Centred => IsDate || (Column.Type == ColumnType.Citation && Part == CitationPart.Number);

        public string NumberFormat => Column.Type switch
        {
            ColumnType.Amount => OfficialStyle.AmountFormat,
            ColumnType.Percent => OfficialStyle.RatioFormat,
            _ => OfficialStyle.CountFormat,
        };
    }

    /// <returns>The sheet's rows to stream into the package, or null when it has none.</returns>
    public static StreamedSheet? Write(XLWorkbook workbook, ConsolidatedData data, SectionDefinition section, string sheetName)
    {
        var table = section.Table ?? throw new ArgumentException($"Section '{section.Key}' has no table.", nameof(section));
        var shown = ColumnsOf(table);
        string[] headers = ["STT", UnitHeader, .. shown.Select(c => c.Header)];
        double[] widths = [OrdinalWidth, UnitWidth, .. shown.Select(c => c.Width)];
        var title = table.Sheet?.Title ?? OfficialStyle.Clean(section.Heading).Trim().ToUpperInvariant();
        var sheet = ConsolidatedDetailSheets.StartSheet(workbook, sheetName, widths, headers, title, data);

        var rows = data.Rows.Where(r => string.Equals(r.Section, section.Key, StringComparison.Ordinal)).ToList();
        var firstRow = ConsolidatedDetailSheets.HeaderRow + 1;
        if (rows.Count > 0)
        {
            WritePattern(sheet, firstRow, rows[0].UnitName, rows[0].Values, shown);
            var centred = shown.Select((c, i) => (c, i)).Where(x => x.c.Centred).Select(x => FirstValueColumn + x.i);
            ConsolidatedDetailSheets.FinishBody(sheet, firstRow, headers.Length, centred: [1, .. centred]);
        }
        var lastDataRow = ConsolidatedDetailSheets.HeaderRow + rows.Count;
        var row = lastDataRow;

        var summed = SummedColumns(data.Template, section);
        if (summed.Count > 0 && shown.Any(c => c.IsNumber && summed.Contains(c.Column.Key)))
        {
            // The sheet's total is the sum of the rows it shows, so a reader can check it line by line.
            row++;
            var labelEnd = Math.Max(FirstValueColumn - 1, FirstValueColumn - 1 + shown.TakeWhile(c => !c.IsNumber).Count());
            var label = sheet.Range(row, 1, row, labelEnd).Merge();
            OfficialStyle.SetText(label.FirstCell(), ConsolidatedWorkbook.TotalLabel);
            label.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            for (var i = 0; i < shown.Count; i++)
            {
                if (shown[i].IsNumber && summed.Contains(shown[i].Column.Key))
                {
                    var key = shown[i].Column.Key;
                    if (Sum(rows.Select(r => r.Values.TryGetValue(key, out var v) ? v.Number : null)) is { } total)
                    {
                        OfficialStyle.SetNumber(sheet.Cell(row, FirstValueColumn + i), total, shown[i].NumberFormat);
                    }
                }
            }
            var totalRange = sheet.Range(row, 1, row, headers.Length);
            totalRange.Style.Font.Bold = true;
            OfficialStyle.Borders(totalRange);
        }
        OfficialStyle.FinishTable(sheet, ConsolidatedDetailSheets.HeaderRow, lastDataRow, headers.Length, Math.Max(row, lastDataRow));
        return rows.Count == 0 ? null : new StreamedSheet
        {
            Name = sheetName,
            FirstRow = firstRow,
            Widths = widths,
            // Each row's values are read once, while it is written, and let go.
            Rows = rows.Select((r, i) =>
            {
                var values = r.Values;
                return (BodyCell[])[BodyCell.Of(i + 1), BodyCell.Of(r.UnitName), .. shown.Select(c => Cell(c, values))];
            }),
        };
    }

    /// <summary>The definition's sheet columns, or every non-ordinal column headed as the form heads it.</summary>
    private static List<Shown> ColumnsOf(TableDefinition table)
    {
        if (table.Sheet is { Columns.Count: > 0 } sheet)
        {
            return [.. sheet.Columns
                .Where(c => table.Column(c.From) is not null)
                .Select(c => new Shown(table.Column(c.From)!, c.Header, c.Part, c.Width ?? table.Column(c.From)!.Width))];
        }
        // The ordinal is renumbered across units, so the unit's own numbering would only repeat it.
        return [.. table.Columns.Where(c => c.Type != ColumnType.Ordinal).Select(c => new Shown(c, c.Header, CitationPart.Text, c.Width))];
    }

    /// <summary>The first row as ClosedXML cells: the styles every streamed row takes, column by column.</summary>
    private static void WritePattern(IXLWorksheet sheet, int row, string unitName, IReadOnlyDictionary<string, FieldValue> first, IReadOnlyList<Shown> shown)
    {
        sheet.Cell(row, 1).SetValue(1);
        OfficialStyle.SetText(sheet.Cell(row, 2), unitName);
        for (var i = 0; i < shown.Count; i++)
        {
            var cell = sheet.Cell(row, FirstValueColumn + i);
            var value = Cell(shown[i], first);
            if (shown[i].IsDate)
            {
                cell.Style.NumberFormat.Format = OfficialStyle.DateFormat;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            }
            else if (shown[i].IsNumber)
            {
                cell.Style.NumberFormat.Format = shown[i].NumberFormat;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            }
            if (value.Text is { } text)
            {
                OfficialStyle.SetText(cell, text);
            }
            else if (value.Number is { } number)
            {
                cell.SetValue(number);
            }
        }
    }

    /// <summary>
    /// Numbers and dates as typed cells when the file gave one; everything else, and any value the reader could not
    /// type, as a string cell so that department text is never read as a formula. No value, an empty cell.
    /// </summary>
    private static BodyCell Cell(Shown shown, IReadOnlyDictionary<string, FieldValue> values)
    {
        if (!values.TryGetValue(shown.Column.Key, out var value))
        {
            return default;
        }
        var column = shown.Column;
        if (column.Type == ColumnType.Citation && shown.Part != CitationPart.Text)
        {
            Citations.TryParse(value.Text, out var citation);
            return shown.Part switch
            {
                CitationPart.Number => BodyCell.Of(citation?.Number),
                CitationPart.Symbol => BodyCell.Of(citation?.Symbol),
                _ => (value.Date ?? citation?.Date) is { } date ? BodyCell.Of(date) : default,
            };
        }
        return column.Type switch
        {
            ColumnType.Count or ColumnType.Amount or ColumnType.Percent when value.Number is { } number => BodyCell.Of(number),
            ColumnType.Date when value.Date is { } date => BodyCell.Of(date),
            ColumnType.Choice => BodyCell.Of(value.Code ?? value.Text),
            ColumnType.List when value.Items is { Count: > 0 } items => BodyCell.Of(ConsolidatedDetailSheets.ListLines(items)),
            _ => BodyCell.Of(value.Text),
        };
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
    /// Held at decimal's bounds: a total too large to hold is shown at the bound, not as a failed export. Null when no
    /// row shows a value (no rows, or an optional column nobody filled): a 0 there would be a figure nobody reported.
    /// </summary>
    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                total = Core.Measures.RoundFigures.Add(total ?? 0m, v);
            }
        }
        return total;
    }
}
