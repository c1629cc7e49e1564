using Dapper;
using ReportHub.Warehouse.Connections;

namespace ReportHub.Testing.Warehouses;

/// <summary>
/// Writes a template's stored definition directly, as a hand edit of the warehouse or a registration made before a
/// limit existed would leave it: the only way a definition that registration refuses can reach the templates table.
/// </summary>
public static class TemplateRows
{
    private const string Update = "UPDATE templates SET definition = @Definition WHERE id = @Id AND version = @Version";

    public static async Task ReplaceDefinitionAsync(string provider, string connectionString, string id, int version, string definition)
    {
        var db = new Db(new WarehouseOptions { Provider = Enum.Parse<WarehouseProvider>(provider), ConnectionString = connectionString });
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var changed = await connection.ExecuteAsync(new CommandDefinition(Update, new { Id = id, Version = version, Definition = definition }));
        if (changed != 1)
        {
            throw new InvalidOperationException($"No stored template {id} version {version} to replace.");
        }
    }
}
