using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ReportHub.Testing.Appendix;

namespace ReportHub.Testing.Refused;

/// <summary>
/// A report saved by LibreOffice in its own format: a zip whose first entry is the uncompressed "mimetype", then
/// the manifest, content.xml, styles.xml and meta.xml. Writer (.odt) keeps the letter as paragraphs and tables;
/// Calc (.ods) keeps the grid as table rows.
/// </summary>
public static class OpenDocument
{
    private const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:0.1\" "
        + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" office:version=\"1.3\"";

    /// <summary>The report as a Writer letter: the grid's one-cell rows as paragraphs, its wider rows as a table.</summary>
    public static byte[] Text(Report report)
    {
        var body = new StringBuilder();
        var table = new StringBuilder();
        void FlushTable()
        {
            if (table.Length > 0)
            {
                body.Append("<table:table table:name=\"Bảng\"><table:table-column table:number-columns-repeated=\"5\"/>").Append(table).Append("</table:table>");
                table.Clear();
            }
        }
        foreach (var row in report.Layout())
        {
            if (row.Length <= 1)
            {
                FlushTable();
                body.Append("<text:p>").Append(Escape(row.FirstOrDefault())).Append("</text:p>");
                continue;
            }
            table.Append("<table:table-row>");
            foreach (var cell in row)
            {
                table.Append("<table:table-cell office:value-type=\"string\"><text:p>").Append(Escape(cell)).Append("</text:p></table:table-cell>");
            }
            table.Append("</table:table-row>");
        }
        FlushTable();
        return Package("application/vnd.oasis.opendocument.text", $"<office:text>{body}</office:text>");
    }

    /// <summary>The report as a Calc sheet: numbers as float cells, text as string cells.</summary>
    public static byte[] Spreadsheet(Report report)
    {
        var rows = new StringBuilder();
        foreach (var row in report.Layout())
        {
            rows.Append("<table:table-row>");
            foreach (var cell in row)
            {
                rows.Append(cell switch
                {
                    null => "<table:table-cell/>",
                    string s => $"<table:table-cell office:value-type=\"string\"><text:p>{Escape(s)}</text:p></table:table-cell>",
                    var n => string.Create(CultureInfo.InvariantCulture, $"<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"),
                });
            }
            rows.Append("</table:table-row>");
        }
        return Package("application/vnd.oasis.opendocument.spreadsheet",
            $"<office:spreadsheet><table:table table:name=\"Phụ lục\"><table:table-column table:number-columns-repeated=\"5\"/>{rows}</table:table></office:spreadsheet>");
    }

    private static string Escape(object? value) => SecurityElement.Escape(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)) ?? "";

    private static byte[] Package(string mimeType, string body)
    {
        var manifest = $"""<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {Namespaces}><manifest:file-entry manifest:full-path="/" manifest:media-type="{mimeType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>""";
        var content = $"""<?xml version="1.0" encoding="UTF-8"?><office:document-content {Namespaces}><office:body>{body}</office:body></office:document-content>""";
        var styles = $"""<?xml version="1.0" encoding="UTF-8"?><office:document-styles {Namespaces}><office:styles/></office:document-styles>""";
        var meta = $"""<?xml version="1.0" encoding="UTF-8"?><office:document-meta {Namespaces}><office:meta><meta:generator>LibreOffice/7.6.4.1$Windows_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1</meta:generator></office:meta></office:document-meta>""";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The mimetype comes first and stored, so a reader can tell the format from a fixed offset.
            Add(zip, "mimetype", mimeType, CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml", manifest, CompressionLevel.Optimal);
            Add(zip, "content.xml", content, CompressionLevel.Optimal);
            Add(zip, "styles.xml", styles, CompressionLevel.Optimal);
            Add(zip, "meta.xml", meta, CompressionLevel.Optimal);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
