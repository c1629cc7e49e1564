namespace ReportHub.Core.Grid;

/// <summary>A1 cell references, 1-based.</summary>
public static class A1
{
    public static string Format(int row, int column) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> buffer = stackalloc char[8];
        var i = buffer.Length;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            buffer[--i] = (char)('A' + rem);
            column = (column - 1) / 26;
        }
        return new string(buffer[i..]);
    }

    public static (int Row, int Column) Parse(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
        }
        var row = 0;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]))
            {
                throw new FormatException($"Not an A1 reference: {reference.ToString()}");
            }
            row = checked(row * 10 + (reference[i] - '0'));
        }
        if (column == 0 || row == 0)
        {
            throw new FormatException($"Not an A1 reference: {reference.ToString()}");
        }
        return (row, column);
    }
}
