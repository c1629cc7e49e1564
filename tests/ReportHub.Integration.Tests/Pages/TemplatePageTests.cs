using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ReportHub.Integration.Tests.Support;
using ReportHub.Integration.Tests.Templates;
using ReportHub.Warehouse.Access;

namespace ReportHub.Integration.Tests.Pages;

/// <summary>The template page over HTTP: its V/v line is written once, whatever the definition's subject says.</summary>
public sealed partial class TemplatePageTests
{
    [Theory]
    [InlineData("V/v báo cáo kết quả cung cấp dịch vụ công trực tuyến")]
    [InlineData("báo cáo kết quả cung cấp dịch vụ công trực tuyến")]
    [InlineData("V/v V/v báo cáo kết quả cung cấp dịch vụ công trực tuyến")]
    public async Task SubjectIsShownWithOneVv(string subject)
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var definition = TemplateSamples.Services();
        definition["subject"] = subject;
        await RegisterAsync(app, definition.Json());
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (status, html) = await analyst.GetAsync($"/templates/{TemplateSamples.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("V/v báo cáo kết quả cung cấp dịch vụ công trực tuyến", SubjectOf(html));
        Assert.DoesNotContain("V/v V/v", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateWithoutSubjectShowsTheLineItsBlankLetterCarries()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        var definition = TemplateSamples.Services();
        definition.Remove("subject");
        await RegisterAsync(app, definition.Json());
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        var (status, html) = await analyst.GetAsync($"/templates/{TemplateSamples.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("V/v báo cáo kết quả cung cấp dịch vụ công trực tuyến", SubjectOf(html));
    }

    [Fact]
    public async Task ShippedTemplatesShowTheirSubjectOnce()
    {
        using var app = ReportHubApp.ReferenceOnly(quiet: true);
        using var analyst = await PageSession.SignedInAsync(app, "phantich", Roles.Analyst, null);

        foreach (var id in (string[])["covid-tech-2021", "dvc-online-2025"])
        {
            var (status, html) = await analyst.GetAsync($"/templates/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith("V/v báo cáo tình hình ", SubjectOf(html), StringComparison.Ordinal);
            Assert.DoesNotContain("V/v V/v", html, StringComparison.Ordinal);
        }
    }

    private static async Task RegisterAsync(ReportHubApp app, string json)
    {
        var response = await app.CreateClient().PostAsync("/api/templates", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static string SubjectOf(string html)
    {
        var match = Subject().Match(html);
        Assert.True(match.Success, "no #template-subject on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<span id=\"template-subject\">([^<]*)</span>")]
    private static partial Regex Subject();
}
