using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Warehouse.Health;

/// <summary>
/// What <c>/health</c> asks the warehouse directly. Kept here so that every SQL string lives in the warehouse
/// project, beside the dialects it must run on.
/// </summary>
public sealed class HealthStore(Db db)
{
    /// <summary>Names the warehouse for the report (provider, host, database; never the password).</summary>
    public string Describe() => db.Describe();

    /// <summary>
    /// Opens a connection and runs the cheapest statement every dialect accepts; throws when the warehouse does not
    /// answer. The caller's token reaches the command, so a client that gives up stops the probe.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
    }
}
