using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Api.Caching;

/// <summary>
/// Whether anything was committed to the warehouse since a moment, asked for a few microseconds. SQLite's
/// <c>PRAGMA data_version</c> on a connection changes whenever any other connection commits, in this process or in
/// another (the CLI, a worker). So what the API read from the warehouse (a validated key, a serialized rollup) stays
/// valid exactly until a commit, with no timer and no window in which a revoked key or an old total is still served.
/// PostgreSQL and SQL Server have no such counter: <see cref="VersionAsync"/> answers null there and callers read the
/// warehouse on every request, as before.
/// </summary>
/// <remarks>
/// One connection behind a lock made concurrent requests queue and spin on it, so each caller borrows an idle
/// connection of a small pool. Their counters are not comparable with each other, so the answer is a process-wide
/// epoch instead: a connection that sees its own counter move (or reads it for the first time) advances the epoch.
/// Any request after a commit borrows a connection whose first read after that commit advanced the epoch, either now
/// or on an earlier use, so it never gets the epoch from before the commit.
/// </remarks>
public sealed class WarehouseChanges(Db db, ILogger<WarehouseChanges> logger) : IDisposable
{
    // Requests hold a connection only for one synchronous read, so a handful covers any concurrency; beyond this
    // many a caller is told "unknown" and reads the warehouse itself, which is slower but still right.
    private const int MaxConnections = 32;

    private readonly ConcurrentBag<Watcher> _idle = [];
    private long _epoch;
    private int _connections;
    private volatile bool _disposed;

    private static readonly object RequestKey = new();

    /// <summary>
    /// The version once per request: authentication and the endpoint both ask, and a commit landing between the two
    /// leaves this request as it would be had it arrived just before the commit; the next request sees it.
    /// </summary>
    public async ValueTask<long?> VersionAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(RequestKey, out var known))
        {
            return (long?)known;
        }
        var version = await VersionAsync(cancellationToken);
        context.Items[RequestKey] = version;
        return version;
    }

    /// <summary>A number that differs from every earlier answer once anything was committed; null when unknown (then nothing may be reused).</summary>
    public async ValueTask<long?> VersionAsync(CancellationToken cancellationToken)
    {
        if (db.Provider != WarehouseProvider.Sqlite || _disposed)
        {
            return null;
        }
        if (!_idle.TryTake(out var watcher) && (watcher = await OpenAsync(cancellationToken)) is null)
        {
            return null;
        }
        long? epoch;
        try
        {
            epoch = watcher.Changed() ? Interlocked.Increment(ref _epoch) : Interlocked.Read(ref _epoch);
        }
        catch (SqliteException ex)
        {
            // A broken connection must not freeze what callers reuse: drop it and answer "unknown".
            logger.LogWarning(ex, "PRAGMA data_version failed; the connection is dropped and the warehouse read instead");
            Drop(watcher);
            return null;
        }
        if (_disposed)
        {
            Drop(watcher);
        }
        else
        {
            _idle.Add(watcher);
        }
        return epoch;
    }

    private async Task<Watcher?> OpenAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _connections) > MaxConnections)
        {
            Interlocked.Decrement(ref _connections);
            return null;
        }
        try
        {
            if (await db.OpenAsync(cancellationToken) is SqliteConnection connection)
            {
                return new Watcher(connection);
            }
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Could not open a connection for PRAGMA data_version; the warehouse is read instead");
        }
        Interlocked.Decrement(ref _connections);
        return null;
    }

    private void Drop(Watcher watcher)
    {
        watcher.Dispose();
        Interlocked.Decrement(ref _connections);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var watcher))
        {
            Drop(watcher);
        }
    }

    /// <summary>One pooled connection and the counter it last read; used by one caller at a time.</summary>
    private sealed class Watcher : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private long? _last;

        public Watcher(SqliteConnection connection)
        {
            _connection = connection;
            _command = connection.CreateCommand();
            _command.CommandText = "PRAGMA data_version";
        }

        /// <summary>True when another connection committed since this one last looked, or when it never looked.</summary>
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1849", Justification =
            "Microsoft.Data.Sqlite runs its async calls synchronously anyway; this is one read of a counter.")]
        public bool Changed()
        {
            var now = Convert.ToInt64(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            var changed = now != _last;
            _last = now;
            return changed;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
