using Microsoft.Data.Sqlite;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Api.Infrastructure;

/// <summary>
/// Whether anything was committed to the warehouse since a moment, asked for a few microseconds. SQLite's
/// <c>PRAGMA data_version</c>, asked on one connection kept open for it, changes whenever any other connection commits,
/// in this process or in another (the CLI, a worker). So what the API read from the warehouse (a validated key, a
/// serialized rollup) stays valid exactly until the version moves, with no timer and no window in which a revoked key
/// or an old total is still served. PostgreSQL and SQL Server have no such counter: <see cref="VersionAsync"/> answers
/// null there and callers read the warehouse on every request, as before.
/// </summary>
public sealed class WarehouseChanges(Db db, ILogger<WarehouseChanges> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _opening = new(1, 1);
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private bool _disposed;

    /// <summary>The warehouse's change counter now; null when the warehouse cannot tell (then nothing may be reused).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1849", Justification =
        "Microsoft.Data.Sqlite runs its async calls synchronously anyway; the lock keeps the one connection to one caller and cannot span an await.")]
    public async ValueTask<long?> VersionAsync(CancellationToken cancellationToken)
    {
        if (db.Provider != WarehouseProvider.Sqlite)
        {
            return null;
        }
        var command = _command ?? await OpenAsync(cancellationToken);
        if (command is null)
        {
            return null;
        }
        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(command, _command))
            {
                return null;
            }
            try
            {
                // One connection serves every request, so the counter is compared on the connection that read it.
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex)
            {
                // A broken connection must not freeze the cached answers: drop it, answer "unknown", reopen next time.
                logger.LogWarning(ex, "PRAGMA data_version failed; reading the warehouse until the connection is reopened");
                Close();
                return null;
            }
        }
    }

    private async Task<SqliteCommand?> OpenAsync(CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_command is { } opened)
            {
                return opened;
            }
            if (await db.OpenAsync(cancellationToken) is not SqliteConnection connection)
            {
                return null;
            }
            var command = connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            lock (_gate)
            {
                if (_disposed)
                {
                    command.Dispose();
                    connection.Dispose();
                    return null;
                }
                _connection = connection;
                _command = command;
                return command;
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Close();
        }
        _opening.Dispose();
    }
}
