using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Connections;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Scale.Tests.Warehouse;

/// <summary>
/// SQLite's rows go through one raw prepared statement. What it stores must be exactly what a Microsoft.Data.Sqlite
/// command with typed parameters stores (the path it replaced), and a failure halfway must leave nothing behind.
/// </summary>
public sealed class SqliteRowWriteTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string LongText = string.Concat(Enumerable.Repeat("Ủy ban nhân dân tỉnh Quảng Ngãi – điểm quét mã QR; ", 2_000));

    private static readonly string[] Texts =
    [
        "Sở Công Thương tỉnh Quảng Ngãi",
        "",
        "ghi chú\nhai dòng\r\nba dòng\ttab",
        "\"Đ\"; 'ổn định' \\ / ＡＢＣ 😷 ﻿",
        "Ho\u0300a decomposed, NFD",
        "a\0b after a NUL",
        "lone \uD800 surrogate",
        LongText,
    ];

    private static readonly long[] Numbers = [0, 1, -1, 9_000_000_000_000, long.MaxValue, long.MinValue, int.MaxValue + 1L];

    [Fact]
    public async Task EveryStoredValueIsByteIdenticalToWhatMicrosoftDataSqliteStores()
    {
        await using var wh = await (await Warehouses.CreateAsync(WarehouseProvider.Sqlite)).MigrateAsync();
        var rows = Enumerable.Range(0, Texts.Length * Numbers.Length).Select(i => Reports.Qr(
            i % 2 == 0 ? int.MaxValue - i : i,
            Texts[i % Texts.Length],
            Numbers[i % Numbers.Length],
            Numbers[(i + 3) % Numbers.Length],
            i % 5 == 0 ? null : Texts[(i + 1) % Texts.Length])).ToList();
        var report = Reports.Report(rows, directives: 4).WithRows(
            [
                .. Reports.Report(directives: 3).Directives,
                new DirectiveRow { Ordinal = 4, Content = LongText, CitationText = "", IssuingUnit = "lone \uDC00", Recipients = ["", "Chợ Đầu mối"], Cell = "" },
            ],
            rows);
        var id = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(1), "51.SCT", Reports.OnTime, report), None);

        await using var connection = (SqliteConnection)await wh.Db.OpenAsync(None);
        var reference = await CopySubmissionAsync(connection, id);
        await InsertAsync(connection, "table_rows", TableRowTypes, report.Tables.Values
            .SelectMany(t => t.Rows.Select((row, index) => new object?[] { reference, t.Section, index + 1, row.Cell, RowValuesJson.Write(row.Values) })));

        foreach (var table in new[] { "table_rows" })
        {
            var written = await StoredAsync(connection, table, id);
            var expected = await StoredAsync(connection, table, reference);
            Assert.NotEmpty(written);
            Assert.Equal(expected, written);
        }
        // The values the comparison rests on really are there: every row, texts as texts, integers as integers.
        Assert.Equal(rows.Count + 4, (await StoredAsync(connection, "table_rows", id, "seq")).Count);
        Assert.All(await StoredAsync(connection, "table_rows", id, "row_values"), v => Assert.StartsWith("text:", v, StringComparison.Ordinal));
        Assert.All(await StoredAsync(connection, "table_rows", id, "seq"), v => Assert.StartsWith("integer:", v, StringComparison.Ordinal));
        // A NUL inside a text is kept (escaped in the row's JSON), not cut off.
        Assert.Equal(rows.Count(r => r.Entity.Contains('\0', StringComparison.Ordinal)),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE submission_id = @id AND section_key = 'qr' AND length(CAST(json_extract(row_values, '$.entity.t') AS BLOB)) = @bytes",
                new { id, bytes = System.Text.Encoding.UTF8.GetByteCount(Texts.Single(t => t.Contains('\0', StringComparison.Ordinal))) }));
    }

    [Fact]
    public async Task ARowTheEngineRefusesHalfwayLeavesNoSubmissionAndNoRows()
    {
        await using var wh = await (await Warehouses.CreateAsync(WarehouseProvider.Sqlite)).MigrateAsync();
        var rows = Enumerable.Range(1, 50_000).Select(i => Reports.Qr(i, $"Điểm {i}", i, i * 10L)).ToList();
        await using var connection = (SqliteConnection)await wh.Db.OpenAsync(None);
        // The engine refuses one row in the middle of the table, as a constraint would.
        await connection.ExecuteAsync("""
            CREATE TRIGGER refuse_one_row BEFORE INSERT ON table_rows
            WHEN NEW.section_key = 'qr' AND NEW.seq = 25000 BEGIN SELECT RAISE(ABORT, 'row 25000 refused'); END
            """);

        var failure = await Assert.ThrowsAsync<SqliteException>(() =>
            wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(2), "51.SCT", Reports.OnTime, Reports.Report(rows)), None));

        // The same failure as a Microsoft.Data.Sqlite command inserting that row gives (outside any transaction).
        var direct = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO table_rows (submission_id, section_key, seq, cell, row_values) VALUES (1, 'qr', 25000, NULL, '{}')"));
        Assert.Equal(direct.Message, failure.Message);
        Assert.Equal(direct.SqliteErrorCode, failure.SqliteErrorCode);
        Assert.Equal(direct.SqliteExtendedErrorCode, failure.SqliteExtendedErrorCode);
        Assert.Contains("row 25000 refused", failure.Message, StringComparison.Ordinal);
        foreach (var table in new[] { "files", "submissions", "table_rows", "narratives", "figures", "issues" })
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        }

        // The connection and warehouse are fine afterwards: the same file is stored whole once the engine allows it.
        await connection.ExecuteAsync("DROP TRIGGER refuse_one_row");
        var id = await wh.Submissions.SaveAsync(Reports.Accepted(Reports.Bytes(2), "51.SCT", Reports.OnTime, Reports.Report(rows)), None);
        Assert.Equal(50_000, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE submission_id = @id AND section_key = 'qr'", new { id }));
        Assert.Equal(50_003, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM table_rows WHERE submission_id = @id", new { id }));
    }

    private static readonly DbType[] TableRowTypes = [DbType.Int64, DbType.String, DbType.Int32, DbType.String, DbType.String];

    /// <summary>A second submission row, so the reference rows sit in the same tables under their own id.</summary>
    private static async Task<long> CopySubmissionAsync(SqliteConnection connection, long id)
    {
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('submissions') WHERE name NOT IN ('id', 'status', 'outcome')")).ToList();
        return await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO submissions ({string.Join(", ", columns)}, status, outcome) SELECT {string.Join(", ", columns)}, 'duplicate', 'duplicate' FROM submissions WHERE id = @id RETURNING id",
            new { id });
    }

    /// <summary>What the replaced path did: one Microsoft.Data.Sqlite command per row, every parameter typed.</summary>
    private static async Task InsertAsync(SqliteConnection connection, string table, DbType[] types, IEnumerable<object?[]> rows)
    {
        var columns = (await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).ToList();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(None);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}", DbType = types[i] });
        }
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(None);
        }
        await tx.CommitAsync(None);
    }

    /// <summary>Every column but submission_id as storage class and bytes, in insertion order.</summary>
    private static async Task<List<string>> StoredAsync(SqliteConnection connection, string table, long id, string? only = null)
    {
        var columns = (await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}') WHERE name <> 'submission_id' ORDER BY cid"))
            .Where(c => only is null || c == only).ToList();
        var select = string.Join(" || '|' || ", columns.Select(c => $"typeof({c}) || ':' || coalesce(hex({c}), '')"));
        return (await connection.QueryAsync<string>($"SELECT {select} FROM {table} WHERE submission_id = @id ORDER BY rowid", new { id })).ToList();
    }
}
