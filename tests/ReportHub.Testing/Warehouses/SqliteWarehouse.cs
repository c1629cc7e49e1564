using Microsoft.Data.Sqlite;

namespace ReportHub.Testing.Warehouses;

/// <summary>Direct reads of the SQLite warehouse, to see what was really stored.</summary>
public sealed class SqliteWarehouse(string connectionString)
{
    public long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string> Strings(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        }
        return result;
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public string? Status(long submissionId) =>
        Strings("SELECT status FROM submissions WHERE id = $id", ("$id", submissionId)).SingleOrDefault();

    public long RowsOf(long submissionId) =>
        Scalar("SELECT COUNT(*) FROM table_rows WHERE submission_id = $id", ("$id", submissionId));

    public void CloseRound(string code) => Execute($"UPDATE rounds SET closed = 1 WHERE code = '{code}'");
}
