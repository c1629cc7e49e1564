using ReportHub.Core.Text;
using ReportHub.Integration.Tests.Support;

namespace ReportHub.Integration.Tests;

/// <summary>The two letterheads users filed wrongly, ingested end to end through the CLI into a real warehouse.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class IssuingBodyCliTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("51.SCT")]
    public async Task IssuerMissingFromTheRegistryIsRejectedNotFiledUnderTheProvince(string? unit)
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var builder = new ReportBuilder { IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "SỞ KHÔNG TỒN TẠI"] };
        var file = cli.Write("so-khong-ton-tai.xlsx", builder.ToXlsx());

        var run = unit is null
            ? await cli.RunAsync("ingest", file, "--json")
            : await cli.RunAsync("ingest", file, "--unit", unit, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.JsonLines);
        Assert.Equal("rejected", line.GetProperty("status").GetString());
        var issue = Assert.Single(line.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "unit.unknown");
        Assert.Contains("“SỞ KHÔNG TỒN TẠI”", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The issuer's line is the second of the block, in A2.
        Assert.Equal("A2", issue.GetProperty("cell").GetString());
        var totals = Assert.Single((await cli.RunAsync("totals", "--round", "2021-10", "--json")).JsonLines);
        Assert.Equal(0, totals.GetProperty("unitsReported").GetInt32());
    }

    [Fact]
    public async Task Tcvn3MixedCaseDistrictUnderTheProvinceIsFiledUnderTheDistrict()
    {
        using var cli = new CliWorkspace();
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var builder = ReportBuilder.District();
        builder.IssuingBody = ["UBND TỈNH QUẢNG NGÃI", "UBND huyện Bình Sơn"];
        builder.Charset = LegacyCharset.Tcvn3;
        var file = cli.Write("binhson-tcvn3.xlsx", builder.ToXlsx());

        var run = await cli.RunAsync("ingest", file, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.JsonLines);
        Assert.Equal("accepted", line.GetProperty("status").GetString());
        Assert.Equal("51.524", line.GetProperty("unit").GetString());
        Assert.Equal(builder.ExpectedQrScans, line.GetProperty("qrScans").GetInt64());
        Assert.Contains(line.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "text.legacy-converted");
    }
}
