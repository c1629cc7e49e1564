using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// Another writer committed first: the same accepted bytes, or a new current version of the same unit and round.
/// The caller looks again (it may now be a duplicate) and saves again.
/// </summary>
public sealed class ConcurrentSubmissionException(Exception inner)
    : Exception("Another submission was committed concurrently.", inner)
{
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
