using System.Net;
using System.Text.Json;
using MimeKit;
using ReportHub.Pipeline.Access;
using ReportHub.Pipeline.Reminders;
using ReportHub.Testing.App;
using ReportHub.Testing.Mail;

namespace ReportHub.Integration.Tests.Reminders;

/// <summary>POST /api/rounds/{code}/reminders against a real SMTP server (aiosmtpd), the mail read back from its Maildir.</summary>
public sealed class ReminderApiTests
{
    [Fact]
    public async Task ThreeAwaitedUnitsOneWithoutAddressGetTwoMailsAndTheThirdIsSkipped()
    {
        var smtp = await SmtpServer.GetAsync();
        using var app = ReportHubApp.ReferenceOnly(settings: smtp.Settings(), quiet: true);
        await ReminderRound.CreateAsync(app);
        var snv = SmtpServer.NewAddress("snv");
        var stp = SmtpServer.NewAddress("stp");
        await ReminderRound.SetContactAsync(app, "51.SNV", snv);
        await ReminderRound.SetContactAsync(app, "51.STP", stp);

        var response = await app.CreateClient().PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);
        var body = await ReportHubApp.ReadJsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(["51.SNV", "51.STP"], body.GetProperty("sent").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        var skipped = Assert.Single(body.GetProperty("skipped").EnumerateArray());
        Assert.Equal("51.VPUBND", skipped.GetProperty("unit").GetString());
        Assert.Equal(ReminderService.NoAddress, skipped.GetProperty("reason").GetString());

        var toSnv = Assert.Single(await smtp.WaitForAsync(snv, 1));
        Assert.Single(await smtp.WaitForAsync(stp, 1));
        Assert.Contains(ReminderRound.Title, toSnv.Subject, StringComparison.Ordinal);
        var text = toSnv.TextBody;
        Assert.Contains("Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi", text, StringComparison.Ordinal);
        Assert.Contains("Công văn số " + ReminderRound.RequestDocument + " ngày 01/03/2024", text, StringComparison.Ordinal);
        Assert.Contains("Hạn nộp: 15/03/2024", text, StringComparison.Ordinal);
        Assert.Contains("https://baocao.example.vn/unit?unit=51.SNV", text, StringComparison.Ordinal);
        Assert.Equal("reporthub@baocao.example.vn", Assert.Single(toSnv.From.Mailboxes).Address);

        var audit = (await app.GetJsonAsync("/api/audit")).EnumerateArray().Single(e => e.GetProperty("action").GetString() == AuditActions.RemindersSent);
        Assert.Equal(ReminderRound.Code, audit.GetProperty("target").GetString());
        Assert.Contains("51.VPUBND", audit.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutMailConfigurationSendingIsRefusedInVietnamese()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        await ReminderRound.CreateAsync(app);

        var response = await app.CreateClient().PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);
        var problem = await ReportHubApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Chưa cấu hình gửi thư", problem.GetProperty("title").GetString());
        Assert.Contains("Mail__Host", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPublicBaseUrlSendingIsRefusedNamingSiteBaseUrl()
    {
        var smtp = await SmtpServer.GetAsync();
        using var app = ReportHubApp.ReferenceOnly(settings: [.. smtp.Settings().Where(s => s.Key != "Site:BaseUrl")], quiet: true);
        await ReminderRound.CreateAsync(app);

        var response = await app.CreateClient().PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);
        var problem = await ReportHubApp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Site__BaseUrl", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableMailServerReportsEachUnitAsSkippedWithTheReason()
    {
        var closedPort = ClosedPort();
        using var app = ReportHubApp.ReferenceOnly(settings:
        [
            new("Mail:Host", "127.0.0.1"), new("Mail:Port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Mail:From", "reporthub@baocao.example.vn"), new("Mail:MaxRetries", "2"), new("Mail:BaseDelayMs", "1"),
            new("Site:BaseUrl", "https://baocao.example.vn"),
        ], quiet: true);
        await ReminderRound.CreateAsync(app);
        await ReminderRound.SetContactAsync(app, "51.SNV", SmtpServer.NewAddress());

        var response = await app.CreateClient().PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);
        var body = await ReportHubApp.ReadJsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Empty(body.GetProperty("sent").EnumerateArray());
        var failed = Assert.Single(body.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("unit").GetString() == "51.SNV");
        Assert.Contains($"không kết nối được máy chủ thư 127.0.0.1:{closedPort}", failed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedOrUnknownRoundIsRefused()
    {
        var smtp = await SmtpServer.GetAsync();
        using var app = ReportHubApp.ReferenceOnly(settings: smtp.Settings(), quiet: true);
        await ReminderRound.CreateAsync(app);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/rounds/{ReminderRound.Code}/close", null)).StatusCode);

        var closed = await client.PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);
        var unknown = await client.PostAsync("/api/rounds/KHONG-CO/reminders", null);

        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("Đợt báo cáo đã đóng", (await ReportHubApp.ReadJsonAsync(closed)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DepartmentMayNotSendReminders()
    {
        var smtp = await SmtpServer.GetAsync();
        using var app = ReportHubApp.ReferenceOnly(settings: smtp.Settings(), quiet: true);
        await ReminderRound.CreateAsync(app);

        var response = await app.ClientFor(ReportHub.Warehouse.Access.Roles.Department, "51.SNV").PostAsync($"/api/rounds/{ReminderRound.Code}/reminders", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
