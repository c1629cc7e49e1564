using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReportHub.Api.Endpoints;
using ReportHub.Pipeline.Access;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The audit log's query, its page /admin/audit and GET /api/audit: filters, whole days in Vietnam's time, pages, counts.</summary>
public sealed partial class AuditLogPageTests
{
    // 12:00 on 1 March 2025 in Vietnam is 05:00 UTC.
    private static readonly DateTimeOffset Noon = new(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(7));

    /// <summary>
    /// 120 entries, one an hour from noon on 1 March 2025 (Vietnam): every third by lan, the rest by a key; every
    /// fourth closes a round, the rest upload; the 7th holds a literal "50%_[x]" in its detail.
    /// </summary>
    private static async Task<AuditStore> SeedAsync(ReportHubApp app)
    {
        var store = app.Services.GetRequiredService<AuditStore>();
        for (var i = 0; i < 120; i++)
        {
            await store.WriteAsync(new AuditEntry
            {
                At = Noon.AddHours(i),
                Actor = i % 3 == 0 ? "user:lan" : "key:rh_abcd",
                Action = i % 4 == 0 ? AuditActions.RoundClosed : AuditActions.Upload,
                Target = i % 4 == 0 ? "2021-10" : "#" + i.ToString(CultureInfo.InvariantCulture),
                Detail = i == 7 ? "tệp 50%_[x].xlsx: accepted" : "mục " + i.ToString(CultureInfo.InvariantCulture),
            }, CancellationToken.None);
        }
        return store;
    }

    [Fact]
    public async Task TheQueryPagesLatestFirstAndCountsEveryMatch()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var store = await SeedAsync(app);
        var all = await store.SearchAsync(new AuditQuery { Action = AuditActions.Upload, Limit = 1000 }, CancellationToken.None);
        Assert.Equal(90, all.Total);

        var first = await store.SearchAsync(new AuditQuery { Action = AuditActions.Upload, Limit = 50 }, CancellationToken.None);
        var second = await store.SearchAsync(new AuditQuery { Action = AuditActions.Upload, Limit = 50, Offset = 50 }, CancellationToken.None);

