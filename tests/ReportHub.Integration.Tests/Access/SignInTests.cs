using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Api.Web;
using ReportHub.Integration.Tests.Pages;
using ReportHub.Integration.Tests.Support;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Access;

/// <summary>
/// Sign-in over the real pages and warehouse: what is limited (attempts, not page views), what is locked (a name for
/// one address), that failures answer alike, where a return address may lead, and the audit's words.
/// The in-process host has no socket, so a client's address is given as a loopback proxy would give it (X-Forwarded-For).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests
{
    private const string Password = "mat-khau-vanthu-2025";

    private static async Task<HttpResponseMessage> AttemptAsync(PageSession session, string userName, string password, string address,
        string? returnUrl = null)
    {
        var token = await session.TokenAsync("/signin");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin");
        request.Headers.Add("X-Forwarded-For", address);
        var fields = new Dictionary<string, string> { ["userName"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        request.Content = new FormUrlEncodedContent(fields);
        return await session.Client.SendAsync(request);
    }

    private static async Task CreateAsync(ReportHubApp app, string userName, string role = Roles.Department, string? unit = "51.SCT")
    {
        var made = await app.Services.GetRequiredService<AccountService>()
            .CreateAsync(userName, "Người dùng " + userName, role, unit, $"mat-khau-{userName}-2025", CancellationToken.None);
        Assert.True(made.Succeeded, made.Error);
    }

    [Fact]
    public async Task OpeningTheSignInPageIsNeverCountedButAttemptsAre()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Access:SignInsPerMinute", "2"), new("Access:RequestsPerMinute", "5")]);
        await CreateAsync(app, "vanthu");
        using var office = PageSession.Open(app);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/signin")).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(office, "vanthu", "sai-mat-khau-1", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(office, "vanthu", "sai-mat-khau-2", "198.51.100.1")).StatusCode);
        var third = await AttemptAsync(office, "vanthu", Password, "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(int.Parse(third.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Có quá nhiều lần đăng nhập trong một phút", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Another client address has its own budget.
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(office, "vanthu", Password, "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task AttemptsOnOneNameAreLimitedFromAllAddressesTogether()
    {
        using var app = ReportHubApp.ReferenceOnly(settings: [new("Access:SignInsPerAccountPerMinute", "3")]);
        await CreateAsync(app, "vanthu");
        await CreateAsync(app, "binhson", unit: "51.524");
        using var spray = PageSession.Open(app);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(spray, "vanthu", "sai-mat-khau-" + i, "203.0.113." + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(spray, "vanthu", "sai-mat-khau-4", "203.0.113.4")).StatusCode);
        // A name no account has spends its own budget the same way, so a 429 tells nothing about which names exist.
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(spray, "khong-co-ai", "sai-mat-khau-" + i, "203.0.113." + i)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AttemptAsync(spray, "khong-co-ai", "sai-mat-khau-4", "203.0.113.4")).StatusCode);
        using var other = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(other, "binhson", "mat-khau-binhson-2025", "203.0.113.9")).StatusCode);
    }

    [Fact]
    public async Task FailuresFromOneAddressLockTheNameThereOnlyAndTheLockOutlivesTheProcess()
    {
        using var warehouse = new CliWorkspace();
        await warehouse.InitAsync();
        using (var app = new ReportHubApp(loadSamples: true, connectionString: warehouse.ConnectionString, referenceOnly: true))
        {
            await CreateAsync(app, "vanthu");
            using var stranger = PageSession.Open(app);
            HttpResponseMessage last = null!;
            for (var i = 0; i < 5; i++)
            {
                last = await AttemptAsync(stranger, "vanthu", "sai-mat-khau-" + i, "192.0.2.66");
            }
            Assert.Equal(HttpStatusCode.Unauthorized, last.StatusCode);
            var html = await last.Content.ReadAsStringAsync();
            Assert.Contains("tạm bị chặn trên máy này", html, StringComparison.Ordinal);
            Assert.Matches(@"đến \d{2}:\d{2} ngày \d{2}/\d{2}/\d{4} \(giờ Việt Nam\)", html);
            // Locked there even with the right password.
            Assert.Equal(HttpStatusCode.Unauthorized, (await AttemptAsync(stranger, "vanthu", Password, "192.0.2.66")).StatusCode);

            // The clerk in her office signs in as usual.
            using var clerk = PageSession.Open(app);
            Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(clerk, "vanthu", Password, "192.0.2.10")).StatusCode);
        }

        // The administrator sees the lock: the CLI's list and the admin page read it from the same rows.
        var listed = (await warehouse.RunProcessAsync("users", "list", "--json")).JsonLines.Single(u => u.GetProperty("userName").GetString() == "vanthu");
        Assert.True(listed.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        // Another process over the same warehouse knows the lock.
        using var again = new ReportHubApp(loadSamples: false, connectionString: warehouse.ConnectionString);
        using var same = PageSession.Open(again);
        var still = await AttemptAsync(same, "vanthu", Password, "192.0.2.66");
        Assert.Equal(HttpStatusCode.Unauthorized, still.StatusCode);
        Assert.Contains("tạm bị chặn trên máy này", await still.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorsResetLiftsTheNamesLocks()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await CreateAsync(app, "vanthu");
        using var clerk = PageSession.Open(app);
        for (var i = 0; i < 5; i++)
        {
            await AttemptAsync(clerk, "vanthu", "sai-mat-khau-" + i, "192.0.2.10");
        }
        var newPassword = "cau-mat-khau-moi-cua-van-thu";
        Assert.True((await app.Services.GetRequiredService<AccountService>().ResetPasswordAsync("vanthu", newPassword, CancellationToken.None)).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(clerk, "vanthu", newPassword, "192.0.2.10")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordDisabledAccountAndUnknownNameAnswerAlikeAndTakeAlike()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await CreateAsync(app, "vanthu");
        await CreateAsync(app, "nghiviec");
        Assert.True((await app.Services.GetRequiredService<AccountService>().SetDisabledAsync("nghiviec", true, CancellationToken.None)).Succeeded);
        using var session = PageSession.Open(app);
        // Warm the hasher and the pages first, so the first timed attempt pays no start-up cost.
        await AttemptAsync(session, "vanthu", "sai-mat-khau", "192.0.2.200");

        var cases = new[] { ("vanthu", "192.0.2.1"), ("nghiviec", "192.0.2.2"), ("khong-co-ai", "192.0.2.3") };
        var answers = new List<(HttpStatusCode Status, string Error, TimeSpan Fastest)>();
        foreach (var (name, address) in cases)
        {
            var fastest = TimeSpan.MaxValue;
            HttpResponseMessage response = null!;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                // The disabled account is tried with its right password: still the same answer.
                response = await AttemptAsync(session, name, name == "nghiviec" ? "mat-khau-nghiviec-2025" : "sai-mat-khau", address);
                fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
            }
            var html = await response.Content.ReadAsStringAsync();
            var error = System.Text.RegularExpressions.Regex.Match(html, "id=\"signin-error\">([^<]*)<").Groups[1].Value;
            answers.Add((response.StatusCode, WebUtility.HtmlDecode(error), fastest));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.All(answers, a => Assert.Equal(ReportHub.Api.Pages.SignInModel.WrongCredentials, a.Error));
        // Every path verifies a password hash (tens of milliseconds); none answers in a fraction of the others' time.
        var slowest = answers.Max(a => a.Fastest);
        Assert.All(answers, a => Assert.True(a.Fastest > slowest * 0.3, string.Join(", ", answers.Select(x => x.Fastest.TotalMilliseconds))));

        // The audit says why, in Vietnamese, for the administrator only.
        var audit = (await app.GetJsonAsync("/api/audit")).EnumerateArray().Where(e => e.GetProperty("action").GetString() == AuditActions.SignInFailed).ToList();
        Assert.All(audit, e => Assert.Equal(AuditActors.Anonymous, e.GetProperty("actor").GetString()));
        var details = audit.Select(e => e.GetProperty("detail").GetString()!).ToList();
        Assert.Contains(details, d => d.StartsWith("sai mật khẩu; địa chỉ 192.0.2.1", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("tài khoản đã bị khóa bởi quản trị viên; địa chỉ 192.0.2.2", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("không có tài khoản tên này; địa chỉ 192.0.2.3", StringComparison.Ordinal));
        Assert.Equal("Người chưa đăng nhập", Display.Actor(AuditActors.Anonymous));
        // Entries written before the details were Vietnamese are put in words on the pages.
        Assert.Equal("sai tên đăng nhập hoặc mật khẩu", Display.AuditDetail("Invalid"));
        Assert.Equal("vai trò Đơn vị báo cáo; đơn vị 51.SCT", Display.AuditDetail("vai trò department; đơn vị 51.SCT"));
    }

    [Fact]
    public async Task AnUnknownNameIsLockedLikeAKnownOne()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await CreateAsync(app, "vanthu");
        using var session = PageSession.Open(app);
        string Known(string html) => html.Contains("tạm bị chặn trên máy này", StringComparison.Ordinal) ? "locked" : "open";
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(Known(await (await AttemptAsync(session, "vanthu", "sai-" + i + "-mat-khau", "192.0.2.5")).Content.ReadAsStringAsync()));
            unknown.Add(Known(await (await AttemptAsync(session, "khong-co-ai", "sai-" + i + "-mat-khau", "192.0.2.5")).Content.ReadAsStringAsync()));
        }

        Assert.Equal(known, unknown);
        Assert.Equal("locked", known[^1]);
    }

    [Theory]
    [InlineData("/rounds/đợt")]
    [InlineData("/rounds/%C4%91%E1%BB%A3t")]
    public async Task AReturnAddressWithVietnameseLettersLeadsThereAfterSignIn(string returnUrl)
    {
        using var app = ReportHubApp.ReferenceOnly();
        await CreateAsync(app, "phantich", Roles.Analyst, null);
        using var session = PageSession.Open(app);
        // The page takes it from the query string as the cookie handler writes it, and posts it back.
        var (status, html) = await session.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"returnUrl\"", html, StringComparison.Ordinal);

        var response = await AttemptAsync(session, "phantich", "mat-khau-phantich-2025", "192.0.2.1", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/rounds/%C4%91%E1%BB%A3t", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/rounds")]
    [InlineData("//evil.example/rounds")]
    [InlineData("/\\evil.example/rounds")]
    [InlineData("http:/evil.example")]
    public async Task AReturnAddressOffTheSiteLeadsHome(string returnUrl)
    {
        using var app = ReportHubApp.ReferenceOnly();
        await CreateAsync(app, "phantich", Roles.Analyst, null);
        using var session = PageSession.Open(app);

        var response = await AttemptAsync(session, "phantich", "mat-khau-phantich-2025", "192.0.2.1", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
