using System.Text;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class ConsolidatedCsvTests
{
    private static byte[] Write(ConsolidatedData data) => Workbooks.Bytes(s => ConsolidatedCsv.Write(s, data));

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes.AsSpan(3));

    [Fact]
    public void StartsWithAUtf8BomAndTheJsonFieldNames()
    {
        var bytes = Write(SampleRound.Build());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("unit,name,type,status,receivedAt,submissionId,directives,qrCodes,qrScans,revisedAt\r\n", Text(bytes));
    }

    [Fact]
    public void WritesOneRowPerUnitWithIsoTimestampsAndEmptyFieldsForAMissingUnit()
    {
        var lines = Text(Write(SampleRound.Build())).Split("\r\n");

        // A missing unit's counts are empty, no longer 0: it reported nothing, not zero of each.
        Assert.Equal(
            [
                ConsolidatedCsv.HeaderOf(SampleRound.Template),
                "51.SCT,Sở Công Thương tỉnh Quảng Ngãi,department,onTime,2021-10-27T02:15:00+00:00,11,3,1,541,",
                "51.524,Huyện Bình Sơn,district,late,2021-10-30T08:40:00+07:00,12,2,39,1238913,",
                "51.SKHCN,Sở Khoa học và Công nghệ tỉnh Quảng Ngãi,department,missing,,,,,,",
                "",
            ],
            lines);
    }

    [Fact]
    public void QuotesFieldsHoldingCommasQuotesOrLineBreaksPerRfc4180()
    {
        var data = WithUnit(Unit("51.BQL", "Ban Quản lý \"KKT Dung Quất\", các KCN\nQuảng Ngãi"));

        var row = Text(Write(data)).Split("\r\n")[1];

        Assert.StartsWith("51.BQL,\"Ban Quản lý \"\"KKT Dung Quất\"\", các KCN\nQuảng Ngãi\",other,", row);
        var fields = ParseRecord(Text(Write(data)).Split("\r\n", 3)[1]);
        Assert.Equal("Ban Quản lý \"KKT Dung Quất\", các KCN\nQuảng Ngãi", fields[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+84 255 3822 222")]
    [InlineData("- Ban Dân tộc")]
    [InlineData("@SUM(A1:A9)")]
    public void PrefixesFormulaLikeTextWithAnApostrophe(string name)
    {
        var text = Text(Write(WithUnit(Unit("51.X", name))));

        var fields = ParseRecord(text.Split("\r\n")[1]);
        Assert.Equal("'" + name, fields[1]);
        Assert.Equal(["0", "5", "-7"], fields[6..9]);
    }

    [Fact]
    public void LeavesNumbersUnprefixedEvenWhenNegative()
    {
        var data = WithUnit(Unit("51.X", "Sở Y tế tỉnh Quảng Ngãi"));

        var fields = ParseRecord(Text(Write(data)).Split("\r\n")[1]);

        Assert.Equal("-7", fields[8]);
        Assert.Equal("Sở Y tế tỉnh Quảng Ngãi", fields[1]);
    }

    [Fact]
    public void LeavesTheOutputStreamOpenForTheCaller()
    {
        using var stream = new MemoryStream();

        ConsolidatedCsv.Write(stream, SampleRound.Build());

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 3);
    }

    private static UnitStatus Unit(string code, string name) =>
        UnitRows.Reported(SampleRound.Template, code, name, "other", UnitStatuses.OnTime, 1, new DateTimeOffset(2021, 10, 27, 9, 0, 0, TimeSpan.FromHours(7)),
            new Dictionary<string, decimal> { ["directives"] = 0, ["qrCodes"] = 5, ["qrScans"] = -7 });

    private static ConsolidatedData WithUnit(UnitStatus unit) => SampleRound.Build() with { Units = [unit] };

    /// <summary>A strict RFC 4180 reader for one record, so the test does not trust the writer's own rules.</summary>
    private static List<string> ParseRecord(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
