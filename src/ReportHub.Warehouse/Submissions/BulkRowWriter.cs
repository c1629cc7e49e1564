using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using NpgsqlTypes;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// The bulk path for a file with many rows (qr_rows, table_rows): binary COPY on PostgreSQL, SqlBulkCopy on SQL
/// Server, both inside the caller's transaction, so a file is still written whole or not at all. The columns are
/// the same <see cref="RowColumn"/>s the <see cref="RowWriter"/> fills, so both paths write the same values.
/// </summary>
internal static class BulkRowWriter
{
    public static bool IsBulk(int rowCount) => rowCount > SubmissionStore.BulkRowThreshold;

    public static Task WriteAsync<T>(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken) => (connection, tx) switch
    {
        (NpgsqlConnection pg, _) => CopyAsync(pg, table, columns, rows, values, cancellationToken),
        (SqlConnection sql, SqlTransaction sqlTx) => BulkCopyAsync(sql, sqlTx, table, columns, rows, values, cancellationToken),
        _ => throw new NotSupportedException($"No bulk path for {connection.GetType().Name}."),
    };

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, IReadOnlyList<RowColumn> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        var types = columns.Select(c => PostgresType(c.Type)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            var args = values(row);
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < types.Length; i++)
            {
                if (args[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(args[i], types[i], cancellationToken);
                }
            }
        }
        var written = await importer.CompleteAsync(cancellationToken);
        if (written != (ulong)rows.Count)
        {
            throw new InvalidOperationException($"COPY {table} wrote {written} rows of {rows.Count}.");
        }
    }

    private static async Task BulkCopyAsync<T>(SqlConnection connection, SqlTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        using var data = new DataTable(table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            data.Columns.Add(column.Name, ClrType(column.Type));
        }
        foreach (var row in rows)
        {
            data.Rows.Add(values(row).Select(v => v ?? DBNull.Value).ToArray());
        }
        // CheckConstraints keeps the foreign key to submissions trusted; the transaction is the file's own.
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, tx)
        {
            DestinationTableName = table,
            BulkCopyTimeout = 300,
        };
        foreach (DataColumn column in data.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }
        await bulk.WriteToServerAsync(data, cancellationToken);
    }

    private static NpgsqlDbType PostgresType(DbType type) => type switch
    {
        DbType.Int64 => NpgsqlDbType.Bigint,
        DbType.Int32 => NpgsqlDbType.Integer,
        DbType.Decimal => NpgsqlDbType.Numeric,
        DbType.String => NpgsqlDbType.Text,
        _ => throw new NotSupportedException($"No COPY type for {type}."),
    };

    private static Type ClrType(DbType type) => type switch
    {
        DbType.Int64 => typeof(long),
        DbType.Int32 => typeof(int),
        DbType.Decimal => typeof(decimal),
        DbType.String => typeof(string),
        _ => throw new NotSupportedException($"No bulk-copy type for {type}."),
    };
}
