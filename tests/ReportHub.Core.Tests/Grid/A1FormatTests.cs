using ReportHub.Core.Grid;

namespace ReportHub.Core.Tests.Grid;

public sealed class A1FormatTests
{
    [Theory]
    [InlineData(1, 1, "A1")]
    [InlineData(100000, 26, "Z100000")]
    [InlineData(7, 27, "AA7")]
    [InlineData(1048576, 16384, "XFD1048576")]
    [InlineData(int.MaxValue, int.MaxValue, "FXSHRXW2147483647")]
    public void FormatWritesColumnLettersThenRowDigits(int row, int column, string expected)
    {
        Assert.Equal(expected, A1.Format(row, column));
        Assert.Equal(A1.ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture), A1.Format(row, column));
    }

    [Fact]
    public void FormatRefusesColumnZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => A1.Format(1, 0));
    }
}
