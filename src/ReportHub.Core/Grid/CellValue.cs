namespace ReportHub.Core.Grid;

public enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Date,
    Error,
}

/// <summary>
/// One cell as a reader saw it. Row and Column are 1-based. <see cref="Text"/> is what a person sees
/// (numbers in invariant form, dates as dd/MM/yyyy); <see cref="Number"/> keeps the raw value where there is one,
/// an OLE Automation serial for dates. <see cref="IsFormula"/> says the value is the one the spreadsheet program
/// cached when it last calculated a formula, not one a person typed.
/// </summary>
public readonly record struct CellValue(int Row, int Column, CellKind Kind, string Text, double? Number = null, string? Font = null, bool IsFormula = false)
{
    public string Address => A1.Format(Row, Column);

    public bool IsBlank => Kind == CellKind.Empty || string.IsNullOrWhiteSpace(Text);
}

public sealed record SheetRow(int Index, IReadOnlyList<CellValue> Cells);

public sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public static MergedRange Parse(string reference)
    {
        var parts = reference.Split(':');
        var (r1, c1) = A1.Parse(parts[0]);
        var (r2, c2) = parts.Length > 1 ? A1.Parse(parts[1]) : (r1, c1);
        return new MergedRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }
}

public sealed record SheetInfo(int Index, string Name, bool Hidden);
