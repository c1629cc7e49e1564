using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using ClosedXML.Excel;

namespace ReportHub.Testing.Appendix;

/// <summary>Writes a grid as xlsx (ClosedXML or hand-made SpreadsheetML), as CSV, and builds the hostile files.</summary>
public static class Writers
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static Writers() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1258 => Encoding.GetEncoding(1258);

    public static byte[] Xlsx(Report report, string sheetName, Action<IXLWorkbook, IXLWorksheet>? tweak)
    {
        var rows = report.Layout();
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        Fill(sheet, report, rows);
        tweak?.Invoke(workbook, sheet);
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    public static void Fill(IXLWorksheet sheet, Report report, List<object?[]> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is not { } value)
                {
                    continue;
                }
                var cell = sheet.Cell(report.Row + r, report.Column + c);
                if (value is string s)
                {
                    // Typed text stays text: "01" and "1.234" as the user typed them ('01).
                    cell.DataType = XLDataType.Text;
                    cell.SetValue(report.Text(s));
                    cell.DataType = XLDataType.Text;
                }
                else
                {
                    cell.SetValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                }
                cell.Style.Font.FontName = report.FontFor(value as string);
            }
        }
    }

    /// <summary>As Excel's "Save as CSV": the offset kept as blank rows and columns, CRLF line ends.</summary>
    public static byte[] Csv(Report report, Encoding? encoding, char separator, bool bom)
    {
        var rows = report.Layout();
        var width = report.Column - 1 + rows.Max(r => r.Length);
        var text = new StringBuilder();
        for (var r = 1; r < report.Row; r++)
        {
            text.Append(new string(separator, width - 1)).Append("\r\n");
        }
        foreach (var row in rows)
        {
            var fields = new string[width];
            for (var c = 0; c < width; c++)
            {
                var i = c - (report.Column - 1);
                fields[c] = i >= 0 && i < row.Length && row[i] is { } v
                    ? Quote(v is string s ? report.Text(s) : Convert.ToString(v, CultureInfo.InvariantCulture)!, separator)
                    : "";
            }
            text.Append(string.Join(separator, fields)).Append("\r\n");
        }
        var enc = encoding ?? new UTF8Encoding(false);
        byte[] preamble = bom ? enc.GetPreamble() : [];
        var body = enc.CodePage == 1258 ? Cp1258Form(text.ToString()) : text.ToString();
        return [.. preamble, .. enc.GetBytes(body)];
    }

    /// <summary>
    /// Windows-1258 holds the base letters (â, ê, ô, ơ, ư, ă, đ) precomposed and the five tones as combining marks,
    /// which is how Word and Excel write it: compose everything but the tones, then put the tones after.
    /// </summary>
    public static string Cp1258Form(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder();
        var cluster = new StringBuilder();
        var tones = new StringBuilder();
        void Flush()
        {
            result.Append(cluster.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
            cluster.Clear();
            tones.Clear();
        }
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323' ? tones : cluster).Append(c);
            }
            else
            {
                Flush();
                cluster.Append(c);
            }
        }
        Flush();
        return result.ToString();
    }

    public static Encoding StrictWindows1258 => Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static string Quote(string field, char separator) =>
        field.Contains(separator) || field.AsSpan().IndexOfAny("\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>
    /// Hand-made SpreadsheetML: text as inline strings or through the shared-string table; <paramref name="overrides"/>
    /// replaces a cell's XML by address (formulas with cached values).
    /// </summary>
    public static byte[] SpreadsheetMl(Report report, bool inlineStrings, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var rows = report.Layout();
        var shared = new List<string>();
        var sheetData = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowNumber = report.Row + r;
            sheetData.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var address = Report.A1(rowNumber, report.Column + c);
                if (overrides is not null && overrides.TryGetValue(address, out var xml))
                {
                    sheetData.Append(xml);
                    continue;
                }
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string s when inlineStrings:
                        sheetData.Append(CultureInfo.InvariantCulture, $"<c r=\"{address}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(report.Text(s))}</t></is></c>");
                        break;
                    case string s:
                        shared.Add(report.Text(s));
                        sheetData.Append(CultureInfo.InvariantCulture, $"<c r=\"{address}\" t=\"s\"><v>{shared.Count - 1}</v></c>");
                        break;
                    case var v:
                        sheetData.Append(CultureInfo.InvariantCulture, $"<c r=\"{address}\"><v>{Convert.ToString(v, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }
            sheetData.Append("</row>");
        }
        var sheet = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MainNs}" xmlns:r="{RelNs}"><sheetData>{sheetData}</sheetData></worksheet>""";
        string? sst = null;
        if (shared.Count > 0)
        {
            var items = string.Concat(shared.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"));
            sst = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MainNs}" count="{shared.Count}" uniqueCount="{shared.Count}">{items}</sst>""";
        }
        return Package(sheet, sst);
    }

    public static byte[] Package(string sheetXml, string? sharedStringsXml = null)
    {
        var contentTypes = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""";
        var rels = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""";
        var workbook = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        var workbookRels = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RelNs}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = contentTypes,
            ["_rels/.rels"] = rels,
            ["xl/workbook.xml"] = workbook,
            ["xl/_rels/workbook.xml.rels"] = workbookRels,
            ["xl/worksheets/sheet1.xml"] = sheetXml,
        };
        if (sharedStringsXml is not null)
        {
            parts["xl/sharedStrings.xml"] = sharedStringsXml;
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// A compound-file header followed by directory entries named like an encrypted OOXML package (what Excel writes
    /// for a password-protected .xlsx), as tests/ReportHub.Readers.Tests builds it.
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

    /// <summary>A plain zip with no workbook in it.</summary>
    public static byte[] ZipOf(string name, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }
        return buffer.ToArray();
    }

    private static readonly Lazy<byte[]> Bomb = new(BuildZipBomb);

    /// <summary>An xlsx whose sheet inflates to 250 MB of whitespace, from well under 1 MB; built once and cached in a temp file.</summary>
    public static byte[] ZipBomb() => Bomb.Value;

    private static byte[] BuildZipBomb()
    {
        var cache = Path.Combine(Path.GetTempPath(), "reporthub-corpus-zipbomb-250mb-v1.xlsx");
        if (File.Exists(cache))
        {
            try
            {
                return File.ReadAllBytes(cache);
            }
            catch (IOException)
            {
            }
        }
        var seed = SpreadsheetMl(Report.Seed(), inlineStrings: true);
        using var buffer = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(seed), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    var xml = new StreamReader(entry.Open()).ReadToEnd();
                    var at = xml.IndexOf("<sheetData>", StringComparison.Ordinal) + "<sheetData>".Length;
                    target.Write(Encoding.UTF8.GetBytes(xml[..at]));
                    var blanks = new byte[1024 * 1024];
                    Array.Fill(blanks, (byte)' ');
                    for (var i = 0; i < 250; i++)
                    {
                        target.Write(blanks);
                    }
                    target.Write(Encoding.UTF8.GetBytes(xml[at..]));
                }
                else
                {
                    entry.Open().CopyTo(target);
                }
            }
        }
        var bytes = buffer.ToArray();
        var temp = cache + "." + Guid.NewGuid().ToString("N");
        File.WriteAllBytes(temp, bytes);
        try
        {
            File.Move(temp, cache, overwrite: true);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }
        return bytes;
    }
}
