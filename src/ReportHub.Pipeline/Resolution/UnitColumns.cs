using ReportHub.Core.Domain;
using ReportHub.Core.Issues;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Pipeline.Resolution;

/// <summary>
/// Gives each cell of a template's <c>unit</c> columns the registry code of the unit it names (as headers are resolved:
/// folded, aliases, "UBND"/"TP." variants), kept beside the text as written; a name the registry does not know keeps
/// its text, gets no code, and a warning at its cell with the closest registry name. Core has no registry, so this
/// runs here, after parsing and before storing. One instance per file.
/// </summary>
public sealed class UnitColumns(IReadOnlyList<Unit> units)
{
    /// <summary>Unknown names past this many are counted in one summary: a long table of one misspelt name needs one fix.</summary>
    public const int MaxWarnings = 50;

    private readonly UnitMatcher _matcher = new(units);

    // Tables repeat the same few names on many rows; each distinct text is matched once.
    private readonly Dictionary<string, Unit?> _matched = new(StringComparer.Ordinal);
    private int _unknown;

    public (ParsedReport Report, IReadOnlyList<Issue> Issues) Resolve(ParsedReport report, TemplateDefinition? template, DateOnly? on)
    {
        ArgumentNullException.ThrowIfNull(report);
        var unitColumns = template?.Sections
            .Where(s => s.Table is not null && report.Tables.ContainsKey(s.Key))
            .Select(s => (s.Key, Columns: s.Table!.Columns.Where(c => c.Type == ColumnType.Unit).ToList()))
            .Where(s => s.Columns.Count > 0)
            .ToList();
        if (unitColumns is not { Count: > 0 })
        {
            return (report, []);
        }
        var issues = new List<Issue>();
        var tables = new Dictionary<string, ParsedTable>(report.Tables, StringComparer.Ordinal);
        foreach (var (section, columns) in unitColumns)
        {
            var table = tables[section];
            var rows = new List<ParsedRow>(table.Rows.Count);
            foreach (var row in table.Rows)
            {
                rows.Add(Resolve(report.Sheet, table, row, columns, on, issues));
            }
            tables[section] = table with { Rows = rows };
        }
        if (_unknown > MaxWarnings)
        {
            issues.Add(Issue.Warning(IssueCodes.UnitUnknownName,
                $"Và {_unknown - MaxWarnings} ô tên đơn vị khác không khớp danh mục, không được liệt kê để danh sách không quá dài. "
                + "Thường đó là cùng một tên viết sai lặp lại ở nhiều dòng: hãy sửa các ô đã nêu rồi gửi lại để xem phần còn lại.", report.Sheet));
        }
        return (report with { Tables = tables }, issues);
    }

    private ParsedRow Resolve(string sheet, ParsedTable table, ParsedRow row, IReadOnlyList<ColumnDefinition> columns, DateOnly? on, List<Issue> issues)
    {
        Dictionary<string, FieldValue>? changed = null;
        foreach (var column in columns)
        {
            if (!row.Values.TryGetValue(column.Key, out var value) || string.IsNullOrWhiteSpace(value.Text))
            {
                continue;
            }
            if (!_matched.TryGetValue(value.Text, out var unit))
            {
                unit = _matcher.MatchName(value.Text, null, on);
                _matched[value.Text] = unit;
            }
            if (unit is not null)
            {
                changed ??= new Dictionary<string, FieldValue>(row.Values, StringComparer.Ordinal);
                changed[column.Key] = value with { Code = unit.Code };
                continue;
            }
            if (++_unknown <= MaxWarnings)
            {
                issues.Add(Issue.Warning(IssueCodes.UnitUnknownName, UnknownMessage(column, value.Text, on), sheet, CellOf(table, row, column.Key)));
            }
        }
        // The copy is filled from the row's values in their order and only replaces values, so it keeps the column order.
        return changed is null ? row : row with { Values = changed };
    }

    private string UnknownMessage(ColumnDefinition column, string text, DateOnly? on)
    {
        var message = $"“{text.Trim()}” ở cột “{column.Header}” không khớp tên đơn vị nào trong danh mục nên chưa được gắn mã đơn vị.";
        if (Closest(text, on) is { } suggestion)
        {
            message += $" Có phải là “{suggestion.Name}” (mã {suggestion.Code})? Hãy ghi đúng tên đơn vị như trong danh mục (có thể viết không dấu hoặc tên viết tắt đã đăng ký) rồi gửi lại nếu cần.";
        }
        return message;
    }

    /// <summary>The registry name (or alias) nearest to the text by edit distance of their folded forms; units that exist on the day first.</summary>
    private Unit? Closest(string text, DateOnly? on)
    {
        var folded = VietnameseText.Fold(text);
        var pool = on is { } day && units.Any(u => u.IsActiveOn(day)) ? units.Where(u => u.IsActiveOn(day)) : units;
        Unit? best = null;
        var bestDistance = int.MaxValue;
        foreach (var unit in pool)
        {
            foreach (var name in unit.Aliases.Prepend(unit.Name))
            {
                var distance = Distance(folded, VietnameseText.Fold(name));
                if (distance < bestDistance)
                {
                    best = unit;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The column's cell in the row: the column the layout found, in the sheet row the row starts on.</summary>
    private static string? CellOf(ParsedTable table, ParsedRow row, string key)
    {
        var digits = row.Cell.Length;
        while (digits > 0 && char.IsAsciiDigit(row.Cell[digits - 1]))
        {
            digits--;
        }
        return table.Columns.TryGetValue(key, out var column) && int.TryParse(row.Cell.AsSpan(digits), out var sheetRow)
            ? Core.Grid.A1.Format(sheetRow, column)
            : row.Cell;
    }
}
