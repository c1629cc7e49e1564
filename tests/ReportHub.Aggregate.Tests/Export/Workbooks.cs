using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ClosedXML.Excel;
using ExcelDataReader;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>Reopens written workbooks three ways: ClosedXML, ExcelDataReader (what other tools see) and raw XML.</summary>
internal static class Workbooks
{
    static Workbooks() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    public static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>Each sheet as rows of values, keyed by sheet name, as ExcelDataReader reports them.</summary>
    public static Dictionary<string, List<object?[]>> Grids(byte[] bytes)
    {
        var sheets = new Dictionary<string, List<object?[]>>();
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(bytes));
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.GetValue(i);
                }
                rows.Add(values);
            }
            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }

    public static object?[] RowStartingWith(List<object?[]> grid, int column, string text) =>
        grid.Single(r => r.Length > column && r[column] is string s && s == text);

    /// <summary>Every worksheet part of the package, as XML.</summary>
    public static IReadOnlyList<XDocument> SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries
            .Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .Select(e =>
            {
                using var s = e.Open();
                return XDocument.Load(s);
            })
            .ToList();
    }

    public static IXLCell FindCell(IXLWorksheet sheet, string text) =>
        sheet.CellsUsed().Single(c => c.GetString() == text);

    public static IXLCell? FindCellOrNull(IXLWorksheet sheet, string text) =>
        sheet.CellsUsed().SingleOrDefault(c => c.GetString() == text);

    /// <summary>The cell of the row that holds <paramref name="rowText"/> (a unit code, "Tổng cộng") under the heading <paramref name="header"/>.</summary>
    public static IXLCell CellAt(IXLWorksheet sheet, string rowText, string header) =>
        FindCell(sheet, rowText).WorksheetRow().Cell(FindCell(sheet, header).Address.ColumnNumber);

    /// <summary>A CSV record's field under the key <paramref name="field"/> of the header line (no field holds a comma or quote).</summary>
    public static string CsvField(string csv, string unit, string field)
    {
        var lines = csv.Split("\r\n");
        var column = Array.IndexOf(lines[0].Split(','), field);
        Assert.True(column >= 0, $"no field {field} in {lines[0]}");
        return lines.Single(l => l.StartsWith(unit + ",", StringComparison.Ordinal)).Split(',')[column];
    }
}
