using System.Globalization;
using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>Gives each cell of a table row the meaning its column's type says; says nothing about whether it is right.</summary>
internal static class TableTyper
{
    public static TableReading Type(SectionDefinition section, TableData data)
    {
        var keys = new ColumnKeys(section.Table!.Columns.Select(c => c.Key));
        var rows = new List<ReadRow>(data.Rows.Count);
        foreach (var row in data.Rows)
        {
            rows.Add(Row(section.Table!, keys, row));
        }
        return new(section, data.Layout, rows, data.TotalRow is { } t ? Row(section.Table!, keys, t) : null);
    }

    private static ReadRow Row(TableDefinition table, ColumnKeys keys, TableRow row)
    {
        var values = new ColumnValues<FieldValue>(keys);
        var faults = new List<ValueFault>(0);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (row[column.Key] is not { } cell)
            {
                continue;
            }
            if (Value(column, cell, faults) is { } value)
            {
                values.Set(column.Key, value);
            }
        }
        var ordinal = values.GetValueOrDefault("ordinal")?.Number is { } n ? (int)n : row.Sequence;
        var parsed = new ParsedRow { Ordinal = ordinal, Cell = row.Cells.Count > 0 ? row.FirstAddress : Grid.A1.Format(row.Row, 1), Values = values };
        return new ReadRow(parsed, row.Row, row.Cells, faults.Count == 0 ? [] : faults);
    }

    /// <summary>The typed value, or null when the cell holds nothing (a blank count such as "-" or "Không").</summary>
    private static FieldValue? Value(ColumnDefinition column, GridCell cell, List<ValueFault> faults)
    {
        var raw = cell.Kind == Grid.CellKind.Number ? cell.Number : null;
        var text = cell.Text;
        switch (column.Type)
        {
            case ColumnType.Ordinal:
                return new FieldValue
                {
                    Text = text,
                    Number = int.TryParse(DigitFolding.Fold(text).Text.Trim('.', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
                        ? ordinal : null,
                };
            case ColumnType.Count:
                return Count(column, cell, raw, faults);
            case ColumnType.Amount:
            case ColumnType.Percent:
                var parsed = VietnameseNumbers.ParseDecimal(text, raw);
                if (parsed.Status == DecimalStatus.Blank)
                {
                    return null;
                }
                if (parsed.Status == DecimalStatus.ForeignDigits)
                {
                    faults.Add(new ValueFault(column.Key, IssueCodes.ForeignDigits, cell.Address, Messages.ForeignDigits(column.Header, text, cell.Address), true));
                    return new FieldValue { Text = text };
                }
                if (parsed.Status != DecimalStatus.Ok)
                {
                    faults.Add(new ValueFault(column.Key, IssueCodes.NumberInvalid, cell.Address, Messages.NotADecimal(column.Header, text), true));
                    return new FieldValue { Text = text };
                }
                Dropped(column, cell, parsed.Dropped, faults);
                return new FieldValue { Text = text, Number = parsed.Value };
            case ColumnType.Date:
                if ((raw is { } serial && VietnameseDates.TryFromSerial(serial, out var day)) || VietnameseDates.TryParseDate(text, out day))
                {
                    return new FieldValue { Text = text, Date = day };
                }
                faults.Add(DigitFolding.HasForeignDigits(text)
                    ? new ValueFault(column.Key, IssueCodes.ForeignDigits, cell.Address, Messages.ForeignDigits(column.Header, text, cell.Address), true)
                    : new ValueFault(column.Key, IssueCodes.DateInvalid, cell.Address, Messages.NotADate(column.Header, text), true));
                return new FieldValue { Text = text };
            case ColumnType.Citation:
                if (Citations.TryParse(text, out var citation))
                {
                    return new FieldValue { Text = text, Code = citation.Reference, Date = citation.Date };
                }
                faults.Add(DigitFolding.HasForeignDigits(text)
                    ? new ValueFault(column.Key, IssueCodes.ForeignDigits, cell.Address, Messages.ForeignDigits(column.Header, text, cell.Address), true)
                    : new ValueFault(column.Key, IssueCodes.CitationInvalid, cell.Address, Messages.CitationInvalid(text), false));
                return new FieldValue { Text = text };
            case ColumnType.List:
                return new FieldValue { Text = text, Items = HeaderLines.SplitList(text) };
            case ColumnType.Choice:
                var key = MatchKey.Of(text);
                if (column.Values.FirstOrDefault(v => MatchKey.Of(v) == key) is { } choice)
                {
                    return new FieldValue { Text = text, Code = choice };
                }
                faults.Add(new ValueFault(column.Key, IssueCodes.ChoiceUnknown, cell.Address, Messages.NotAChoice(column.Header, text, column.Values), true));
                return new FieldValue { Text = text };
            case ColumnType.Unit:
                // The registry lives outside Core: Code stays null here and the pipeline resolves the name.
                return new FieldValue { Text = text };
            case ColumnType.Text:
            default:
                return new FieldValue { Text = text };
        }
    }

    private static FieldValue? Count(ColumnDefinition column, GridCell cell, double? raw, List<ValueFault> faults)
    {
        var parsed = VietnameseNumbers.ParseCount(cell.Text, raw);
        var header = column.Header;
        switch (parsed.Status)
        {
            case CountStatus.Ok:
                Dropped(column, cell, parsed.Dropped, faults);
                return new FieldValue { Text = cell.Text, Number = parsed.Value };
            case CountStatus.ForeignDigits:
                faults.Add(new ValueFault(column.Key, IssueCodes.ForeignDigits, cell.Address, Messages.ForeignDigits(header, cell.Text, cell.Address), true));
                break;
            case CountStatus.Blank:
                return null;
            case CountStatus.Negative:
                faults.Add(new ValueFault(column.Key, IssueCodes.NumberNegative, cell.Address, Messages.Negative(header, cell.Text), true));
                break;
            case CountStatus.Fractional:
                faults.Add(new ValueFault(column.Key, IssueCodes.NumberFractional, cell.Address, Messages.Fractional(header, cell.Text), true));
                break;
            case CountStatus.Implausible:
                faults.Add(new ValueFault(column.Key, IssueCodes.NumberImplausible, cell.Address, Messages.Implausible(header, cell.Text, cell.Address), true));
                break;
            default:
                faults.Add(new ValueFault(column.Key, IssueCodes.NumberInvalid, cell.Address, Messages.NotANumber(header, cell.Text), true));
                break;
        }
        return new FieldValue { Text = cell.Text };
    }

    /// <summary>A number read after dropping invisible characters is kept, with a note: the sender may not know they were there.</summary>
    private static void Dropped(ColumnDefinition column, GridCell cell, string? dropped, List<ValueFault> faults)
    {
        if (dropped is not null)
        {
            faults.Add(new ValueFault(column.Key, IssueCodes.InvisibleDropped, cell.Address,
                Messages.InvisibleDropped(column.Header, DigitFolding.Fold(cell.Text).Text, cell.Address, dropped), false));
        }
    }
}
