using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using ReportHub.Core.Issues;
using ReportHub.Readers;

namespace ReportHub.Bench;

/// <summary>
/// A ~1.5 GiB-inflated sheet in a small .xlsx, streamed through DeflateStream (SmallestSize) so the builder never
/// holds it in memory. Variants: honest sizes, and copies whose local header + central directory declare a small
/// uncompressed size for the sheet part.
/// </summary>
internal static class ZipBombScenario
{
    public const long TargetInflated = 1536L * 1024 * 1024; // 1.5 GiB
    private const int CellsPerRow = 10_000;

    private static string HonestPath => Path.Combine(Paths.WorkDir, "zipbomb-1.5g.xlsx");

    /// <summary>(file name, declared uncompressed size of xl/worksheets/sheet1.xml).</summary>
    private static readonly (string Name, long Declared, string Label)[] Lies =
    [
        ("zipbomb-lie-900k.xlsx", 900_000, "declares 900 KB (< the 1 MB ratio floor)"),
        ("zipbomb-lie-150m.xlsx", 150L * 1024 * 1024, "declares 150 MiB (ratio ~100, under both declared-size checks)"),
    ];

    public static int RunParent(int runs)
    {
        Directory.CreateDirectory(Paths.WorkDir);
        if (!File.Exists(HonestPath))
        {
            var sw = Stopwatch.StartNew();
            Build(HonestPath);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {HonestPath} in {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        var (compressed, inflated) = SheetSizes(HonestPath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{HonestPath}: file {new FileInfo(HonestPath).Length / 1048576.0:0.00} MB, sheet1.xml {compressed / 1048576.0:0.00} MB compressed -> {inflated / 1048576.0:0.0} MB declared (ratio {inflated / (double)compressed:0})"));

        var cases = new List<(string Path, string Label)> { (HonestPath, "honest sizes (1.5 GiB declared)") };
        foreach (var (name, declared, label) in Lies)
        {
            var path = Path.Combine(Paths.WorkDir, name);
            if (!File.Exists(path))
            {
                File.Copy(HonestPath, path);
                PatchDeclaredSize(path, "xl/worksheets/sheet1.xml", declared);
            }
            cases.Add((path, label));
        }

        Console.WriteLine($"| variant | outcome | rows read | wall ms, median (min–max) | in-process ms, median (min–max) | peak working set MB, median (min–max) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var (path, label) in cases)
        {
            var outcomes = new List<Child.Outcome>();
            for (var i = 0; i < runs; i++)
            {
                var o = Child.Run("zipbomb-one", path);
                if (!o.Values.ContainsKey("inner_ms"))
                {
                    Console.Error.WriteLine($"{label}: child failed ({o.ExitCode}): {o.Stderr}");
                    return 1;
                }
                outcomes.Add(o);
            }
            double D(Child.Outcome o, string k) => double.Parse(o.Values[k], CultureInfo.InvariantCulture);
            var codes = string.Join(", ", outcomes.Select(o => o.Values["outcome"]).Distinct());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {codes} | {outcomes[0].Values["rows"]} | {Stats.Cell(Stats.Of(outcomes.Select(o => o.WallMs)))} | {Stats.Cell(Stats.Of(outcomes.Select(o => D(o, "inner_ms"))))} | {Stats.Cell(Stats.Of(outcomes.Select(o => D(o, "peak_ws_mb"))), "0.0")} |"));
        }
        return 0;
    }

    public static int RunChild(string path)
    {
        var sw = Stopwatch.StartNew();
        long rows = 0;
        string outcome;
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = WorkbookReaders.Open(stream, Path.GetFileName(path));
            foreach (var sheet in reader.Sheets)
            {
                foreach (var row in reader.ReadRows(sheet.Index))
                {
                    rows++;
                }
            }
            outcome = "read-to-end(not-refused)";
        }
        catch (FileRejectedException e)
        {
            outcome = "FileRejectedException:" + e.Code;
        }
        catch (Exception e)
        {
            outcome = "UNEXPECTED:" + e.GetType().Name;
            Console.Error.WriteLine(e);
        }
        sw.Stop();
        Child.Report(string.Create(CultureInfo.InvariantCulture, $"outcome={outcome} rows={rows}"), sw.Elapsed);
        return 0;
    }

    private static void Build(string path)
    {
        var tmp = path + ".partial";
        using (var file = new FileStream(tmp, FileMode.Create, FileAccess.ReadWrite))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            void Small(string name, string xml)
            {
                var e = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var s = e.Open();
                s.Write(Encoding.UTF8.GetBytes(xml));
            }

            Small("[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Small("_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Small("xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Báo cáo" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Small("xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");

            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var s = sheet.Open();
            var head = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            var tail = Encoding.UTF8.GetBytes("</sheetData></worksheet>");
            var cells = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<c><v>1</v></c>", CellsPerRow)) + "</row>");
            s.Write(head);
            long written = head.Length;
            var r = 1;
            while (written + tail.Length < TargetInflated)
            {
                var open = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{r++}\">"));
                s.Write(open);
                s.Write(cells);
                written += open.Length + cells.Length;
            }
            s.Write(tail);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static (long Compressed, long Uncompressed) SheetSizes(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var e = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("no sheet1");
        return (e.CompressedLength, e.Length);
    }

    /// <summary>Rewrites the uncompressed-size field of one entry in both its local header and the central directory.</summary>
    private static void PatchDeclaredSize(string path, string entryName, long declared)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var tailLength = (int)Math.Min(f.Length, 65_557);
        var tail = new byte[tailLength];
        f.Seek(-tailLength, SeekOrigin.End);
        f.ReadExactly(tail);
        var eocd = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (eocd < 0)
        {
            throw new InvalidDataException("no end of central directory");
        }
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(eocd + 10));
        var cdSize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 12));
        var cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 16));
        var cd = new byte[cdSize];
        f.Seek(cdOffset, SeekOrigin.Begin);
        f.ReadExactly(cd);
        var p = 0;
        for (var i = 0; i < count; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(cd.AsSpan(p)) != 0x02014b50)
            {
                throw new InvalidDataException("bad central directory");
            }
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(cd.AsSpan(p + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(cd.AsSpan(p + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(cd.AsSpan(p + 32));
            var localOffset = BinaryPrimitives.ReadUInt32LittleEndian(cd.AsSpan(p + 42));
            var name = Encoding.UTF8.GetString(cd, p + 46, nameLength);
            if (name == entryName)
            {
                var size = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(size, checked((uint)declared));
                f.Seek(cdOffset + p + 24, SeekOrigin.Begin);
                f.Write(size);
                f.Seek(localOffset + 22, SeekOrigin.Begin);
                f.Write(size);
                return;
            }
            p += 46 + nameLength + extraLength + commentLength;
        }
        throw new InvalidDataException($"{entryName} not found");
    }
}
