using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Intake;

/// <summary>Digits, separators and formulas end to end: a file through <c>ingest</c> to the totals or to its refusal.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DigitsCliTests
{
    private const string Round = OnlineServicesReports.Round;

    private static AppendixBuilder Report(object received) =>
        OnlineServicesReports.For("51.STP").Rows("services", new Dictionary<string, object?>
        {
            ["entity"] = "Bộ phận một cửa điện tử",
            ["procedures"] = 10,
            ["fullOnline"] = 5,
            ["received"] = received,
            ["receivedOnline"] = 1,
            ["resolved"] = 1,
            ["resolvedOnTime"] = 1,
        });

    private static async Task<decimal> ReceivedTotal(CliWorkspace cli)
    {
        var totals = await cli.RunAsync("totals", "--round", Round, "--json");
        Assert.True(totals.ExitCode == 0, totals.ToString());
        return Assert.Single(totals.JsonLines).GetProperty("figures").GetProperty("received").GetDecimal();
    }

    private static IEnumerable<JsonElement> Issues(JsonElement result, string code) =>
        result.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task FullwidthDigitsTypedInWordAreStoredAsWritten()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var file = cli.Write("stp-q3.docx", Report("1.５４１").ToDocx());

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.True(exit == 0, string.Join('\n', results));
        Assert.Equal("accepted", Assert.Single(results).GetProperty("status").GetString());
        Assert.Equal(3000m + 1541m, await ReceivedTotal(cli));
    }

    [Fact]
    public async Task ArabicIndicDigitsInACsvAreRefusedNamingTheCell()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var builder = Report("١٥٤١");
        var file = cli.Write("stp-q3.csv", builder.ToCsv());

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.Equal(1, exit);
        var issue = Assert.Single(Issues(Assert.Single(results), "value.foreign-digits"));
        var cell = OnlineServicesReports.CellOf(builder, "١٥٤١");
        Assert.Equal(cell, issue.GetProperty("cell").GetString());
        Assert.Contains($"Ô {cell} ghi chữ số không phải chữ số Ả Rập thông thường (0–9)", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Issues(results[0], "value.implausible"));
    }

    [Fact]
    public async Task DirectionMarkInsideACountIsDroppedWithAWarning()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var builder = Report("1\u200E541");
        var file = cli.Write("stp-q3.csv", builder.ToCsv());

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.True(exit == 0, string.Join('\n', results));
        var issue = Assert.Single(Issues(Assert.Single(results), "value.invisible-dropped"));
        Assert.Equal("warning", issue.GetProperty("severity").GetString());
        Assert.Contains("U+200E", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3000m + 1541m, await ReceivedTotal(cli));
    }

    [Fact]
    public async Task CsvWithANonAsciiSepLineIsRead()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var grid = Report(1541).Grid();
        var text = new StringBuilder("sep=§\r\n");
        foreach (var row in grid)
        {
            text.AppendJoin('§', row.Select(v => Field(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }
        var file = cli.Write("stp-q3.csv", Encoding.UTF8.GetBytes(text.ToString()));

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.True(exit == 0, string.Join('\n', results));
        Assert.Equal(3000m + 1541m, await ReceivedTotal(cli));
    }

    [Fact]
    public async Task CsvLineWithAnotherSeparatorIsRefusedNamingTheLine()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var builder = Report(1541);
        var lines = Encoding.UTF8.GetString(builder.ToCsv()).Split("\r\n").ToList();
        var at = lines.FindIndex(l => l.Contains(",1541,", StringComparison.Ordinal));
        lines[at] = lines[at].Replace(',', ';');
        var file = cli.Write("stp-q3.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.Equal(1, exit);
        var issue = Assert.Single(Issues(Assert.Single(results), "csv.mixed-separators"));
        Assert.Contains($"dòng {at + 1} dùng dấu “;” trong khi các dòng khác dùng dấu “,”", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Issues(results[0], "csv.unbalanced-quote"));
    }

    [Fact]
    public async Task FormulaCellsCachedValueIsStoredWithAWarningNamingTheCell()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var builder = Report(1541);
        var file = cli.Write("stp-q3.xlsx", WithFormula(builder.ToXlsx(), 1541, "SUM(1000,541)"));

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.True(exit == 0, string.Join('\n', results));
        var issue = Assert.Single(Issues(Assert.Single(results), "value.formula-cached"));
        Assert.Equal("warning", issue.GetProperty("severity").GetString());
        var cell = issue.GetProperty("cell").GetString();
        Assert.Contains($"Ô {cell} là một công thức", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3000m + 1541m, await ReceivedTotal(cli));
    }

    [Fact]
    public async Task GroupedTwoRowHeaderInACsvIsUnderstood()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();
        var builder = Report(1541);
        var table = builder.Template.Section("services")!.Table!;
        var received = table.Column("received")!.Header;
        var online = table.Column("receivedOnline")!.Header;
        var grid = builder.Grid().Select(r => r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        var at = grid.FindIndex(r => r.Contains(received));
        var upper = grid[at].Select(h => h == received ? "Hồ sơ" : h == online ? "" : h).ToArray();
        var lower = grid[at].Select(h => h == received || h == online ? h : "").ToArray();
        grid[at] = lower;
        grid.Insert(at, upper);
        var file = cli.Write("stp-q3.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", grid.Select(r => string.Join(',', r.Select(CsvField)))) + "\r\n"));

        var (exit, results) = await cli.IngestAsync([file]);

        Assert.True(exit == 0, string.Join('\n', results));
        Assert.Empty(Issues(Assert.Single(results), "column.unknown"));
        Assert.Equal(3000m + 1541m, await ReceivedTotal(cli));
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny("§\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>The workbook with the number cell holding <paramref name="value"/> turned into a formula that Excel cached as it.</summary>
    private static byte[] WithFormula(byte[] xlsx, double value, string formula)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            // ClosedXML writes the main namespace with a prefix ("x:c"); the formula goes in with the same one.
            var pattern = new Regex($"(?<cell><(?<p>\\w+:)?c [^>]*>)(?<v><\\k<p>v>{value}</\\k<p>v>)");
            Assert.Single(pattern.Matches(xml));
            xml = pattern.Replace(xml, m => $"{m.Groups["cell"].Value}<{m.Groups["p"].Value}f>{formula}</{m.Groups["p"].Value}f>{m.Groups["v"].Value}");
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        return buffer.ToArray();
    }
}
