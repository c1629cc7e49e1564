using System.Net;
using System.Text.RegularExpressions;
using ReportHub.Integration.Tests.Rounds;
using ReportHub.Integration.Tests.Support;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>
/// The round forms as a browser posts them: the units a round expects are exactly the ticked types, parents and
/// named units, shown before they are saved, and kept as stored when the round is edited.
/// </summary>
public sealed partial class RoundScopePageTests
{
    private static readonly DateOnly RequestDay = new(2024, 5, 6);

    private static List<KeyValuePair<string, string>> NewRound(string code, string document, params string[] types) =>
    [
        new("Code", code),
        new("Title", "Báo cáo của các huyện tháng 5 năm 2024"),
        new("Template", "covid-tech-2021"),
        new("RequestDocument", document),
        new("RequestDate", "2024-05-06"),
        new("Deadline", "2024-05-20"),
        new("Parents", ""),
        new("Units", ""),
        .. types.Select(t => new KeyValuePair<string, string>("Types", t)),
    ];

    [Fact]
    public async Task ADistrictsOnlyRoundIsPreviewedAndSavedWithExactlyTheDistricts()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var districts = Registry.ActiveDistricts(RequestDay);
        Assert.Equal(13, districts.Count);
        var fields = NewRound("HUYEN-2024-05", "501/SKHCN-CĐS", "district");

