using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Validation;

/// <summary>No two rows with the same values in the rule's columns: a repeated row is counted twice in every sum.</summary>
internal sealed class UniqueRule(RuleDefinition rule) : RowRule(rule)
{
    // The first row of each key: its cell's address is only formatted when a later row repeats it.
    // Letter case never makes two rows different; comparing without case spares a lowered copy of every name.
    private readonly Dictionary<string, ReadRow> _seen = new(StringComparer.OrdinalIgnoreCase);

    public override void Check(TableReading table, ReadRow row, ParseContext context)
    {
        var columns = Rule.Columns;
        var parts = new string[columns.Count];
        var any = false;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Key(table.Table.Column(columns[i])?.Type, row[columns[i]]);
            any |= parts[i].Length > 0;
        }
        if (!any)
        {
            return;
        }
        var first = columns[0];
        var key = parts.Length == 1 ? parts[0] : string.Join("|", parts);
        if (_seen.TryAdd(key, row))
        {
            return;
        }
        var cell = row.AddressOf(first) ?? row.Row.Cell;
        var firstCell = _seen[key].AddressOf(first) ?? _seen[key].Row.Cell;
        Report(context, IssueCodes.RuleUnique, cell,
            Message(Messages.DuplicateRow(firstCell), ("row", Label(table, row)), ("value", row[first]?.Text ?? ""), ("first", firstCell)));
    }

    // Tones matter in names ("Xã Bình Thanh" and "Xã Bình Thạnh" are two communes of Bình Sơn); a citation is the
    // same document however its punctuation was typed.
    private static string Key(ColumnType? type, Domain.FieldValue? value) => value is null ? ""
        : type == ColumnType.Citation ? MatchKey.Of(value.Code ?? value.Text)
        : value.Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : value.Code ?? VietnameseText.Clean(value.Text);
}
