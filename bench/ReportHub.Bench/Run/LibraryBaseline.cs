using System.Diagnostics;
using System.Globalization;
using System.Text;
using ExcelDataReader;
using Microsoft.Data.Sqlite;

namespace ReportHub.Bench.Run;

/// <summary>
/// What an off-the-shelf .NET stack does with the same files: ExcelDataReader reads every row, and one prepared
/// INSERT, reused, stores each non-empty row in SQLite inside a single transaction. No parsing, no checks: the
/// ceiling a plain library pipeline reaches, to set ReportHub's figures beside.
/// </summary>
internal static class LibraryBaseline
{
    private const int Columns = 8;

    public static int RunChild(string dir, string database)
    {
        var sw = Stopwatch.StartNew();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var files = Directory.GetFiles(dir, "*.xlsx").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        if (File.Exists(database))
        {
            File.Delete(database);
        }
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE cells_row (file TEXT NOT NULL, sheet INTEGER NOT NULL, line INTEGER NOT NULL, "
                + string.Join(", ", Enumerable.Range(0, Columns).Select(c => $"c{c}"))
                + ");";
            create.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO cells_row VALUES ($file, $sheet, $line, "
            + string.Join(", ", Enumerable.Range(0, Columns).Select(c => $"$c{c}")) + ")";
        var file = insert.Parameters.Add("$file", SqliteType.Text);
        var sheet = insert.Parameters.Add("$sheet", SqliteType.Integer);
        var line = insert.Parameters.Add("$line", SqliteType.Integer);
        var cells = Enumerable.Range(0, Columns).Select(c => insert.Parameters.Add($"$c{c}", SqliteType.Text)).ToArray();
        insert.Prepare();
        long rows = 0;
        foreach (var path in files)
        {
            file.Value = Path.GetFileName(path);
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheetIndex = 0;
            do
            {
                var lineNumber = 0;
                while (reader.Read())
                {
                    lineNumber++;
                    var any = false;
                    for (var c = 0; c < Columns; c++)
                    {
                        var value = c < reader.FieldCount ? reader.GetValue(c) : null;
                        any |= value is not null;
                        cells[c].Value = value ?? DBNull.Value;
                    }
                    if (!any)
                    {
                        continue;
                    }
                    sheet.Value = sheetIndex;
                    line.Value = lineNumber;
                    insert.ExecuteNonQuery();
                    rows++;
                }
                sheetIndex++;
            }
            while (reader.NextResult());
        }
        transaction.Commit();
        sw.Stop();
        Child.Report(string.Create(CultureInfo.InvariantCulture, $"variant=baseline files={files.Length} rows={rows}"), sw.Elapsed);
        return 0;
    }
}
