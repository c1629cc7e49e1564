using System.Data;
using System.Data.Common;
using System.Text;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Submissions;

/// <summary>A column a <see cref="RowWriter"/> fills, with its parameter type (typed even when a value is null).</summary>
internal sealed record RowColumn(string Name, DbType Type);

/// <summary>
/// Writes many rows inside the caller's transaction. SQLite, which has no round trips, takes one prepared command
/// per row; the server dialects take multi-row INSERT batches of <see cref="RowsPerStatement"/> rows.
/// Every parameter carries an explicit DbType, so a null never leaves PostgreSQL guessing a parameter's type.
/// </summary>
internal static class RowWriter
{
    /// <summary>Rows per INSERT on the server dialects: 100 rows of 10 columns stay under SQL Server's 2,100 parameters.</summary>
    public const int RowsPerStatement = 100;

    public static async Task WriteAsync<T>(WarehouseProvider provider, DbConnection connection, DbTransaction tx, string table,
        IReadOnlyList<RowColumn> columns, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (provider == WarehouseProvider.Sqlite)
        {
            await PreparedAsync(connection, tx, table, columns, rows, values, cancellationToken);
        }
        else
        {
            await BatchedAsync(connection, tx, table, columns, rows, values, cancellationToken);
        }
    }

    private static async Task PreparedAsync<T>(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = InsertSql(table, columns, 1);
        command.Transaction = tx;
        var prepared = false;
        foreach (var row in rows)
        {
            var args = values(row);
            if (!prepared)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = ParameterName(0, i);
                    p.DbType = columns[i].Type;
                    p.Value = DBNull.Value;
                    command.Parameters.Add(p);
                }
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = args[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task BatchedAsync<T>(DbConnection connection, DbTransaction tx, string table, IReadOnlyList<RowColumn> columns,
        IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        var pending = new List<object?[]>(RowsPerStatement);
        string? fullSql = null;
        foreach (var row in rows)
        {
            pending.Add(values(row));
            if (pending.Count == RowsPerStatement)
            {
                fullSql ??= InsertSql(table, columns, RowsPerStatement);
                await ExecuteAsync(connection, tx, fullSql, columns, pending, cancellationToken);
                pending.Clear();
            }
        }
        if (pending.Count > 0)
        {
            await ExecuteAsync(connection, tx, InsertSql(table, columns, pending.Count), columns, pending, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, IReadOnlyList<RowColumn> columns,
        List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var p = command.CreateParameter();
                p.ParameterName = ParameterName(r, c);
                p.DbType = columns[c].Type;
                p.Value = rows[r][c] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ParameterName(int row, int column) => $"@r{row}c{column}";

    private static string InsertSql(string table, IReadOnlyList<RowColumn> columns, int rowCount)
    {
        var sql = new StringBuilder();
        sql.Append("INSERT INTO ").Append(table).Append(" (").AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            sql.AppendJoin(", ", Enumerable.Range(0, columns.Count).Select(c => ParameterName(r, c)));
            sql.Append(')');
        }
        return sql.ToString();
    }
}
