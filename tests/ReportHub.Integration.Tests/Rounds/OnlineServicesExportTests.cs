using System.Net;
using System.Text;
using ClosedXML.Excel;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>The consolidated exports of round 2025-Q3 come from the stored rows and figures, laid out by its template.</summary>
public sealed class OnlineServicesExportTests
{
    [Fact]
    public async Task ConsolidatedExportsOfAnOnlineServicesRoundFollowItsTemplate()
    {
        using var app = ReportHubApp.ReferenceOnly(environment: "Development");
        // The mean of the two online shares (50.5 %) is not the province's (30 of 1,020: 2.94 %).
        foreach (var (file, issuer, row) in new[]
        {
            ("stp.csv", "SỞ TƯ PHÁP", "1;Sở Tư pháp;120;40;1000;10;900;850;"),
            ("stc.csv", "SỞ TÀI CHÍNH", "1;=Sở Tài chính;80;60;20;20;20;19;"),
        })
        {
            var upload = await app.UploadAsync(Report(issuer, row), file, "round=2025-Q3");
            Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        }

        var xlsx = await app.CreateClient().GetAsync("/api/rounds/2025-Q3/consolidated.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var summary = workbook.Worksheet("Tổng hợp");
            Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", summary.Cell("A2").GetString());
            var rateHeader = summary.CellsUsed().Single(c => c.GetString() == "Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)");
            var total = summary.CellsUsed().Single(c => c.GetString() == "Tổng cộng").WorksheetRow();
            Assert.Equal(2.94, total.Cell(rateHeader.Address.ColumnNumber).GetDouble(), 2);

            var services = workbook.Worksheet("Kết quả cung cấp dịch vụ công");
            var justice = services.CellsUsed().Single(c => c.GetString() == "Sở Tư pháp").WorksheetRow();
            var received = services.CellsUsed().Single(c => c.GetString() == "Số hồ sơ tiếp nhận").Address.ColumnNumber;
            Assert.Equal(1000d, justice.Cell(received).GetDouble());
            var hostile = services.CellsUsed().Single(c => c.GetString() == "=Sở Tài chính");
            Assert.False(hostile.HasFormula);
            Assert.Equal(1020d, services.CellsUsed().Single(c => c.GetString() == "Tổng cộng").WorksheetRow().Cell(received).GetDouble());
        }

        var csv = await app.CreateClient().GetAsync("/api/rounds/2025-Q3/consolidated.csv?header=keys");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n");
        Assert.Equal(
            "unit,name,type,status,receivedAt,submissionId,directives,procedures,fullOnline,received,receivedOnline,resolved,resolvedOnTime,onlineRate,onTimeRate,revisedAt",
            lines[0]);
        Assert.EndsWith(",1,120,40,1000,10,900,850,1,94.44,", lines.Single(l => l.StartsWith("51.STP,", StringComparison.Ordinal)));
    }

    private static byte[] Report(string issuer, string serviceRow)
    {
        string[] lines =
        [
            "UBND TỈNH QUẢNG NGÃI;;;;;;;;",
            issuer + ";;;;;;;;",
            "Số: 45/BC;;;;;;;;",
            "Theo Công văn số 1234/SKHCN-CĐS ngày 01/10/2025 của Sở Khoa học và Công nghệ;;;;;;;;",
            "PHỤ LỤC;;;;;;;;",
            "1. Công tác chỉ đạo, triển khai cung cấp dịch vụ công trực tuyến;;;;;;;;",
            "STT;Nội dung thực hiện;Số, ngày ban hành văn bản;Đơn vị ban hành;Đối tượng tiếp nhận thông tin;;;;",
            "1;Triển khai dịch vụ công trực tuyến toàn trình;210/KH-STP ngày 15/07/2025;" + issuer + ";Các phòng chuyên môn;;;;",
            "2. Kết quả cung cấp dịch vụ công trực tuyến và tiếp nhận, giải quyết hồ sơ;;;;;;;;",
            "STT;Cơ quan, đơn vị;Số thủ tục hành chính đang áp dụng;Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình;Số hồ sơ tiếp nhận;Số hồ sơ tiếp nhận trực tuyến;Số hồ sơ đã giải quyết;Số hồ sơ giải quyết đúng hạn;Ghi chú",
            serviceRow,
            "3. Công tác kiểm tra, rà soát, đánh giá chất lượng dịch vụ công trực tuyến;;;;;;;;",
            "Không có;;;;;;;;",
        ];
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }
}
