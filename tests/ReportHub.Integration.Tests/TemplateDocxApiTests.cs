using System.Net;
using DocumentFormat.OpenXml.Packaging;
using ReportHub.Integration.Tests.Support;
using ReportHub.Testing.Documents;

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

    [Fact]
    public async Task FilledWordLetterComesBackInForItsUnitAndRoundWithoutHints()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var client = app.CreateClient();
        var blank = await client.GetByteArrayAsync("/api/units/51.524/template.docx?round=2021-10");
        var filled = WordFormFiller.Fill(blank, new Dictionary<string, string[][]>
        {
            ["Nội dung thực hiện"] =
            [
                ["1", "Triển khai quét mã QR tại các chợ trên địa bàn huyện", "1532/UBND-VHTT ngày 09/08/2021", "UBND huyện Bình Sơn", "- Ban quản lý chợ"],
                ["2", "Hướng dẫn khai báo y tế điện tử", "1601/UBND-VHTT ngày 20/08/2021", "UBND huyện Bình Sơn", "- UBND các xã, thị trấn"],
            ],
            ["Đối tượng thống kê"] =
            [
                ["1", "Chợ Châu Ổ", "12", "3.450", ""],
                ["2", "Xã Bình Thạnh", "7", "1.200", ""],
            ],
        });

        using var form = new MultipartFormDataContent { { new ByteArrayContent(filled), "file", "bao-cao-binh-son.docx" } };
        var response = await client.PostAsync("/api/submissions", form);

        var body = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("51.524", body.GetProperty("unit").GetString());
        Assert.Equal("2021-10", body.GetProperty("round").GetString());
        Assert.Equal(2, body.GetProperty("directives").GetInt64());
        Assert.Equal(19, body.GetProperty("qrCodes").GetInt64());
        Assert.Equal(4650, body.GetProperty("qrScans").GetInt64());
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
