using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReportHub.Warehouse.Resilience;

/// <summary>Which warehouse errors are worth retrying: the ones that a moment later may not happen again.</summary>
public static class TransientErrors
{
    // SQL Server and Azure SQL: timeout, connection failures, deadlock victim, database unavailable, throttling.
    private static readonly HashSet<int> SqlServerNumbers = [-2, 20, 64, 233, 1205, 4060, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];

    public static bool IsTransient(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return IsTransientSqlState(pg.SqlState) || pg.IsTransient;
                case NpgsqlException npgsql:
                    // Connection refused/reset, server gone mid-command: Npgsql marks these transient.
                    if (npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException)
                    {
                        return true;
                    }
                    break;
                case SqlException sql:
                    foreach (SqlError error in sql.Errors)
                    {
                        if (SqlServerNumbers.Contains(error.Number))
                        {
                            return true;
                        }
                    }
                    return SqlServerNumbers.Contains(sql.Number);
                case SqliteException sqlite:
                    // SQLITE_BUSY, SQLITE_LOCKED.
                    return sqlite.SqliteErrorCode is 5 or 6;
                case SocketException:
                case TimeoutException:
                    return true;
                case DbException db when db.IsTransient:
                    return true;
            }
        }
        return false;
    }

    /// <summary>True for errors after which a pooled connection is likely dead, so the pools are worth clearing.</summary>
    public static bool IsConnectionLoss(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case NpgsqlException:
                case SocketException:
                case IOException:
                    return true;
                case SqlException sql:
                    return sql.Number is 20 or 64 or 233 or 10053 or 10054 or 10060 or -2;
            }
        }
        return false;
    }

    private static bool IsTransientSqlState(string state) =>
        state is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300" or "55P03"
        || state.StartsWith("08", StringComparison.Ordinal);
}
