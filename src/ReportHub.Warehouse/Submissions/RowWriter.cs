using System.Data.Common;

namespace ReportHub.Warehouse.Submissions;

/// <summary>Writes many rows through one prepared command inside the caller's transaction.</summary>
internal static class RowWriter
{
    public static async Task WriteAsync<T>(DbConnection connection, DbTransaction tx, string sql, IEnumerable<T> rows,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        var prepared = false;
        foreach (var row in rows)
        {
            var args = values(row);
            if (!prepared)
            {
                for (var i = 0; i < args.Length; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = "@p" + i;
                    command.Parameters.Add(p);
                }
                await command.PrepareAsync(cancellationToken);
                prepared = true;
            }
            for (var i = 0; i < args.Length; i++)
            {
                command.Parameters[i].Value = args[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
