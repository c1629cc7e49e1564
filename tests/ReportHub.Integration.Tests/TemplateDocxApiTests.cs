using System.Net;
using DocumentFormat.OpenXml.Packaging;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests;

public sealed class TemplateDocxApiTests
{
    [Fact]
    public async Task BlankWordLetterForAUnitAndRoundDownloadsAsDocx()
    {
        using var app = ReportHubApp.ReferenceOnly();

        var response = await app.CreateClient().GetAsync("/api/units/51.SCT/template.docx?round=2021-10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal("bieu-mau-51.SCT-2021-10.docx", disposition?.FileName?.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Mã đơn vị: 51.SCT", text, StringComparison.Ordinal);
        Assert.Contains("Mã đợt báo cáo: 2021-10", text, StringComparison.Ordinal);
        Assert.Contains("SỞ CÔNG THƯƠNG", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/units/99.XYZ/template.docx?round=2021-10")]
    [InlineData("/api/units/51.SCT/template.docx?round=1999-01")]
    public async Task UnknownUnitOrRoundIsProblem404LikeTheWorkbook(string url)
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();

        var response = await client.GetAsync(url);
        var workbook = await client.GetAsync(url.Replace("template.docx", "template.xlsx", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        var expected = await ReportHubApp.ReadJsonAsync(workbook);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(expected.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.Equal(expected.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
    }
}