        Assert.Equal(90, first.Total);
        Assert.Equal(50, first.Entries.Count);
        Assert.Equal(40, second.Entries.Count);
        Assert.Equal(all.Entries, [.. first.Entries, .. second.Entries]);
        Assert.Equal(Noon.AddHours(119), first.Entries[0].At);
        Assert.True(first.Entries.Zip(first.Entries.Skip(1)).All(p => p.First.At > p.Second.At), "not latest first");
    }

    [Fact]
    public async Task TheQueryFiltersByActorActionDaysAndTextTogether()
    {
        using var app = ReportHubApp.ReferenceOnly();
        var store = await SeedAsync(app);

        var lan = await store.SearchAsync(new AuditQuery { Actor = "LAN", Limit = 1000 }, CancellationToken.None);
        Assert.Equal(40, lan.Total);
        Assert.All(lan.Entries, e => Assert.Equal("user:lan", e.Actor));

        var lanCloses = await store.SearchAsync(new AuditQuery { Actor = "lan", Action = AuditActions.RoundClosed, Limit = 1000 }, CancellationToken.None);
        Assert.Equal(10, lanCloses.Total);

        // 2 March in Vietnam: hours 12 to 35 after noon on 1 March.
        var day = await store.SearchAsync(new AuditQuery
        {
            From = new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.FromHours(7)),
            Before = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.FromHours(7)),
            Limit = 1000,
        }, CancellationToken.None);
        Assert.Equal(24, day.Total);
        Assert.All(day.Entries, e => Assert.Equal(new DateOnly(2025, 3, 2), DateOnly.FromDateTime(e.At.ToOffset(TimeSpan.FromHours(7)).DateTime)));

        var round = await store.SearchAsync(new AuditQuery { Text = "2021-10", Limit = 1000 }, CancellationToken.None);
        Assert.Equal(30, round.Total);

        // The text's own %, _ and [ are letters, not wildcards.
        var literal = await store.SearchAsync(new AuditQuery { Text = "50%_[x]", Limit = 1000 }, CancellationToken.None);
        Assert.Equal("#7", Assert.Single(literal.Entries).Target);
        Assert.Equal(0, (await store.SearchAsync(new AuditQuery { Text = "5_%", Limit = 1000 }, CancellationToken.None)).Total);
        Assert.Equal(0, (await store.SearchAsync(new AuditQuery { Text = "không có", Limit = 1000 }, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task TheAuditPageFiltersAndPagesWithVietnameseCountsAndTheAdminPageLinksToIt()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await SeedAsync(app);
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);

        var (_, adminPage) = await admin.GetAsync("/admin");
        Assert.Contains("href=\"/admin/audit\" id=\"audit-link\"", adminPage);
        Assert.DoesNotContain("id=\"audit\"", adminPage);

        var (status, first) = await admin.GetAsync("/admin/audit?action=submission.upload");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hiển thị 1–50 trên 90 mục", first);
        Assert.Equal(50, Rows().Matches(first).Count);
        Assert.All(Rows().Matches(first), m => Assert.Equal(AuditActions.Upload, m.Groups[1].Value));
        Assert.Contains("href=\"/admin/audit?action=submission.upload&amp;page=2\" rel=\"next\"", first);
        Assert.Contains("Trang sau »", first);

        var (_, second) = await admin.GetAsync("/admin/audit?action=submission.upload&page=2");
        Assert.Contains("Hiển thị 51–90 trên 90 mục", second);
        Assert.Equal(40, Rows().Matches(second).Count);
        Assert.Contains("« Trang trước", second);

        var (_, day) = await admin.GetAsync("/admin/audit?actor=lan&from=2025-03-02&to=2025-03-02");
        Assert.Contains("Hiển thị 1–8 trên 8 mục", day);

        var (_, text) = await admin.GetAsync("/admin/audit?q=" + Uri.EscapeDataString("50%_[x]"));
        Assert.Contains("Hiển thị 1–1 trên 1 mục", text);

        var (_, none) = await admin.GetAsync("/admin/audit?from=2000-01-01&to=2000-01-02");
        Assert.Contains("Không có thao tác nào khớp bộ lọc.", none);

        var (badStatus, bad) = await admin.GetAsync("/admin/audit?from=31-02-2025");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus);
        Assert.Contains("Ngày bắt đầu “31-02-2025” không hợp lệ", bad);

        var (backwards, reversed) = await admin.GetAsync("/admin/audit?from=2025-03-05&to=2025-03-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards);
        Assert.Contains("trước ngày bắt đầu", reversed);
    }

    [Fact]
    public async Task APageNumberPastTheEndOrNotANumberStillShowsEntries()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await SeedAsync(app);
        using var admin = await PageSession.SignedInAsync(app, "quantri", Roles.Admin, null);

        var (_, beyond) = await admin.GetAsync("/admin/audit?action=submission.upload&page=99");
        Assert.Contains("Hiển thị 51–90 trên 90 mục", beyond);
        Assert.Equal(40, Rows().Matches(beyond).Count);

        var (_, words) = await admin.GetAsync("/admin/audit?action=submission.upload&page=hai&size=nhieu");
        Assert.Contains("Hiển thị 1–50 trên 90 mục", words);

        var (_, huge) = await admin.GetAsync("/admin/audit?action=submission.upload&size=100000");
        Assert.Contains("Hiển thị 1–90 trên 90 mục", huge);
        var (_, zero) = await admin.GetAsync("/admin/audit?action=submission.upload&size=0");
        Assert.Contains("Hiển thị 1–1 trên 90 mục", zero);
    }

    [Fact]
    public async Task TheAuditPageIsForAdminsOnly()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (status, html, _) = await analyst.FollowAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("id=\"audit\"", html);
    }

    [Fact]
    public async Task TheAuditApiTakesTheSameFiltersAnOffsetAndSaysTheTotal()
    {
        using var app = ReportHubApp.ReferenceOnly();
        await SeedAsync(app);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/audit?action=round.close&limit=4&offset=8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("30", Assert.Single(response.Headers.GetValues(AuditApi.TotalHeader)));
        var entries = (await ReportHubApp.ReadJsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(4, entries.Count);
        // Closes are every 4th hour; latest first, the 9th latest is hour 116 - 8 * 4 = 84.
        Assert.Equal(Noon.AddHours(84), entries[0].GetProperty("at").GetDateTimeOffset());

        var day = await client.GetAsync("/api/audit?from=2025-03-02&to=2025-03-02&actor=lan");
        Assert.Equal("8", Assert.Single(day.Headers.GetValues(AuditApi.TotalHeader)));

        var bad = await client.GetAsync("/api/audit?to=hom-qua");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Ngày kết thúc “hom-qua” không hợp lệ", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/audit?offset=-1")).StatusCode);
    }

    [GeneratedRegex("<tr data-action=\"([^\"]+)\">")]
    private static partial Regex Rows();
}
