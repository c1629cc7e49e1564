using System.Text;

namespace ReportHub.Warehouse.Submissions;

/// <summary>The values of each row as a fresh <c>object?[]</c>, for the paths that keep or copy rows (batched INSERTs, COPY, SqlBulkCopy).</summary>
internal sealed class ObjectRowSink(string table, IReadOnlyList<RowColumn> columns) : RowSink(table, columns)
{
    private object?[] _values = [];

    public Func<T, object?[]> Values<T>(Action<T, RowSink> fill) => row =>
    {
        _values = new object?[ColumnCount];
        StartRow();
        fill(row, this);
        EndRow();
        return _values;
    };

    protected override void SetInt64(int column, long value) => _values[column] = value;

    protected override void SetInt32(int column, int value) => _values[column] = value;

    protected override void SetText(int column, string? value) => _values[column] = value;

    protected override void SetUtf8Text(int column, ReadOnlySpan<byte> value) => _values[column] = Encoding.UTF8.GetString(value);
}
