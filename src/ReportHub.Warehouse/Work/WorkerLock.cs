using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Work;

/// <summary>
/// On SQLite one worker runs at a time: it holds an exclusive lock on a file beside the database
/// (<c>reporthub.db.worker-lock</c>). The operating system releases the lock when the process dies, even by kill -9.
/// A second worker says so and waits. Server warehouses need no lock: their workers coordinate through claims.
/// </summary>
public sealed class WorkerLock(IOptions<WarehouseOptions> options, ILogger<WorkerLock> logger)
{
    public const string WaitingMessage = "another worker holds the SQLite warehouse; waiting";

    /// <summary>The lock file, or null when no lock is needed (server warehouses, in-memory SQLite).</summary>
    public string? LockPath
    {
        get
        {
            if (options.Value.Provider != WarehouseProvider.Sqlite)
            {
                return null;
            }
            var builder = new SqliteConnectionStringBuilder(Db.AnchorSqlite(options.Value.ConnectionString));
            if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            {
                return null;
            }
            return Path.GetFullPath(builder.DataSource) + ".worker-lock";
        }
    }

    /// <summary>Waits until this process is the warehouse's worker. Dispose the result to let the next one in.</summary>
    public async Task<IDisposable> AcquireAsync(TimeSpan retry, CancellationToken cancellationToken)
    {
        if (LockPath is not { } path)
        {
            return new Held(null);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                stream.SetLength(0);
                var pid = System.Text.Encoding.UTF8.GetBytes($"{Environment.MachineName}:{Environment.ProcessId}\n");
                await stream.WriteAsync(pid, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                if (told)
                {
                    logger.LogInformation("The SQLite warehouse is free; this worker runs now");
                }
                return new Held(stream);
            }
            catch (IOException)
            {
                if (!told)
                {
                    logger.LogWarning("{Message} ({Lock})", WaitingMessage, path);
                    told = true;
                }
            }
            catch (UnauthorizedAccessException)
            {
                if (!told)
                {
                    logger.LogWarning("{Message} ({Lock})", WaitingMessage, path);
                    told = true;
                }
            }
            await Task.Delay(retry, cancellationToken);
        }
    }

    private sealed class Held(FileStream? stream) : IDisposable
    {
        public void Dispose() => stream?.Dispose();
    }
}
