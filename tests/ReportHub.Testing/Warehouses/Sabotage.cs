namespace ReportHub.Testing.Warehouses;

/// <summary>
/// Makes the real warehouse refuse writes for good, the way bad data does: a trigger that raises a constraint error
/// on SQLite (SQLITE_CONSTRAINT_TRIGGER) or an invalid-byte-sequence error (SQLSTATE 22021) on PostgreSQL.
/// </summary>
public static class Sabotage
{
    public static void RefuseInserts(string connectionString, string table)
    {
        if (Warehouses.Provider == "Postgres")
        {
            using var pg = new Npgsql.NpgsqlConnection(connectionString);
            pg.Open();
            using var command = pg.CreateCommand();
            command.CommandText = $"""
                CREATE OR REPLACE FUNCTION rh_refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'test: invalid byte sequence' USING ERRCODE = '22021'; END $$;
                CREATE TRIGGER rh_refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION rh_refuse_{table}();
                """;
            command.ExecuteNonQuery();
            return;
        }
        using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        sqlite.Open();
        using var trigger = sqlite.CreateCommand();
        trigger.CommandText = $"CREATE TRIGGER rh_refuse_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'test: refused'); END;";
        trigger.ExecuteNonQuery();
    }
}
