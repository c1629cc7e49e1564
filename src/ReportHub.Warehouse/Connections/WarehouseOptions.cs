namespace ReportHub.Warehouse.Connections;

public enum WarehouseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Bound from the <c>Warehouse</c> configuration section (appsettings.json, or <c>Warehouse__…</c> environment variables).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    public WarehouseProvider Provider { get; set; } = WarehouseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/reporthub.db";
}
