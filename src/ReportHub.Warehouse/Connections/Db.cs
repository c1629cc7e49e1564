using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ReportHub.Warehouse.Connections;

/// <summary>Opens connections to the configured warehouse and knows its SQL dialect.</summary>
public sealed class Db
{
    private readonly WarehouseOptions _options;

    private volatile bool _walSet;

    static Db() => InstantHandler.Register();

    public Db(IOptions<WarehouseOptions> options)
        : this(options.Value)
    {
    }

    public Db(WarehouseOptions options)
    {
        _options = options;
        if (options.Provider == WarehouseProvider.Sqlite)
        {
            _options = new WarehouseOptions { Provider = options.Provider, ConnectionString = AnchorSqlite(options.ConnectionString) };
            EnsureSqliteFolder(_options.ConnectionString);
        }
    }

    public WarehouseProvider Provider => _options.Provider;

    public string Describe() => Provider switch
    {
        WarehouseProvider.Sqlite => $"Sqlite ({new SqliteConnectionStringBuilder(_options.ConnectionString).DataSource})",
        WarehouseProvider.Postgres => DescribePostgres(_options.ConnectionString),
        WarehouseProvider.SqlServer => DescribeSqlServer(_options.ConnectionString),
        _ => Provider.ToString(),
    };

    /// <summary>True when the dialect writes large row sets through its bulk path (binary COPY, SqlBulkCopy).</summary>
    public bool HasBulkPath => Provider is WarehouseProvider.Postgres or WarehouseProvider.SqlServer;

    // Never the password: Describe() goes to logs and /health.
    private static string DescribePostgres(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"Postgres ({b.Host}:{b.Port}/{b.Database})";
    }

    private static string DescribeSqlServer(string connectionString)
    {
        var b = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
        return $"SqlServer ({b.DataSource}/{b.InitialCatalog})";
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Provider switch
        {
            WarehouseProvider.Sqlite => new SqliteConnection(_options.ConnectionString),
            WarehouseProvider.Postgres => new Npgsql.NpgsqlConnection(_options.ConnectionString),
            WarehouseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnection(_options.ConnectionString),
            _ => throw new InvalidOperationException($"Unknown provider {Provider}"),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == WarehouseProvider.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                // WAL lets the API read while a worker writes; the busy timeout makes writers queue instead of failing.
                // WAL is a property of the file, so it is set once per process; the other two belong to the handle.
                pragma.CommandText = _walSet
                    ? "PRAGMA busy_timeout=15000; PRAGMA foreign_keys=ON;"
                    : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=15000; PRAGMA foreign_keys=ON;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                _walSet = true;
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The dialect's "insert and give me the new id" form.</summary>
    public string InsertReturningId(string insertColumnsAndValues, string table) => Provider switch
    {
        WarehouseProvider.SqlServer => InsertSqlServer(insertColumnsAndValues, table),
        _ => $"INSERT INTO {table} {insertColumnsAndValues} RETURNING id",
    };

    private static string InsertSqlServer(string columnsAndValues, string table)
    {
        var valuesAt = columnsAndValues.IndexOf("VALUES", StringComparison.OrdinalIgnoreCase);
        return $"INSERT INTO {table} {columnsAndValues[..valuesAt]} OUTPUT INSERTED.id {columnsAndValues[valuesAt..]}";
    }

    /// <summary>
    /// A relative SQLite path is taken from the repository's root when the program runs inside a checkout, so the CLI
    /// (run from the root) and <c>dotnet run --project src/ReportHub.Api</c> (run from the project folder) share one
    /// warehouse at <c>data/reporthub.db</c>, where the README says it is. Outside a checkout it is relative to the
    /// working directory, as usual.
    /// </summary>
    public static string AnchorSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || Path.IsPathRooted(source)
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || RepositoryRoot() is not { } root)
        {
            return connectionString;
        }
        builder.DataSource = Path.Combine(root, source);
        return builder.ToString();
    }

    /// <summary>
    /// A relative folder (the inbox, the archive) taken from the repository's root when running inside a checkout, for
    /// the same reason as <see cref="AnchorSqlite"/>: `data/` is one folder whichever directory the program starts in.
    /// </summary>
    public static string AnchorPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathRooted(path) || RepositoryRoot() is not { } root ? path : Path.Combine(root, path);
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReportHub.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
