using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core;
using ReportHub.Readers;

namespace ReportHub.Bench;

/// <summary>Cold, whole-process comparison: each run is a fresh child process reading all files once.</summary>
internal static class ReadersScenario
{
    private static readonly string[] Variants = ["noop", "zip-xml", "ours", "edr", "ours+parse"];

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["noop"] = "(baseline) process start, list files, exit",
        ["zip-xml"] = "(a) ZipArchive + XmlReader over sheet XML",
        ["ours"] = "(b) WorkbookReaders.Open + all rows",
        ["edr"] = "(c) ExcelDataReader 3.6.0, all rows",
        ["ours+parse"] = "(d) WorkbookReaders + TemplateParser.Parse",
    };

    public static int RunParent(string dir, int runs)
    {
        var files = Directory.GetFiles(dir, "*.xlsx");
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"no .xlsx in {dir}; run `generate {dir}` first");
            return 1;
        }
        Console.WriteLine($"{files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1048576.0:0.00} MB, {runs} cold runs per variant (round-robin), nproc={Environment.ProcessorCount}, .NET {Environment.Version}");

        // One untimed pass of every variant: warms the page cache and surfaces failures early.
        foreach (var v in Variants)
        {
            var o = Child.Run("readers-one", v, dir);
            if (o.ExitCode != 0)
            {
                Console.Error.WriteLine($"{v} failed ({o.ExitCode}): {o.Stderr}");
                return 1;
            }
            Console.WriteLine($"  warm-up {v}: {string.Join(' ', o.Values.Select(kv => kv.Key + "=" + kv.Value))}");
        }

        var results = Variants.ToDictionary(v => v, _ => new List<Child.Outcome>());
        for (var i = 0; i < runs; i++)
        {
            foreach (var v in Variants)
            {
                var o = Child.Run("readers-one", v, dir);
                if (o.ExitCode != 0)
                {
                    Console.Error.WriteLine($"{v} failed ({o.ExitCode}): {o.Stderr}");
                    return 1;
                }
                results[v].Add(o);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {i + 1} {v,-11} wall={o.WallMs,7:0} ms inner={o.Values["inner_ms"],7} ms peak_ws={o.Values["peak_ws_mb"]} MB"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| variant | wall ms, median (min–max) | in-process ms, median (min–max) | peak working set MB, median (min–max) | managed heap at end MB | rows read |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var v in Variants)
        {
            var list = results[v];
            double D(Child.Outcome o, string k) => double.Parse(o.Values[k], CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Labels[v]} | {Stats.Cell(Stats.Of(list.Select(o => o.WallMs)))} | {Stats.Cell(Stats.Of(list.Select(o => D(o, "inner_ms"))))} | {Stats.Cell(Stats.Of(list.Select(o => D(o, "peak_ws_mb"))), "0.0")} | {Stats.Of(list.Select(o => D(o, "managed_mb"))).Median:0.0} | {list[0].Values.GetValueOrDefault("rows", "-")} |"));
        }
        return 0;
    }

    public static int RunChild(string variant, string dir)
    {
        var sw = Stopwatch.StartNew();
        var files = Directory.GetFiles(dir, "*.xlsx").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        long rows = 0, cells = 0, extra = 0;
        switch (variant)
        {
            case "noop":
                break;
            case "zip-xml":
                foreach (var f in files)
                {
                    using var zip = ZipFile.OpenRead(f);
                    foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                    {
                        using var s = entry.Open();
                        using var x = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
                        while (x.Read())
                        {
                            extra++; // nodes
                            if (x.NodeType == XmlNodeType.Element)
                            {
                                if (x.LocalName == "row")
                                {
                                    rows++;
                                }
                                else if (x.LocalName == "c")
                                {
                                    cells++;
                                }
                            }
                        }
                    }
                }
                break;
            case "ours":
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f);
                    using var reader = WorkbookReaders.Open(stream, Path.GetFileName(f));
                    foreach (var sheet in reader.Sheets)
                    {
                        foreach (var row in reader.ReadRows(sheet.Index))
                        {
                            rows++;
                            foreach (var cell in row.Cells)
                            {
                                cells++;
                                extra += cell.Text.Length;
                            }
                        }
                        extra += reader.MergedRanges(sheet.Index).Count;
                    }
                }
                break;
            case "edr":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f);
                    using var reader = ExcelReaderFactory.CreateReader(stream);
                    do
                    {
                        while (reader.Read())
                        {
                            rows++;
                            for (var c = 0; c < reader.FieldCount; c++)
                            {
                                if (reader.GetValue(c) is { } value)
                                {
                                    cells++;
                                    extra += value is string s ? s.Length : 1;
                                }
                            }
                        }
                    }
                    while (reader.NextResult());
                }
                break;
            case "ours+parse":
                var parser = new TemplateParser(FirstTemplate.Definition);
                var options = new ParseOptions();
                foreach (var f in files)
                {
                    using var stream = File.OpenRead(f);
                    using var reader = WorkbookReaders.Open(stream, Path.GetFileName(f));
                    var result = parser.Parse(reader, options, CancellationToken.None);
                    if (result.Report is null)
                    {
                        Console.Error.WriteLine($"{f}: no report: {string.Join("; ", result.Issues.Select(i => i.Code + " " + i.Message))}");
                        return 3;
                    }
                    rows += FirstTemplate.Rows(result.Report, "qr") + FirstTemplate.Rows(result.Report, "directives");
                    cells += result.Issues.Count; // issues, reported as cells= for this variant
                    extra += FirstTemplate.Figure(result.Report.Figures, "qrScans");
                }
                break;
            default:
                Console.Error.WriteLine($"unknown variant {variant}");
                return 2;
        }
        sw.Stop();
        Child.Report(string.Create(CultureInfo.InvariantCulture, $"variant={variant} files={files.Length} rows={rows} cells={cells} extra={extra}"), sw.Elapsed);
        return 0;
    }
}
