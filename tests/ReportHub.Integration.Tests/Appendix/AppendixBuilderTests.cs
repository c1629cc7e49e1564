using System.Text.Json;
using ReportHub.Core.Templates;

namespace ReportHub.Integration.Tests.Appendix;

/// <summary>An appendix built from a template definition is what the API reads back: accepted, with the builder's figures.</summary>
public sealed class AppendixBuilderTests
{
    public static TheoryData<string> Formats => ["xlsx", "csv", "docx"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task BuiltOnlineServicesAppendixIsAcceptedWithTheFiguresItWasGiven(string format)
    {
        var builder = new AppendixBuilder(TemplateCatalog.Get("dvc-online-2025"), SampleReference.Unit("51.STP"), SampleReference.Round("2025-Q3"),
                "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
            .Rows("directives",
                Row(("content", "Triển khai dịch vụ công trực tuyến toàn trình"), ("citation", "210/KH-STP ngày 15/07/2025"),
                    ("issuingUnit", "Sở Tư pháp"), ("recipients", "Các phòng chuyên môn")),
                Row(("content", "Rà soát thủ tục hành chính quý III"), ("citation", "245/STP-VP ngày 20/08/2025"), ("issuingUnit", "Sở Tư pháp")))
            .Rows("services",
                Row(("entity", "Phòng Hành chính tư pháp"), ("procedures", 120), ("fullOnline", 40), ("received", 1000), ("receivedOnline", 10),
                    ("resolved", 900), ("resolvedOnTime", 850)),
                Row(("entity", "Phòng Bổ trợ tư pháp"), ("procedures", 35), ("fullOnline", 12), ("received", 1234), ("receivedOnline", 617),
                    ("resolved", 1200), ("resolvedOnTime", 1199), ("note", "Cả quý")))
            .TotalRow("services")
            .Narrative("inspection", "- Kiểm tra 12 thủ tục, không phát hiện sai sót.")
            .Narrative("results", "- Đường truyền tại bộ phận một cửa còn chậm.");

        var stored = await UploadAsync(builder, format);

        Assert.Equal("51.STP", stored.GetProperty("unit").GetString());
        Assert.Equal("2025-Q3", stored.GetProperty("round").GetString());
        AssertFigures(builder, stored);
        Assert.Equal(2234m, stored.GetProperty("figures").GetProperty("received").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task BuiltCovidAppendixIsAcceptedWithTheFiguresItWasGiven(string format)
    {
        var builder = new AppendixBuilder(TemplateCatalog.Get("covid-tech-2021"), SampleReference.Unit("51.SCT"), SampleReference.Round("2021-10"),
                "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")
            .Rows("directives",
                Row(("content", "Về việc triển khai các giải pháp công nghệ phòng, chống dịch Covid-19"), ("citation", "780/SCT-VP ngày 07/05/2021"),
                    ("issuingUnit", "Sở Công Thương tỉnh Quảng Ngãi"), ("recipients", "Công chức, viên chức, người lao động thuộc Sở")),
                Row(("content", "Triển khai văn bản hướng dẫn phòng chống Covid-19 tại chợ"), ("citation", "1532/SCT-QLTM ngày 09/08/2021"),
                    ("issuingUnit", "Sở Công Thương tỉnh Quảng Ngãi"), ("recipients", "UBND các huyện, thị xã, thành phố")),
                Row(("content", "Triển khai ứng dụng PC-Covid tại cơ quan"), ("citation", "1711/TB-SCT ngày 30/08/2021"),
                    ("issuingUnit", "Sở Công Thương tỉnh Quảng Ngãi")))
            .Rows("qr",
                Row(("entity", "Sở Công Thương tỉnh Quảng Ngãi"), ("qrCodes", 3), ("qrScans", 541)),
                Row(("entity", "Chợ Đầu mối Nông sản Quảng Ngãi"), ("qrCodes", 12), ("qrScans", 18_420)))
            .TotalRow("qr")
            .Narrative("inspection", "- Công chức, viên chức quét mã QR khi ra vào cơ quan.")
            .Narrative("results", "- Cập nhật Bộ giải pháp trên Cổng Thông tin điện tử của Sở.");

        var stored = await UploadAsync(builder, format);

        Assert.Equal("51.SCT", stored.GetProperty("unit").GetString());
        Assert.Equal("2021-10", stored.GetProperty("round").GetString());
        AssertFigures(builder, stored);
        Assert.Equal(18_961, stored.GetProperty("qrScans").GetInt64());
    }

    [Fact]
    public void GridCarriesTheDecree30HeaderAndEverySectionOfTheDefinition()
    {
        var template = TemplateCatalog.Get("dvc-online-2025");
        var grid = new AppendixBuilder(template, SampleReference.Unit("51.STP"), SampleReference.Round("2025-Q3"), "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
            .Grid();
        var firstCells = grid.Select(r => r.FirstOrDefault() as string).ToList();

        Assert.Equal(["UBND TỈNH QUẢNG NGÃI", "SỞ TƯ PHÁP"], firstCells.Take(2));
        Assert.Contains("Số: 45/BC-STP", firstCells);
        Assert.Contains("Quảng Ngãi, ngày 03 tháng 10 năm 2025", firstCells);
        Assert.Contains(firstCells, c => c is not null && c.StartsWith("Theo Công văn số 1234/SKHCN-CĐS ngày 01/10/2025 của Sở Khoa học", StringComparison.Ordinal));
        Assert.Equal(template.Sections.Select(s => $"{s.Number}. {s.Heading}"), firstCells.Where(c => c is not null && char.IsDigit(c[0]) && c[1] == '.'));
        var servicesHeader = grid.Single(r => r.Length > 1 && Equals(r[1], "Cơ quan, đơn vị"));
        Assert.Equal(template.Section("services")!.Table!.Columns.Select(c => c.Header), servicesHeader.Cast<string>());
    }

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    /// <summary>Uploads the built file to a fresh API and returns the stored submission after checking it was accepted.</summary>
    private static async Task<JsonElement> UploadAsync(AppendixBuilder builder, string format)
    {
        var bytes = format switch
        {
            "xlsx" => builder.ToXlsx(),
            "csv" => builder.ToCsv(),
            "docx" => builder.ToDocx(),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        using var app = ReportHubApp.ReferenceOnly();
        using var response = await app.UploadAsync(bytes, $"bao-cao.{format}");
        var result = await ReportHubApp.ReadJsonAsync(response);
        Assert.True(result.GetProperty("status").GetString() == "accepted", $"{format}: {result}");
        return await app.GetJsonAsync($"/api/submissions/{result.GetProperty("submissionId").GetInt64()}");
    }

    private static void AssertFigures(AppendixBuilder builder, JsonElement stored)
    {
        var figures = stored.GetProperty("figures");
        foreach (var (key, expected) in builder.ExpectedFigures())
        {
            Assert.True(figures.TryGetProperty(key, out var actual), $"no figure {key}: {figures}");
            Assert.Equal(expected, actual.GetDecimal());
        }
    }
}
