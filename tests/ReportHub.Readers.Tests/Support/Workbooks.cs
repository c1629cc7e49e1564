using System.IO.Compression;
using System.Text;
using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Readers.Common;

namespace ReportHub.Readers.Tests.Support;

/// <summary>Opening helpers and hand-written SpreadsheetML packages for cases ClosedXML cannot produce.</summary>
internal static class Workbooks
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static IWorkbookReader Open(byte[] bytes, string fileName = "bao-cao.xlsx", ReaderLimits? limits = null) =>
        WorkbookReaders.Open(new MemoryStream(bytes), fileName, limits);

    public static List<SheetRow> ReadAll(byte[] bytes, int sheet = 0, string fileName = "bao-cao.xlsx", ReaderLimits? limits = null)
    {
        using var reader = Open(bytes, fileName, limits);
        return [.. reader.ReadRows(sheet)];
    }

    public static CellValue Cell(this IEnumerable<SheetRow> rows, string address)
    {
        var (row, column) = A1.Parse(address);
        return rows.Single(r => r.Index == row).Cells.Single(c => c.Column == column);
    }

    public static FileRejectedException Rejected(Action action) => Assert.Throws<FileRejectedException>(action);

    /// <summary>Opens and reads everything, the way the pipeline would.</summary>
    public static void Consume(byte[] bytes, string fileName = "bao-cao.xlsx", ReaderLimits? limits = null)
    {
        using var reader = Open(bytes, fileName, limits);
        for (var i = 0; i < reader.Sheets.Count; i++)
        {
            foreach (var _ in reader.ReadRows(i))
            {
            }
            _ = reader.MergedRanges(i);
        }
    }

    /// <summary>A minimal package: one sheet with the given sheetData inner XML, optional shared strings and styles.</summary>
    public static byte[] Package(string sheetXml, string? sharedStringsXml = null, string? stylesXml = null,
        string? workbookXml = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""",
            ["_rels/.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = workbookXml ?? $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelNs}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>""",
            ["xl/worksheets/sheet1.xml"] = sheetXml,
        };
        if (sharedStringsXml is not null)
        {
            parts["xl/sharedStrings.xml"] = sharedStringsXml;
        }
        if (stylesXml is not null)
        {
            parts["xl/styles.xml"] = stylesXml;
        }
        return Zip(parts, level);
    }

    public static string Sheet(string sheetData, string extra = "") =>
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MainNs}"><sheetData>{sheetData}</sheetData>{extra}</worksheet>""";

    public static byte[] Zip(IReadOnlyDictionary<string, string> parts, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// A compound-file header followed by directory entries with these stream names: enough for the sniffer to tell an
    /// encrypted OOXML package, a Word 97–2003 document or an .xls apart. LibreOffice 7.4 cannot write a
    /// password-protected file from the command line, so this stands in for Excel's and Word's output.
    /// </summary>
    public static byte[] CompoundFile(params string[] streamNames)
    {
        var bytes = new byte[2048];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(bytes, 0);
        for (var i = 0; i < streamNames.Length; i++)
        {
            Encoding.Unicode.GetBytes(streamNames[i]).CopyTo(bytes, 512 + i * 128);
        }
        return bytes;
    }
}
