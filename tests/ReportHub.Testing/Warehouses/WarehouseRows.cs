using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// Counts of stored rows on whichever provider a test runs (SQLite, PostgreSQL, SQL Server), through the warehouse's
/// own connection code: for tests that must show nothing was written, not even a duplicate or a history row.
/// </summary>
public static class WarehouseRows
{
    /// <summary>The number of rows of <paramref name="table"/> (a fixed table name from the test, never input).</summary>
    public static async Task<long> CountAsync(string provider, string connectionString, string table)
    {
        var db = new Db(new WarehouseOptions { Provider = Enum.Parse<WarehouseProvider>(provider), ConnectionString = connectionString });
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {table}"));
    }

    /// <summary>Runs a fixed statement of the test's against the app's warehouse: to plant what an older release stored.</summary>
    public static Task<int> ExecuteAsync(App.ReportHubApp app, string sql)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ExecuteAsync(app.Provider, app.ConnectionString, sql);
    }

    /// <summary>Runs a fixed statement of the test's against a warehouse of any provider.</summary>
    public static async Task<int> ExecuteAsync(string provider, string connectionString, string sql)
    {
        var db = new Db(new WarehouseOptions { Provider = Enum.Parse<WarehouseProvider>(provider), ConnectionString = connectionString });
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(new CommandDefinition(sql));
    }

    public static Task<long> CountAsync(App.ReportHubApp app, string table)
    {
        ArgumentNullException.ThrowIfNull(app);
        return CountAsync(app.Provider, app.ConnectionString, table);
    }
}
