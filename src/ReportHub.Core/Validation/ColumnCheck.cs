using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;

namespace ReportHub.Core.Validation;

/// <summary>What each column's definition asks of its cell: a value of its type, present when required, within bounds.</summary>
internal static class ColumnCheck
{
    public static void Check(TableReading table, ReadRow row, ParseContext context)
    {
        var columns = table.Table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var faulted = false;
            for (var f = 0; f < row.Faults.Count; f++)
            {
                var fault = row.Faults[f];
                if (fault.Column != column.Key)
                {
                    continue;
                }
                faulted = true;
                if (fault.IsError)
                {
                    context.Error(fault.Code, fault.Cell, fault.Message);
                }
                else
                {
                    context.Warning(fault.Code, fault.Cell, fault.Message);
                }
            }
            var value = row[column.Key];
            if (value is null)
            {
                // A blank is not a 0 and not a value: a figure built on it could not be signed, so the file goes back.
                // A column missing from the table is one error at its header (column.missing), not one per row.
                if (column.IsRequired && !faulted && table.Layout.ColumnOf(column.Key) is not null)
                {
                    context.Error(column.MissingCode ?? IssueCodes.ValueMissing, table.CellOf(row, column.Key),
                        column.MissingMessage ?? Messages.ValueMissing(column));
                }
                continue;
            }
            if (value.Number is { } number && (number < column.Min || number > column.Max))
            {
                context.Error(IssueCodes.OutOfRange, table.CellOf(row, column.Key), Messages.OutOfRange(column.Header, value.Text, column.Min, column.Max));
            }
        }
    }
}
