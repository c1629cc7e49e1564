using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using NpgsqlTypes;
using ReportHub.Core.Domain;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// The bulk path for a file with many section-2 rows: binary COPY on PostgreSQL, SqlBulkCopy on SQL Server, both inside
/// the caller's transaction, so a file is still written whole or not at all.
/// </summary>
internal static class BulkQrWriter
{
    public const string Table = "qr_rows";

    public static readonly RowColumn[] Columns =
    [
        new("submission_id", DbType.Int64), new("ordinal", DbType.Int32), new("entity", DbType.String),
        new("qr_codes", DbType.Int64), new("qr_scans", DbType.Int64), new("note", DbType.String), new("cell", DbType.String),
    ];

    public static async Task CopyAsync(NpgsqlConnection connection, long submissionId, IReadOnlyList<QrRow> rows, CancellationToken cancellationToken)
    {
        var copy = $"COPY {Table} ({string.Join(", ", Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(submissionId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Entity, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.QrCodes, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.QrScans, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(importer, row.Note, cancellationToken);
            await WriteTextAsync(importer, row.Cell, cancellationToken);
        }
        var written = await importer.CompleteAsync(cancellationToken);
        if (written != (ulong)rows.Count)
        {
            throw new InvalidOperationException($"COPY {Table} wrote {written} rows of {rows.Count}.");
        }
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    public static async Task BulkCopyAsync(SqlConnection connection, SqlTransaction tx, long submissionId, IReadOnlyList<QrRow> rows,
        CancellationToken cancellationToken)
    {
        using var table = new DataTable(Table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("submission_id", typeof(long));
        table.Columns.Add("ordinal", typeof(int));
        table.Columns.Add("entity", typeof(string));
        table.Columns.Add("qr_codes", typeof(long));
        table.Columns.Add("qr_scans", typeof(long));
        table.Columns.Add("note", typeof(string));
        table.Columns.Add("cell", typeof(string));
        foreach (var row in rows)
        {
            table.Rows.Add(submissionId, row.Ordinal, row.Entity, row.QrCodes, row.QrScans, (object?)row.Note ?? DBNull.Value, (object?)row.Cell ?? DBNull.Value);
        }
        // CheckConstraints keeps the foreign key to submissions trusted; the transaction is the file's own.
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, tx)
        {
            DestinationTableName = Table,
            BulkCopyTimeout = 300,
        };
        foreach (DataColumn column in table.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }
        await bulk.WriteToServerAsync(table, cancellationToken);
    }

    public static bool IsBulk(int rowCount) => rowCount > SubmissionStore.BulkRowThreshold;

    public static Task WriteAsync(DbConnection connection, DbTransaction tx, long submissionId, IReadOnlyList<QrRow> rows,
        CancellationToken cancellationToken) => (connection, tx) switch
    {
        (NpgsqlConnection pg, _) => CopyAsync(pg, submissionId, rows, cancellationToken),
        (SqlConnection sql, SqlTransaction sqlTx) => BulkCopyAsync(sql, sqlTx, submissionId, rows, cancellationToken),
        _ => throw new NotSupportedException($"No bulk path for {connection.GetType().Name}."),
    };
}
