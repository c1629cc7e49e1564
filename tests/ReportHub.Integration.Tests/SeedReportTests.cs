using System.Net;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;
using ReportHub.Core;
using ReportHub.Integration.Tests.Support;
using ReportHub.Readers;

namespace ReportHub.Integration.Tests;

public sealed class SeedReportTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(30, 9)]
    public async Task SeedReportTypedByHandIngestsAtAnyOffset(int row, int column)
    {
        using var app = new ReportHubApp(loadSamples: true, environment: "Production");
        var bytes = new ReportBuilder { Row = row, Column = column }.ToXlsx();

        var response = await app.UploadAsync(bytes, "sct-2162.xlsx");
        var body = await ReportHubApp.ReadJsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal("51.SCT", body.GetProperty("unit").GetString());
        Assert.Equal("2021-10", body.GetProperty("round").GetString());
        Assert.Equal(3, body.GetProperty("directives").GetInt64());
        Assert.Equal(1, body.GetProperty("qrCodes").GetInt64());
        Assert.Equal(541, body.GetProperty("qrScans").GetInt64());
        var id = body.GetProperty("submissionId").GetInt64();
        Assert.Equal($"/api/submissions/{id}", response.Headers.Location?.OriginalString);

        var stored = await app.GetJsonAsync($"/api/submissions/{id}");
        Assert.Equal(id, stored.GetProperty("id").GetInt64());
        Assert.Equal("51.SCT", stored.GetProperty("unit").GetString());
        Assert.Equal("2021-10", stored.GetProperty("round").GetString());
        Assert.Equal(541, stored.GetProperty("qrScans").GetInt64());
        Assert.Equal("accepted", stored.GetProperty("outcome").GetString());

        var file = await app.CreateClient().GetAsync($"/api/submissions/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(bytes, await file.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(7, 3, false)]
    [InlineData(30, 9, true)]
    [InlineData(4, 2, true)]
    public void SeedDirectivesParseToNumbersSymbolsDatesAndSplitRecipients(int row, int column, bool csv)
    {
        var builder = new ReportBuilder { Row = row, Column = column };
        var bytes = csv ? builder.ToCsv() : builder.ToXlsx();
        using var stream = new MemoryStream(bytes);
        using var reader = WorkbookReaders.Open(stream, csv ? "seed.csv" : "seed.xlsx");

        var result = new TemplateParser(FirstTemplateView.Definition).Parse(reader, new ParseOptions { Today = new DateOnly(2021, 10, 28) });

        Assert.False(result.HasErrors, string.Join("; ", result.Issues.Select(i => $"{i.Code} {i.Cell} {i.Message}")));
        var report = result.Report!;
        Assert.Equal(3, report.Directives.Count);
        (string Number, string Symbol, DateOnly Date)[] expected =
        [
            ("780", "SCT-VP", new DateOnly(2021, 5, 7)),
            ("1532", "SCT-QLTM", new DateOnly(2021, 8, 9)),
            ("1711", "TB-SCT", new DateOnly(2021, 8, 30)),
        ];
        for (var i = 0; i < 3; i++)
        {
            var citation = report.Directives[i].Citation;
            Assert.NotNull(citation);
            Assert.Equal(expected[i].Number, citation.Number);
            Assert.Equal(expected[i].Symbol, citation.Symbol);
            Assert.Equal(expected[i].Date, citation.Date);
            Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", report.Directives[i].IssuingUnit);
            // A stored row points at where it starts: the row of its content cell.
            Assert.Equal(RowOf(builder.Cells[$"dir.{i}.content"]), RowOf(report.Directives[i].Cell.Split('!')[^1]));
        }
        Assert.Single(report.Directives[0].Recipients);
        Assert.Equal(3, report.Directives[1].Recipients.Count);
        Assert.StartsWith("UBND các huyện", report.Directives[1].Recipients[0].TrimStart('-', ' '));
        Assert.Contains("Chợ Đầu mối Nông sản Quảng Ngãi", report.Directives[1].Recipients[1]);
        Assert.Equal(2, report.Directives[2].Recipients.Count);

        var qr = Assert.Single(report.QrRows);
        Assert.Equal("Sở Công Thương tỉnh Quảng Ngãi", qr.Entity);
        Assert.Equal(1, qr.QrCodes);
        Assert.Equal(541, qr.QrScans);

        var header = report.Header;
        Assert.Equal("2162", header.Number?.Number);
        Assert.Equal("SCT-VP", header.Number?.Symbol);
        Assert.Equal(new DateOnly(2021, 10, 27), header.PlaceDate?.Date);
        Assert.Equal("1406/STTTT-BCVT&CNTT", header.RequestCited?.Reference);
        Assert.Equal(new DateOnly(2021, 10, 26), header.RequestCited?.Date);
        Assert.Equal("Nguyễn Đức Huy", header.SignerName);
        Assert.Contains(report.Narratives, n => n.Heading.StartsWith("5.", StringComparison.Ordinal) && n.IsEmpty);
        Assert.Contains(report.Narratives, n => n.Heading.StartsWith("3.", StringComparison.Ordinal) && n.Text.Contains("1521/SCT-VP", StringComparison.Ordinal));
    }

    private static string RowOf(string a1) => new([.. a1.SkipWhile(char.IsLetter)]);
}
