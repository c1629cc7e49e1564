using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportHub.SampleGen;
using ReportHub.SampleGen.OnlineServices;
using ReportHub.SampleGen.Reports;

// Writes the sample reports of round 2021-10 plus expected.json and README.md into the folder given, and those of
// round 2025-Q3 into its sub-folder 2025-Q3.
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
var jsonOptions = new JsonSerializerOptions
{
    WriteIndented = true,
    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
};
var json = JsonSerializer.Serialize(expected, jsonOptions);
File.WriteAllText(Path.Combine(folder, "expected.json"), json + "\n", new UTF8Encoding(false));

var readme = Readme.Build(specs);
File.WriteAllText(Path.Combine(folder, "README.md"), readme, new UTF8Encoding(false));
Console.Write(Readme.Table(specs));

// Round 2025-Q3 sits in its own folder so each round's expected.json and README describe one round.
var online = Path.Combine(folder, ServiceText.Round);
Directory.CreateDirectory(online);
var reports = Reports2025Q3.All();
foreach (var report in reports)
{
    var path = Path.Combine(online, report.File);
    switch (report.Format)
    {
        case ServiceFormat.Xlsx:
            XlsxWriter.Write(ServiceGridRenderer.Render(report), "Báo cáo", path);
            break;
        case ServiceFormat.Csv:
            CsvWriter.Write(ServiceGridRenderer.Render(report), ',', path);
            break;
        case ServiceFormat.CsvSemicolon:
            CsvWriter.Write(ServiceGridRenderer.Render(report), ';', path);
            break;
        case ServiceFormat.Docx:
            ServiceDocxWriter.Write(report, path);
            break;
    }
}

var onlineExpected = ServiceExpectationBuilder.Build(reports);
File.WriteAllText(Path.Combine(online, "expected.json"), JsonSerializer.Serialize(onlineExpected, jsonOptions) + "\n", new UTF8Encoding(false));
File.WriteAllText(Path.Combine(online, "README.md"), ServiceReadme.Build(reports, onlineExpected), new UTF8Encoding(false));
Console.Write(ServiceReadme.Table(reports, onlineExpected));
return 0;
