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

    /// <summary>
    /// True for a database error that a retry would meet again: the data itself is refused. PostgreSQL data
    /// exceptions (class 22: 22021 invalid byte sequence, 22001 value too long), integrity violations (class 23),
    /// program limits (class 54); SQL Server truncation (8152, 2628), constraint (547, 2627, 2601), null (515),
    /// conversion and overflow (245, 8114, 8115, 220, 232); SQLite constraint (19, triggers included), too big (18),
    /// mismatch (20), range (25). Any other database error that is not transient counts too, so that no file is
    /// retried for ever; connection trouble and cancellation never do.
    /// </summary>
    public static bool IsPermanent(Exception? exception)
    {
        if (exception is null or OperationCanceledException || IsTransient(exception) || IsConnectionLoss(exception))
        {
            return false;
        }
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The provider's own code for a log line: "PostgreSQL 22021", "SQL Server 8152", "SQLite 19/1811".</summary>
    public static string Describe(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return $"PostgreSQL {pg.SqlState}: {pg.MessageText}";
                case SqlException sql:
                    return $"SQL Server {sql.Number}: {sql.Message}";
                case SqliteException sqlite:
                    return $"SQLite {sqlite.SqliteErrorCode}/{sqlite.SqliteExtendedErrorCode}: {sqlite.Message}";
            }
        }
        return $"{exception.GetType().Name}: {exception.Message}";
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