        var previewed = await analyst.PostFieldsAsync("/rounds", fields, "/rounds?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var html = await previewed.Content.ReadAsStringAsync();
        Assert.Contains("Xem trước: <span id=\"preview-count\">13</span> đơn vị phải báo cáo", html);
        Assert.Equal(districts, PreviewUnits(html));
        Assert.DoesNotContain((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "HUYEN-2024-05");
        Assert.Equal(["district"], CheckedTypes(html));

        var created = await analyst.PostFieldsAsync("/rounds", [.. fields, new("Previewed", Previewed(html))], "/rounds?handler=Create");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/rounds", created.Headers.Location!.OriginalString);
        Assert.Contains("Đã mở đợt HUYEN-2024-05 với 13 đơn vị phải báo cáo.", (await analyst.FollowAsync("/rounds")).Html);
        var units = await app.GetJsonAsync("/api/rounds/HUYEN-2024-05/units");
        Assert.Equal(districts, units.EnumerateArray().Select(u => u.GetProperty("unit").GetString()!).Order(StringComparer.Ordinal));
        var round = await app.GetJsonAsync("/api/rounds/HUYEN-2024-05");
        Assert.Equal(["district"], round.GetProperty("expected").GetProperty("types").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task SavingWithoutAPreviewOrAfterTheBoxesChangedShowsTheListInsteadOfSaving()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var districts = NewRound("HUYEN-2024-06", "502/SKHCN-CĐS", "district");
        var html = await (await analyst.PostFieldsAsync("/rounds", districts, "/rounds?handler=Preview")).Content.ReadAsStringAsync();

        var unseen = await analyst.PostFieldsAsync("/rounds", districts, "/rounds?handler=Create");
        var changed = await analyst.PostFieldsAsync("/rounds", [.. NewRound("HUYEN-2024-06", "502/SKHCN-CĐS", "district", "department"), new("Previewed", Previewed(html))],
            "/rounds?handler=Create");

        Assert.Equal(HttpStatusCode.OK, unseen.StatusCode);
        Assert.Contains("id=\"round-preview\"", await unseen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var again = await changed.Content.ReadAsStringAsync();
        Assert.Contains("Danh sách đơn vị đã khác lần xem trước nên chưa lưu gì", again);
        Assert.Equal(13 + Registry.ActiveDepartments(RequestDay).Count, PreviewUnits(again).Count);
        Assert.DoesNotContain((await app.GetJsonAsync("/api/rounds")).EnumerateArray(), r => r.GetProperty("code").GetString() == "HUYEN-2024-06");
    }

    [Fact]
    public async Task TheTickedBoxesComeBackTickedWithTheProblemsNamedInVietnamese()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        var fields = NewRound("HUYEN-2024-07", "503/SKHCN-CĐS", "district", "commune")
            .Select(f => f.Key is "Title" or "RequestDocument" ? new KeyValuePair<string, string>(f.Key, "") : f).ToList();

        var refused = await analyst.PostFieldsAsync("/rounds", fields, "/rounds?handler=Preview");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(["district", "commune"], CheckedTypes(html));
        Assert.Contains("<a href=\"#round-title\">Tên đợt</a>: Chưa nhập tên đợt.", html);
        Assert.Contains("<a href=\"#round-document\">Số, ký hiệu công văn yêu cầu</a>: Chưa nhập số, ký hiệu công văn yêu cầu báo cáo, ví dụ", html);
        Assert.DoesNotContain("(title)", html);
        Assert.DoesNotContain("(requestDocument)", html);
        Assert.Contains("data-field=\"title\"", html);

        var nothing = await analyst.PostFieldsAsync("/rounds", NewRound("HUYEN-2024-07", "503/SKHCN-CĐS"), "/rounds?handler=Preview");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        var none = await nothing.Content.ReadAsStringAsync();
        Assert.Contains("Chưa chọn đơn vị phải báo cáo.", none);
        Assert.Empty(CheckedTypes(none));

        var taken = await analyst.PostFieldsAsync("/rounds", NewRound("2021-10", "504/SKHCN-CĐS", "district"), "/rounds?handler=Preview");

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var duplicate = await taken.Content.ReadAsStringAsync();
        Assert.Contains("Đã có đợt báo cáo mã “2021-10”. Hãy chọn mã khác, hoặc dùng đợt đã có trong danh sách đợt báo cáo.", duplicate);
        Assert.DoesNotContain("(rounds list)", duplicate);
    }

    [Fact]
    public async Task TheEditFormHoldsTheStoredScopeAndSavingItUnchangedKeepsTheUnits()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        await CreateAsync(analyst, NewRound("HUYEN-2024-08", "505/SKHCN-CĐS", "district"));

        var (status, form) = await analyst.GetAsync("/rounds/HUYEN-2024-08/edit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["district"], CheckedTypes(form));
        Assert.Contains("name=\"Parents\" value=\"51\"", form);
        var fields = FormFields(form);
        Assert.DoesNotContain(fields, f => f.Key == "Units");
        var preview = await analyst.PostFieldsAsync("/rounds/HUYEN-2024-08/edit", fields, "/rounds/HUYEN-2024-08/edit?handler=Preview");
        var shown = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Danh sách đơn vị phải báo cáo giữ nguyên như hiện nay.", shown);

        var saved = await analyst.PostFieldsAsync("/rounds/HUYEN-2024-08/edit", [.. fields, new("Previewed", Previewed(shown))], "/rounds/HUYEN-2024-08/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/rounds/HUYEN-2024-08", saved.Headers.Location!.OriginalString);
        Assert.Contains("Đã lưu thay đổi của đợt HUYEN-2024-08: 13 đơn vị phải báo cáo, hạn nộp 20/05/2024.", (await analyst.FollowAsync("/rounds/HUYEN-2024-08")).Html);
        var round = await app.GetJsonAsync("/api/rounds/HUYEN-2024-08");
        Assert.Equal(13, round.GetProperty("unitsExpected").GetInt32());
        Assert.Equal(["district"], round.GetProperty("expected").GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["district"], CheckedTypes((await analyst.GetAsync("/rounds/HUYEN-2024-08/edit")).Html));
    }

    [Fact]
    public async Task AnEditThatNarrowsTheRoundNamesTheUnitsItTakesOutBeforeSaving()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        await CreateAsync(analyst, NewRound("HUYEN-2024-09", "506/SKHCN-CĐS", "district"));
        // The district box and the parent cleared, two districts named instead.
        List<KeyValuePair<string, string>> fields =
        [
            .. FormFields((await analyst.GetAsync("/rounds/HUYEN-2024-09/edit")).Html).Where(f => f.Key is not ("Types" or "Parents" or "Units")),
            new("Parents", ""),
            new("Units", "51.524, 51.525"),
        ];

        var preview = await analyst.PostFieldsAsync("/rounds/HUYEN-2024-09/edit", fields, "/rounds/HUYEN-2024-09/edit?handler=Preview");
        var shown = await preview.Content.ReadAsStringAsync();

        Assert.True(preview.StatusCode == HttpStatusCode.OK, shown);
        Assert.Contains("11 đơn vị sẽ không còn phải báo cáo đợt này", shown);
        Assert.Contains("Lưu thay đổi, bỏ 11 đơn vị", shown);
        Assert.Equal(13, (await app.GetJsonAsync("/api/rounds/HUYEN-2024-09")).GetProperty("unitsExpected").GetInt32());

        var saved = await analyst.PostFieldsAsync("/rounds/HUYEN-2024-09/edit", [.. fields, new("Previewed", Previewed(shown))], "/rounds/HUYEN-2024-09/edit?handler=Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, (await app.GetJsonAsync("/api/rounds/HUYEN-2024-09")).GetProperty("unitsExpected").GetInt32());
    }

    [Fact]
    public async Task ClosingARoundAsksFirstAndClosesOnlyWhenConfirmed()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        await CreateAsync(analyst, NewRound("HUYEN-2024-10", "507/SKHCN-CĐS", "district"));
        var list = (await analyst.GetAsync("/rounds")).Html;
        Assert.Contains("<a href=\"/rounds/HUYEN-2024-10/close\" class=\"button-danger\" id=\"close-HUYEN-2024-10\">", list);

        var (status, question) = await analyst.GetAsync("/rounds/HUYEN-2024-10/close");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đóng đợt HUYEN-2024-10?", question);
        Assert.False((await app.GetJsonAsync("/api/rounds/HUYEN-2024-10")).GetProperty("closed").GetBoolean());

        var closed = await analyst.PostFormAsync("/rounds/HUYEN-2024-10/close", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.True((await app.GetJsonAsync("/api/rounds/HUYEN-2024-10")).GetProperty("closed").GetBoolean());
        Assert.Contains("Đã đóng đợt HUYEN-2024-10: đơn vị không gửi báo cáo cho đợt này được nữa.", (await analyst.FollowAsync("/rounds")).Html);
        Assert.Contains("đã đóng từ trước", (await analyst.GetAsync("/rounds/HUYEN-2024-10/close")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/rounds/KHONG-CO/close")).Status);

        var unprotected = await analyst.Client.PostAsync("/rounds/2021-10/close", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, unprotected.StatusCode);
        Assert.False((await app.GetJsonAsync("/api/rounds/2021-10")).GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task TextInTheAddressIsNeverShownAsANoticeWhileARealActionsNoticeIsShownOnce()
    {
        using var app = ReportHubApp.ReferenceOnly();
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);
        const string Forged = "Tài khoản của bạn bị khóa, hãy gọi 0900000000";

        foreach (var page in new[] { "/rounds", "/rounds/2021-10", "/templates", "/rounds/2021-10/edit", "/rounds/2021-10/close" })
        {
            var (status, html) = await analyst.GetAsync(page + "?done=" + Uri.EscapeDataString(Forged));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain(Forged, html);
            Assert.DoesNotContain("id=\"notice\"", html);
        }

        var created = await CreateAsync(analyst, NewRound("HUYEN-2024-11", "508/SKHCN-CĐS", "district"));

        var cookie = Assert.Single(created.Headers.GetValues("Set-Cookie"), c => c.StartsWith("reporthub.notice=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Đã mở", created.Headers.Location!.OriginalString);
        var shown = (await analyst.FollowAsync("/rounds")).Html;
        Assert.Contains("<p class=\"notice notice-ok\" role=\"status\" id=\"notice\">Đã mở đợt HUYEN-2024-11 với 13 đơn vị phải báo cáo.</p>", shown);
        Assert.DoesNotContain("id=\"notice\"", (await analyst.FollowAsync("/rounds")).Html);
    }

    /// <summary>Previews, then creates with what was shown; the answer is the redirect after saving.</summary>
    private static async Task<HttpResponseMessage> CreateAsync(PageSession analyst, List<KeyValuePair<string, string>> fields)
    {
        var html = await (await analyst.PostFieldsAsync("/rounds", fields, "/rounds?handler=Preview")).Content.ReadAsStringAsync();
        var created = await analyst.PostFieldsAsync("/rounds", [.. fields, new("Previewed", Previewed(html))], "/rounds?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created;
    }

    private static List<string> PreviewUnits(string html) =>
        [.. PreviewUnit().Matches(html[html.IndexOf("id=\"preview-units\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    private static string Previewed(string html) => WebUtility.HtmlDecode(PreviewedField().Match(html).Groups[1].Value);

    private static List<string> CheckedTypes(string html) => [.. CheckedType().Matches(html).Select(m => m.Groups[1].Value)];

    /// <summary>The edit form's fields as the browser would post them unchanged: text inputs and ticked boxes.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string html) =>
    [
        .. TextInput().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => f.Key is "Title" or "RequestDocument" or "RequestDate" or "Deadline" or "Parents" or "Units"),
        .. CheckedTypes(html).Select(t => new KeyValuePair<string, string>("Types", t)),
    ];

    [GeneratedRegex("<li data-unit=\"([^\"]+)\">[^<]*· ")]
    private static partial Regex PreviewUnit();

    [GeneratedRegex("name=\"Previewed\" value=\"([^\"]*)\"")]
    private static partial Regex PreviewedField();

    [GeneratedRegex("name=\"Types\" value=\"([a-z]+)\" checked=\"checked\"")]
    private static partial Regex CheckedType();

    [GeneratedRegex("name=\"([A-Za-z]+)\"(?: type=\"date\")? value=\"([^\"]*)\"")]
    private static partial Regex TextInput();
}
