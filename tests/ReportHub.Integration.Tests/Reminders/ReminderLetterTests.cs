using System.Net;
using ReportHub.Testing.App;
using ReportHub.Testing.Documents;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>GET /api/rounds/{code}/reminder.docx, opened in LibreOffice as a clerk's office would.</summary>
public sealed class ReminderLetterTests
{
    [Fact]
    public async Task ReminderLetterOpensInLibreOfficeAndNamesTheUnitsAndTheRequest()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        await ReminderRound.CreateAsync(app);

        var response = await app.CreateClient().GetAsync($"/api/rounds/{ReminderRound.Code}/reminder.docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"don-doc-{ReminderRound.Code}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await LibreOffice.TextOfAsync(bytes, "docx");
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", text, StringComparison.Ordinal);
        Assert.Contains("V/v đôn đốc gửi báo cáo", text, StringComparison.Ordinal);
        Assert.Contains("Công văn số " + ReminderRound.RequestDocument + " ngày 01/03/2024", text, StringComparison.Ordinal);
        Assert.Contains("15/03/2024", text, StringComparison.Ordinal);
        foreach (var name in new[] { "Sở Nội vụ tỉnh Quảng Ngãi", "Sở Tư pháp tỉnh Quảng Ngãi", "Văn phòng UBND tỉnh Quảng Ngãi" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderLetterOfAnUnknownRoundIs404AndDepartmentsMayNotHaveIt()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        await ReminderRound.CreateAsync(app);

        var unknown = await app.CreateClient().GetAsync("/api/rounds/KHONG-CO/reminder.docx");
        var department = await app.ClientFor(ReportHub.Warehouse.Access.Roles.Department, "51.SNV").GetAsync($"/api/rounds/{ReminderRound.Code}/reminder.docx");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, department.StatusCode);
    }
}
