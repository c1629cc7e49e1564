using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ReportHub.Core.Templates;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Templates;

public sealed class TemplatesApiTests
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ShippedTemplateIsListedAndServed()
    {
        using var app = new ReportHubApp();

        var list = await app.GetJsonAsync("/api/templates");
        var covid = list.EnumerateArray().Single(t => t.GetProperty("id").GetString() == FirstTemplateView.Id);
        Assert.Equal(1, covid.GetProperty("version").GetInt32());
        Assert.Equal(FirstTemplateView.Definition.Title, covid.GetProperty("title").GetString());

        var definition = await app.GetJsonAsync($"/api/templates/{FirstTemplateView.Id}");
        Assert.Equal("qr", definition.GetProperty("sections")[1].GetProperty("key").GetString());
    }

    [Fact]
    public async Task SchemaIsServedAsSchemaJson()
    {
        using var app = new ReportHubApp();

        var response = await app.CreateClient().GetAsync("/api/templates/schema.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostRegistersVersionsAndGetServesEach()
    {
        using var app = new ReportHubApp();
        var client = app.CreateClient();

        var created = await client.PostAsync("/api/templates", Body(TemplateSamples.Services(1).Json()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = await ReportHubApp.ReadJsonAsync(created);
        Assert.Equal((TemplateSamples.Id, 1), (summary.GetProperty("id").GetString(), summary.GetProperty("version").GetInt32()));
        Assert.False(string.IsNullOrEmpty(summary.GetProperty("title").GetString()));

        var v2 = TemplateSamples.Services(2);
        v2["title"] = "PHIÊN BẢN 2";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/templates", Body(v2.Json()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/templates", Body(v2.Json()))).StatusCode);

        var latest = await app.GetJsonAsync($"/api/templates/{TemplateSamples.Id}");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        var first = await app.GetJsonAsync($"/api/templates/{TemplateSamples.Id}?version=1");
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        var listed = (await app.GetJsonAsync("/api/templates")).EnumerateArray().Single(t => t.GetProperty("id").GetString() == TemplateSamples.Id);
        Assert.Equal("PHIÊN BẢN 2", listed.GetProperty("title").GetString());

        var missing = await app.GetJsonAsync($"/api/templates/{TemplateSamples.Id}?version=7", HttpStatusCode.NotFound);
        Assert.Contains("phiên bản 7", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InvalidDefinitionIs422WithPathErrors()
    {
        using var app = new ReportHubApp();
        var broken = TemplateSamples.Services();
        broken["rules"]![0]!["left"] = "submitted";
        broken["sections"]![0]!["table"]!["columns"]![2]!.AsObject().Remove("values");

        var response = await app.CreateClient().PostAsync("/api/templates", Body(broken.Json()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("“submitted”", errors["$.rules[0].left"]);
        Assert.Contains("values", errors["$.sections[0].table.columns[2].values"]);
        Assert.Equal(2, errors.Count);
        await app.GetJsonAsync($"/api/templates/{TemplateSamples.Id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangedDefinitionUnderARegisteredVersionIs422()
    {
        using var app = new ReportHubApp();
        var client = app.CreateClient();
        await client.PostAsync("/api/templates", Body(TemplateSamples.Services().Json()));
        var changed = TemplateSamples.Services();
        changed["title"] = "TIÊU ĐỀ KHÁC";

        var response = await client.PostAsync("/api/templates", Body(changed.Json()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Equal("$.version", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task NonJsonBodyIs422()
    {
        using var app = new ReportHubApp();

        var response = await app.CreateClient().PostAsync("/api/templates", new StringContent("id=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReportHubApp.ReadJsonAsync(response);
        Assert.Contains("JSON", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
