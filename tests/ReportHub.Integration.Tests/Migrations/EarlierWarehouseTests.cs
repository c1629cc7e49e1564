using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportHub.Testing.Cli;
using ReportHub.Testing.Repo;

namespace ReportHub.Integration.Tests.Migrations;

/// <summary>
/// Warehouses written by earlier releases (Fixtures/Warehouses: the first schema, 001, and schema 009) migrate to
/// today's with exactly the totals they had: the same units on time and late, the same figures per unit and in sum.
/// </summary>
public sealed class EarlierWarehouseTests
{
    public static TheoryData<string> Fixtures => new() { "schema-001.db", "schema-009.db" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task AnEarlierWarehouseMigratesWithTheSameTotals(string fixture)
    {
        using var earlier = new Earlier(fixture);
        var (workspace, connectionString) = (earlier.Workspace, earlier.ConnectionString);
        var before = UnitCounts(connectionString);
        Assert.Equal(14, before.Count);

        var init = await workspace.RunAsync("init");
        Assert.True(init.ExitCode == 0, init.ToString());
        var totals = await TotalsAsync(workspace, "2021-10");

        Assert.Equal(32, totals.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(14, totals.GetProperty("unitsReported").GetInt32());
        Assert.Equal(7, totals.GetProperty("unitsOnTime").GetInt32());
        Assert.Equal(7, totals.GetProperty("unitsLate").GetInt32());
        Assert.Equal(18, totals.GetProperty("unitsMissing").GetInt32());
        var figures = totals.GetProperty("figures");
        Assert.Equal(51m, figures.GetProperty("directives").GetDecimal());
        Assert.Equal(5840m, figures.GetProperty("qrCodes").GetDecimal());
        Assert.Equal(711091m, figures.GetProperty("qrScans").GetDecimal());
        // The first contract's top-level fields are still there, from the definition's field measures.
        Assert.Equal(51, totals.GetProperty("directives").GetInt64());
        Assert.Equal(5840, totals.GetProperty("qrCodes").GetInt64());
        Assert.Equal(711091, totals.GetProperty("qrScans").GetInt64());
        Assert.Equal(14, totals.GetProperty("coverage").GetProperty("qrScans").GetInt32());

        // Unit by unit, the figures are the counts the earlier release stored with each current report.
        Assert.Equal(before, UnitFigures(connectionString));
        Assert.Equal(0L, Scalar(connectionString, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('directives', 'qr_rows')"));
        Assert.Equal(0L, Scalar(connectionString, "SELECT COUNT(*) FROM pragma_table_info('submissions') WHERE name IN ('directives', 'qr_codes', 'qr_scans')"));
    }

    [Fact]
    public async Task TheLaterRoundOfSchema009KeepsItsRatesAndTimeliness()
    {
        using var earlier = new Earlier("schema-009.db");
        var workspace = earlier.Workspace;
        Assert.Equal(0, (await workspace.RunAsync("init")).ExitCode);

        var totals = await TotalsAsync(workspace, "2025-Q3");

        Assert.Equal((13, 7, 2, 5, 6), (totals.GetProperty("unitsExpected").GetInt32(), totals.GetProperty("unitsReported").GetInt32(),
            totals.GetProperty("unitsOnTime").GetInt32(), totals.GetProperty("unitsLate").GetInt32(), totals.GetProperty("unitsMissing").GetInt32()));
        var figures = totals.GetProperty("figures");
        Assert.Equal(24088m, figures.GetProperty("received").GetDecimal());
        Assert.Equal(11790m, figures.GetProperty("receivedOnline").GetDecimal());
        Assert.Equal(48.95m, figures.GetProperty("onlineRate").GetDecimal());
        Assert.Equal(98.49m, figures.GetProperty("onTimeRate").GetDecimal());
        // A template without field measures shows no top-level fields.
        Assert.False(totals.TryGetProperty("qrCodes", out _));
    }

    /// <summary>A copy of the fixture in a folder of its own, and a CLI workspace over it; both go when disposed.</summary>
    private sealed class Earlier : IDisposable
    {
        private readonly string _folder = RepoPaths.NewTempFolder("rh-earlier");

        public Earlier(string fixture)
        {
            var path = Path.Combine(_folder, fixture);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Warehouses", fixture), path);
            ConnectionString = $"Data Source={path};Pooling=False";
            Workspace = new CliWorkspace(provider: "Sqlite", connectionString: ConnectionString);
        }

        public string ConnectionString { get; }

        public CliWorkspace Workspace { get; }

        public void Dispose()
        {
            Workspace.Dispose();
            RepoPaths.TryDelete(_folder);
        }
    }

    private static async Task<JsonElement> TotalsAsync(CliWorkspace workspace, string round)
    {
        var run = await workspace.RunAsync("totals", "--round", round, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    /// <summary>Each current report's three counts as the release that wrote it stored them (typed columns).</summary>
    private static Dictionary<string, (long, long, long)> UnitCounts(string connectionString) =>
        Rows(connectionString, "SELECT unit_code, directives, qr_codes, qr_scans FROM submissions WHERE status = 'current' AND round_code = '2021-10'");

    /// <summary>The same, from today's figures.</summary>
    private static Dictionary<string, (long, long, long)> UnitFigures(string connectionString) =>
        Rows(connectionString, """
            SELECT s.unit_code,
                   (SELECT value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'directives'),
                   (SELECT value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'qrCodes'),
                   (SELECT value FROM figures f WHERE f.submission_id = s.id AND f.measure_key = 'qrScans')
            FROM submissions s WHERE s.status = 'current' AND s.round_code = '2021-10'
            """);

    private static Dictionary<string, (long, long, long)> Rows(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
        return rows;
    }

    private static long Scalar(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
