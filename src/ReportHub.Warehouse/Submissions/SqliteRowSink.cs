using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// SQLite's bulk path: one INSERT prepared once on the connection's own handle, inside the caller's transaction, each
/// row's values bound straight from the <see cref="RowSink"/> calls, stepped and reset. A Microsoft.Data.Sqlite
/// command per row spends most of its time binding parameters by name and boxing; this stores the same values (an
/// integer as a 64-bit integer, text as UTF-8 text, null as NULL) and fails with the same <see cref="SqliteException"/>,
/// after which the caller's transaction rolls the whole file back.
/// </summary>
internal sealed class SqliteRowSink : RowSink
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[1024];

    private SqliteRowSink(sqlite3 db, sqlite3_stmt statement, string table, IReadOnlyList<RowColumn> columns)
        : base(table, columns)
    {
        _db = db;
        _statement = statement;
    }

    /// <exception cref="SqliteException">SQLite refused the statement or a row (a constraint, a full disk).</exception>
    public static void Write<T>(SqliteConnection connection, SqliteTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IEnumerable<T> rows, Action<T, RowSink> fill, CancellationToken cancellationToken)
    {
        // The raw statement runs in whatever transaction the connection has open: make sure it is the caller's.
        if (!ReferenceEquals(tx.Connection, connection))
        {
            throw new InvalidOperationException($"The transaction for {table} belongs to another connection.");
        }
        var db = connection.Handle ?? throw new InvalidOperationException($"The connection for {table} is not open.");
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using var sink = new SqliteRowSink(db, statement, table, columns);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sink.StartRow();
            fill(row, sink);
            sink.EndRow();
            sink.Step();
        }
    }

    protected override void SetInt64(int column, long value) => Check(raw.sqlite3_bind_int64(_statement, column + 1, value), _db);

    protected override void SetInt32(int column, int value) => Check(raw.sqlite3_bind_int64(_statement, column + 1, value), _db);

    protected override void SetText(int column, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, column + 1), _db);
        }
        else if (value.Length == 0)
        {
            // An empty span may carry no address, which SQLite would bind as NULL: "" goes as a terminated string.
            Check(raw.sqlite3_bind_text(_statement, column + 1, string.Empty), _db);
        }
        else
        {
            SetUtf8Text(column, Encode(value));
        }
    }

    protected override void SetUtf8Text(int column, ReadOnlySpan<byte> value) =>
        Check(raw.sqlite3_bind_text(_statement, column + 1, value), _db); // SQLite copies it (SQLITE_TRANSIENT).

    protected override void Release() => raw.sqlite3_finalize(_statement); // Its code repeats the last step's error, already thrown.

    private void Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc, _db);
            throw new InvalidOperationException($"An INSERT returned SQLite code {rc} instead of finishing.");
        }
        Check(raw.sqlite3_reset(_statement), _db);
    }

    private ReadOnlySpan<byte> Encode(string value)
    {
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > _utf8.Length)
        {
            var needed = Encoding.UTF8.GetByteCount(value);
            if (needed > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
            }
        }
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8));
    }

    /// <summary>The exception Microsoft.Data.Sqlite itself throws for the code, with SQLite's message for the connection.</summary>
    private static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);
}
