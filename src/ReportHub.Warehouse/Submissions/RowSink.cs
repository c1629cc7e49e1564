using System.Data;
using ReportHub.Core.Domain;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// Takes one row's values in the order of the table's <see cref="RowColumn"/>s. Typed, so that SQLite binds each
/// value straight into its statement (no array, no boxing, no JSON string per row), while the server dialects get the
/// same values as an <c>object?[]</c> through <see cref="ObjectRowSink"/>. Each value is checked against its column's
/// DbType, so a values list that drifts from its columns fails on the first row instead of storing the wrong thing.
/// </summary>
internal abstract class RowSink : IDisposable
{
    private readonly string _table;
    private readonly IReadOnlyList<RowColumn> _columns;
    private RowValuesJson.Writer? _json;
    private int _next;

    protected RowSink(string table, IReadOnlyList<RowColumn> columns)
    {
        _table = table;
        _columns = columns;
    }

    protected int ColumnCount => _columns.Count;

    public RowSink Int64(long value)
    {
        SetInt64(Next(DbType.Int64), value);
        return this;
    }

    /// <summary>An Int32 column; SQLite stores it as the same 64-bit integer Microsoft.Data.Sqlite binds an int as.</summary>
    public RowSink Int32(int value)
    {
        SetInt32(Next(DbType.Int32), value);
        return this;
    }

    public RowSink Text(string? value)
    {
        SetText(Next(DbType.String), value);
        return this;
    }

    /// <summary>A text column holding <see cref="RowValuesJson"/>, written through one reused writer per sink.</summary>
    public RowSink Json(IReadOnlyDictionary<string, FieldValue> values)
    {
        var column = Next(DbType.String);
        SetUtf8Text(column, (_json ??= new RowValuesJson.Writer()).Utf8(values));
        return this;
    }

    public void Dispose()
    {
        _json?.Dispose();
        Release();
    }

    protected void StartRow() => _next = 0;

    protected void EndRow()
    {
        if (_next != _columns.Count)
        {
            throw new InvalidOperationException($"A row of {_table} was given {_next} values for {_columns.Count} columns.");
        }
    }

    protected abstract void SetInt64(int column, long value);

    protected abstract void SetInt32(int column, int value);

    protected abstract void SetText(int column, string? value);

    /// <summary>Non-empty UTF-8 text, valid only during the call.</summary>
    protected abstract void SetUtf8Text(int column, ReadOnlySpan<byte> value);

    protected virtual void Release()
    {
    }

    private int Next(DbType type)
    {
        var column = _next++;
        if (column >= _columns.Count || _columns[column].Type != type)
        {
            var expected = column < _columns.Count ? $"{_columns[column].Name} ({_columns[column].Type})" : "no column";
            throw new InvalidOperationException($"Value {column + 1} of a {_table} row is {type}; the table has {expected} there.");
        }
        return column;
    }
}
