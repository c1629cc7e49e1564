namespace ReportHub.Core.Grid;

/// <summary>A1 cell references, 1-based.</summary>
public static class A1
{
    // Called for a cell of every row parsed: one string, not three (letters, digits, and their concatenation).
    public static string Format(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> buffer = stackalloc char[24];
        var letters = Letters(column, buffer);
        row.TryFormat(buffer[letters..], out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
        return new string(buffer[..(letters + digits)]);
    }

    /// <summary>Writes the column's letters at the start of <paramref name="buffer"/>; returns how many.</summary>
    private static int Letters(int column, Span<char> buffer)
    {
        Span<char> reversed = stackalloc char[8];
        var n = 0;
        while (column > 0)
        {
            reversed[n++] = (char)('A' + (column - 1) % 26);
            column = (column - 1) / 26;
        }
        for (var i = 0; i < n; i++)
        {
            buffer[i] = reversed[n - 1 - i];
        }
        return n;
    }

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
