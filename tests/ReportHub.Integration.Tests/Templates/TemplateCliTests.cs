using System.Text.Json.Nodes;
using ReportHub.Core.Templates;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>`templates add|list|show` through the built binary, as scripts run it.</summary>
public sealed class TemplateCliTests
{
    [Fact]
    public async Task AddListAndShowATemplate()
    {
        using var cli = new CliWorkspace();
        var file = cli.Write("dvc.json", System.Text.Encoding.UTF8.GetBytes(TemplateSamples.Services(2).Json()));

        var add = await cli.RunProcessAsync("templates", "add", file);
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal($"{TemplateSamples.Id} 2", add.Lines.Single());

        var list = await cli.RunProcessAsync("templates", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        var listed = list.JsonLines.Single().EnumerateArray().ToList();
        Assert.Contains(listed, t => t.GetProperty("id").GetString() == FirstTemplateView.Id && t.GetProperty("version").GetInt32() == 1);
        Assert.Contains(listed, t => t.GetProperty("id").GetString() == TemplateSamples.Id && t.GetProperty("version").GetInt32() == 2);

        var show = await cli.RunProcessAsync("templates", "show", TemplateSamples.Id, "--version", "2");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.True(JsonNode.DeepEquals(TemplateSamples.Services(2), JsonNode.Parse(show.Out)));

        var again = await cli.RunProcessAsync("templates", "add", file, "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("unchanged", again.JsonLines.Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task InvalidTemplateExitsOneWithEachErrorOnStderrAndAsJson()
    {
        using var cli = new CliWorkspace();
        var broken = TemplateSamples.Services();
        broken["measures"]![1]!["from"] = "services.service";
        broken["version"] = 0;
        var file = cli.Write("broken.json", System.Text.Encoding.UTF8.GetBytes(broken.Json()));

        var run = await cli.RunProcessAsync("templates", "add", file, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("$.version: ", run.Err);
        Assert.Contains("$.measures[1].from: Cột “service”", run.Err);
        var result = run.JsonLines.Single();
        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal(["$.measures[1].from", "$.version"], result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownTemplateAndMissingFileAreUsageErrors()
    {
        using var cli = new CliWorkspace();

        var show = await cli.RunProcessAsync("templates", "show", "khong-co");
        var add = await cli.RunProcessAsync("templates", "add", Path.Combine(cli.Folder, "missing.json"));
        var bare = await cli.RunProcessAsync("templates");

        Assert.True(show.ExitCode == 2, show.ToString());
        Assert.Contains("Không có mẫu báo cáo “khong-co”", show.Err);
        Assert.True(add.ExitCode == 2, add.ToString());
        Assert.Contains("Không tìm thấy tệp định nghĩa mẫu", add.Err);
        Assert.Equal(2, bare.ExitCode);
    }
}
