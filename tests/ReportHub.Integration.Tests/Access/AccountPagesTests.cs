using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Api.Pages;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>A person's own password, the one password rule wherever a password is set, and the admin's guarded actions.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccountPagesTests
{
    private const string NewPassword = "ba con meo trang ngoi tren mai";

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) => new()
    {
        ["currentPassword"] = current,
        ["newPassword"] = next,
        ["confirmPassword"] = confirm ?? next,
    };

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "id=\"(?:password|admin|confirm)-error\">([^<]*)<");
        Assert.True(match.Success, html);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task ChangingOwnPasswordEndsTheOtherSessionsAndKeepsThisOne()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var here = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var elsewhere = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
        var (_, unit) = await here.GetAsync("/unit");
        Assert.Contains("href=\"/account/password\"", unit, StringComparison.Ordinal);

        var changed = await here.PostFormAsync("/account/password", Change("mat-khau-vanthu-2025", NewPassword));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("id=\"password-done\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/unit")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync("/unit")).StatusCode);
        using var later = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await later.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync("vanthu", NewPassword)).StatusCode);
        var audit = await app.GetJsonAsync("/api/audit");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == AuditActions.PasswordChanged);
        Assert.Equal("user:vanthu", entry.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("sai-mat-khau-hien-tai", NewPassword, null, "Mật khẩu hiện tại không đúng.")]
    [InlineData("mat-khau-vanthu-2025", NewPassword, "ba con meo trang ngoi tren mái", "Hai lần nhập mật khẩu mới không giống nhau.")]
    [InlineData("mat-khau-vanthu-2025", "ngan-qua", null, "Mật khẩu phải có ít nhất 10 ký tự.")]
    [InlineData("mat-khau-vanthu-2025", "mat-khau-vanthu-2025", null, "Mật khẩu mới phải khác mật khẩu hiện tại.")]
    [InlineData("mat-khau-vanthu-2025", "vanthu2025!", null, "Mật khẩu không được là tên đăng nhập hay họ tên")]
    [InlineData("mat-khau-vanthu-2025", "Người dùng vanthu", null, "Mật khẩu không được là tên đăng nhập hay họ tên")]
    [InlineData("mat-khau-vanthu-2025", "1234567890", null, "Mật khẩu quá dễ đoán")]
    [InlineData("mat-khau-vanthu-2025", "kkkkkkkkkkkk", null, "Mật khẩu quá dễ đoán")]
    [InlineData("mat-khau-vanthu-2025", "abcabcabcabc", null, "Mật khẩu quá dễ đoán")]
    [InlineData("mat-khau-vanthu-2025", "qwertyuiop", null, "Mật khẩu quá dễ đoán")]
    [InlineData("mat-khau-vanthu-2025", "Password123", null, "danh sách mật khẩu phổ biến")]
    [InlineData("mat-khau-vanthu-2025", "Mật khẩu 123", null, "danh sách mật khẩu phổ biến")]
    public async Task ABadChangeIsRefusedWithAVietnameseReason(string current, string next, string? confirm, string expected)
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var here = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await here.PostFormAsync("/account/password", Change(current, next, confirm));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, await ErrorOfAsync(response), StringComparison.Ordinal);
        using var again = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
    }

    [Fact]
    public async Task AChangeWithoutTheFormsTokenIsRefused()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var here = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");

        var response = await here.Client.PostAsync("/account/password", new FormUrlEncodedContent(Change("mat-khau-vanthu-2025", NewPassword)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var again = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("vanthu", "mat-khau-vanthu-2025")).StatusCode);
    }

    [Fact]
    public async Task TheChangePageNeedsASignedInPerson()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var anonymous = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync("/account/password")).StatusCode);
        // A key has no password to change.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient().GetAsync("/account/password")).StatusCode);
    }

    [Fact]
    public async Task TheSamePasswordRuleHoldsForTheCliAndTheServices()
    {
        using var cli = new CliWorkspace();
        await cli.InitAsync();

        var weak = await cli.RunProcessWithInputAsync("matkhau123", "users", "create", "--name", "vanthu", "--role", "analyst");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("danh sách mật khẩu phổ biến", weak.Err, StringComparison.Ordinal);
        var good = await cli.RunProcessWithInputAsync(NewPassword, "users", "create", "--name", "vanthu", "--role", "analyst");
        Assert.True(good.ExitCode == 0, good.ToString());
        var trivial = await cli.RunProcessWithInputAsync("0987654321", "users", "reset-password", "vanthu");
        Assert.NotEqual(0, trivial.ExitCode);
        Assert.Contains("Mật khẩu quá dễ đoán", trivial.Err, StringComparison.Ordinal);
        var noUnit = await cli.RunProcessWithInputAsync(NewPassword, "users", "create", "--name", "sct", "--role", "department");
        Assert.Contains("--unit MÃ_ĐƠN_VỊ", noUnit.Err, StringComparison.Ordinal);

        using var app = new ReportHubApp(loadSamples: false, connectionString: cli.ConnectionString);
        var accounts = app.Services.GetRequiredService<AccountService>();
        Assert.False((await accounts.ResetPasswordAsync("vanthu", "qwertyuiop", CancellationToken.None)).Succeeded);
        Assert.False((await accounts.CreateAsync("lan", "Nguyễn Thị Lan", Roles.Analyst, null, "nguyenthilan", CancellationToken.None)).Succeeded);
        // The page's message for a department account without a unit names no command-line option.
        var missing = await accounts.CreateAsync("sct", "Sở Công Thương", Roles.Department, null, NewPassword, CancellationToken.None);
        Assert.DoesNotContain("--unit", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminCannotLockOrResetTheirOwnAccountFromThePage()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);

        var locked = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["userName"] = "quantri", ["disabled"] = "true" }, "/admin?handler=Disable");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Equal(AdminModel.SelfLock, await ErrorOfAsync(locked));
        var reset = await admin.PostFormAsync("/admin", new Dictionary<string, string> { ["userName"] = "quantri" }, "/admin?handler=Reset");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reset.StatusCode);
        Assert.Equal(AdminModel.SelfReset, await ErrorOfAsync(reset));
        var confirm = await admin.Client.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Lock, "quantri"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirm.StatusCode);
        Assert.Equal(AdminModel.SelfLock, await ErrorOfAsync(confirm));

        Assert.False((await app.Services.GetRequiredService<AccountService>().FindAsync("quantri", CancellationToken.None))!.Disabled);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task LockResetAndRevokeAreAskedAboutOnAPageBeforeTheyHappen()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var clerk = await PageSession.SignedInAsync(app, "vanthu", Roles.Department, "51.SCT");
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync(Roles.Analyst, null, "báo cáo tự động", CancellationToken.None);

        var (_, page) = await admin.GetAsync("/admin");
        // The buttons lead to a question, not straight to the action.
        Assert.Contains($"href=\"/admin/confirm?action=lock&amp;target=vanthu\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/confirm?action=reset&amp;target=vanthu\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/confirm?action=revoke&amp;target={key.Prefix}\"", page, StringComparison.Ordinal);
        Assert.Contains("Mã truy cập API", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Khóa API", page, StringComparison.Ordinal);

        var (status, question) = await admin.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Lock, "vanthu"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Khóa tài khoản “vanthu”", WebUtility.HtmlDecode(question), StringComparison.Ordinal);
        Assert.Contains("action=\"/admin?handler=Disable\"", question, StringComparison.Ordinal);
        // Only an admin is asked: anyone else is sent to the forbidden page.
        var notAdmin = await clerk.Client.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Reset, "quantri"));
        Assert.Equal(HttpStatusCode.Redirect, notAdmin.StatusCode);
        Assert.Equal("/forbidden", notAdmin.Headers.Location!.AbsolutePath);
        // Asking changed nothing yet.
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/unit")).Status);

        var lockIt = await admin.PostFormAsync(AdminConfirmModel.Link(AdminConfirmModel.Lock, "vanthu"),
            new Dictionary<string, string> { ["userName"] = "vanthu", ["disabled"] = "true" }, "/admin?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, lockIt.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Client.GetAsync("/unit")).StatusCode);

        var (_, revoke) = await admin.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Revoke, key.Prefix!));
        Assert.Contains("Thu hồi mã truy cập API", revoke, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin?handler=Revoke\"", revoke, StringComparison.Ordinal);
        var (_, reset) = await admin.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Reset, "vanthu"));
        Assert.Contains("action=\"/admin?handler=Reset\"", reset, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(AdminConfirmModel.Link(AdminConfirmModel.Lock, "khong-co-ai"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync(AdminConfirmModel.Link("xoa", "vanthu"))).StatusCode);
    }
}
