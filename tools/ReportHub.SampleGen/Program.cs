using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportHub.SampleGen;
using ReportHub.SampleGen.Reports;

// Writes the sample reports of round 2021-10 plus expected.json and README.md into the folder given.
// Everything is fixed data, so reruns produce the same reports and the same expectations.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ReportHub.SampleGen <output-folder>");
    return 2;
}

var folder = args[0];
Directory.CreateDirectory(folder);
var specs = Seed004.All().Concat(Departments.All()).Concat(Districts.All()).ToList();

foreach (var spec in specs)
{
    var grid = ReportLayoutEngine.Render(spec);
    var path = Path.Combine(folder, spec.File);
    switch (spec.Format)
    {
        case OutputFormat.Xlsx:
            XlsxWriter.Write(grid, "Báo cáo", path);
            break;
        case OutputFormat.Csv:
            CsvWriter.Write(grid, ',', path);
            break;
        case OutputFormat.CsvSemicolon:
            CsvWriter.Write(grid, ';', path);
            break;
    }
}

var expected = specs.Select(s => new ExpectedReport(s.File, s.Unit, "2021-10", s.DirectiveCount, s.QrCodes, s.QrScans)).ToList();
var json = JsonSerializer.Serialize(expected, new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
});
File.WriteAllText(Path.Combine(folder, "expected.json"), json + "\n", new UTF8Encoding(false));

var readme = Readme.Build(specs);
File.WriteAllText(Path.Combine(folder, "README.md"), readme, new UTF8Encoding(false));
Console.Write(Readme.Table(specs));
return 0;
