using System.Text;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Rounds;

/// <summary>Round 2025-Q3 uses the online public services template: files are read with it and its indicators are ratios of sums.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class OnlineServicesRoundTests
{
    [Fact]
    public async Task OnlineServicesReportsAreReadWithTheRoundsTemplateAndIndicatorsAreRatiosOfSums()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        // One large unit with a low online share and one small unit with a high one: the mean of their percentages
        // (50.5 %) is not the province's share (30 of 1,020: 2.94 %).
        var justice = cli.Write("stp.csv", Report("SỞ TƯ PHÁP", [("Sở Tư pháp", 120, 40, 1000, 10, 900, 850)]));
        var finance = cli.Write("stc.csv", Report("SỞ TÀI CHÍNH", [("Sở Tài chính", 80, 60, 20, 20, 20, 19)]));

        var run = await cli.RunAsync("ingest", justice, finance, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.JsonLines, line =>
        {
            Assert.Equal("accepted", line.GetProperty("status").GetString());
            Assert.Equal("2025-Q3", line.GetProperty("round").GetString());
        });
        Assert.Equal(["51.STP", "51.STC"], run.JsonLines.Select(l => l.GetProperty("unit").GetString()));

        var totals = await cli.RunAsync("totals", "--round", "2025-Q3", "--json");
        Assert.True(totals.ExitCode == 0, totals.ToString());
        var json = totals.JsonLines.Single();
        Assert.Equal("dvc-online-2025", json.GetProperty("template").GetString());
        var figures = json.GetProperty("figures");
        Assert.Equal(1020m, figures.GetProperty("received").GetDecimal());
        Assert.Equal(30m, figures.GetProperty("receivedOnline").GetDecimal());
        Assert.Equal(2.94m, figures.GetProperty("onlineRate").GetDecimal());
        Assert.Equal(94.46m, figures.GetProperty("onTimeRate").GetDecimal());
    }

    private static byte[] Report(string issuer, (string Entity, int Procedures, int FullOnline, int Received, int Online, int Resolved, int OnTime)[] rows)
    {
        var lines = new List<string>
        {
            "UBND TỈNH QUẢNG NGÃI;;;;;;;;",
            issuer + ";;;;;;;;",
            "Số: 45/BC-STP;;;;;;;;",
            "Theo Công văn số 1234/SKHCN-CĐS ngày 01/10/2025 của Sở Khoa học và Công nghệ;;;;;;;;",
            "PHỤ LỤC;;;;;;;;",
            "1. Công tác chỉ đạo, triển khai cung cấp dịch vụ công trực tuyến;;;;;;;;",
            "STT;Nội dung thực hiện;Số, ngày ban hành văn bản;Đơn vị ban hành;Đối tượng tiếp nhận thông tin;;;;",
            "1;Triển khai dịch vụ công trực tuyến toàn trình;210/KH-STP ngày 15/07/2025;" + issuer + ";Các phòng chuyên môn;;;;",
            "2. Kết quả cung cấp dịch vụ công trực tuyến và tiếp nhận, giải quyết hồ sơ;;;;;;;;",
            "STT;Cơ quan, đơn vị;Số thủ tục hành chính đang áp dụng;Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình;Số hồ sơ tiếp nhận;Số hồ sơ tiếp nhận trực tuyến;Số hồ sơ đã giải quyết;Số hồ sơ giải quyết đúng hạn;Ghi chú",
        };
        var n = 0;
        foreach (var r in rows)
        {
            lines.Add($"{++n};{r.Entity};{r.Procedures};{r.FullOnline};{r.Received};{r.Online};{r.Resolved};{r.OnTime};");
        }
        lines.Add("3. Công tác kiểm tra, rà soát, đánh giá chất lượng dịch vụ công trực tuyến;;;;;;;;");
        lines.Add("Không có;;;;;;;;");
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
    }
}
