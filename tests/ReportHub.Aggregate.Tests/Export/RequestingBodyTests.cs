using ReportHub.Aggregate.Export;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class RequestingBodyTests
{
    [Theory]
    [InlineData("2025-02-28", "Sở Thông tin và Truyền thông", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")]
    [InlineData("2025-03-01", "Sở Khoa học và Công nghệ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")]
    public void TheBodyChangesOnTheDayTheFunctionMoved(string requested, string name, string heading)
    {
        var round = SampleRound.Round with { RequestDate = DateOnly.Parse(requested, System.Globalization.CultureInfo.InvariantCulture) };

        var body = RequestingBody.Of(round);

        Assert.Equal(name, body.Name);
        Assert.Equal(heading, body.Heading);
    }

    [Fact]
    public void WithoutARequestDateTheDeadlineDecides()
    {
        var round = SampleRound.Round with { RequestDate = null, Deadline = new DateOnly(2025, 3, 10) };

        Assert.Equal("Sở Khoa học và Công nghệ", RequestingBody.Of(round).Name);
    }

    [Fact]
    public void The2025LetterAsksTheSoKhoaHocVaCongNgheWithTheTemplateSubject()
    {
        var template = TemplateCatalog.Get("dvc-online-2025");
        var bytes = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, template, SampleRound.Sct, SampleRound.Province, ServicesRound.Round));
        var texts = Workbooks.Grids(bytes)[BlankTemplateWorkbook.ReportSheet].SelectMany(r => r).OfType<string>().ToList();

        Assert.Contains("Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi", texts);
        Assert.Contains("Theo Công văn số 812/SKHCN-CĐS ngày 15/09/2025 của Sở Khoa học và Công nghệ", texts);
        Assert.Contains(template.Subject!, texts);
        Assert.DoesNotContain(texts, t => t.Contains("Thông tin và Truyền thông", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Covid", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The2021LetterAsksTheSoThongTinVaTruyenThong()
    {
        var bytes = Workbooks.Bytes(s => BlankTemplateWorkbook.Write(s, FirstTemplateView.Definition, SampleRound.Sct, SampleRound.Province, SampleRound.Round));
        var texts = Workbooks.Grids(bytes)[BlankTemplateWorkbook.ReportSheet].SelectMany(r => r).OfType<string>().ToList();

        Assert.Contains("Kính gửi: Sở Thông tin và Truyền thông tỉnh Quảng Ngãi", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Khoa học và Công nghệ", StringComparison.Ordinal));
    }

    [Fact]
    public void The2025WordLetterAsksTheSoKhoaHocVaCongNgheAndLeavesTheLayoutsBlankRows()
    {
        var template = TemplateCatalog.Get("dvc-online-2025");
        var bytes = Workbooks.Bytes(s => BlankTemplateDocument.Write(s, template, SampleRound.Sct, SampleRound.Province, ServicesRound.Round));
        using var document = WordDocuments.Open(bytes);
        var body = WordDocuments.Body(document);

        WordDocuments.Paragraph(body, "Kính gửi: Sở Khoa học và Công nghệ tỉnh Quảng Ngãi");
        WordDocuments.Paragraph(body, "Kính đề nghị Sở Khoa học và Công nghệ tổng hợp./.");
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(), p => WordDocuments.Text(p) == template.Subject);
        var services = template.Section("services")!;
        var table = WordDocuments.TableAfter(body, $"{services.Number}. {services.Heading}");
        Assert.Equal(1 + template.Layout.BlankRows, table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count());
    }
}
