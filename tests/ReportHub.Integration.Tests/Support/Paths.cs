namespace ReportHub.Integration.Tests.Support;

/// <summary>Locations in the checkout and per-test scratch folders.</summary>
public static class Paths
{
    private static readonly Lazy<string> RepoRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "reference", "units.csv")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("samples/reference/units.csv not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RepoRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string SampleReport(string name) => Path.Combine(Samples, "reports", name);

    public static string NewTempFolder(string prefix = "rh")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// The warehouse these tests run on: SQLite files by default; test.sh runs the suite a second time with
    /// REPORTHUB_TEST_WAREHOUSE=Postgres against the PostgreSQL cluster it started (REPORTHUB_TEST_POSTGRES).
    /// </summary>
    public static string Provider => Environment.GetEnvironmentVariable("REPORTHUB_TEST_WAREHOUSE") is { Length: > 0 } p ? p : "Sqlite";

    /// <summary>A new, empty warehouse: a SQLite file in the folder, or a new database on the PostgreSQL server.</summary>
    public static string ConnectionString(string folder) => Provider switch
    {
        "Sqlite" => $"Data Source={Path.Combine(folder, "reporthub.db")}",
        "Postgres" => NewPostgresDatabase(),
        var other => throw new InvalidOperationException($"REPORTHUB_TEST_WAREHOUSE={other} is not a provider these tests know."),
    };

    private static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("REPORTHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("REPORTHUB_TEST_WAREHOUSE=Postgres needs REPORTHUB_TEST_POSTGRES (./test.sh sets both).");
        var name = $"rh_{Guid.NewGuid():N}";
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>A copy of samples/reference (no reports) that a test may change.</summary>
    public static string CopyReference(string folder)
    {
        var samples = Path.Combine(folder, "samples");
        var reference = Path.Combine(samples, "reference");
        Directory.CreateDirectory(reference);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Samples, "reference")))
        {
            var target = Path.Combine(reference, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
        return samples;
    }
}
