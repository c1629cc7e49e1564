using System.Text;
using System.Text.Json;
using ReportHub.Core.Domain;
using ReportHub.Warehouse.Submissions;

namespace ReportHub.Scale.Tests.Warehouse;

public sealed class RowValuesJsonTests
{
    private static readonly IReadOnlyDictionary<string, FieldValue>[] Rows =
    [
        new Dictionary<string, FieldValue>(),
        new Dictionary<string, FieldValue>
        {
            ["qrCodes"] = new() { Text = "01", Number = 1 },
            ["citation"] = new() { Text = "780/SCT-VP ngày 07/05/2021", Date = new DateOnly(2021, 5, 7) },
        },
        new Dictionary<string, FieldValue>
        {
            ["ratio"] = new() { Text = "1.500000", Number = 1.500000m, Code = "x" },
            ["recipients"] = new() { Text = "a\nb", Items = ["UBND các huyện, thị xã, thành phố.", "", "\"Đ\" \\ 😷 <tag> & 'q'"] },
        },
        new Dictionary<string, FieldValue>
        {
            ["big"] = new() { Text = "79228162514264337593543950335", Number = decimal.MaxValue },
            ["small"] = new() { Text = "-0,0000000001", Number = -0.0000000001m },
            ["lone"] = new() { Text = "lone \uD800 surrogate\0\u001f\u2028" },
        },
        new Dictionary<string, FieldValue>
        {
            ["long"] = new() { Text = string.Concat(Enumerable.Repeat("Ủy ban nhân dân tỉnh Quảng Ngãi; ", 3_000)) },
        },
    ];

    [Fact]
    public void OneReusedWriterWritesEveryRowAsAFreshWriterDoes()
    {
        using var writer = new RowValuesJson.Writer();
        // Twice over, in both orders, so what one row leaves behind in the reused buffer would show in the next; the
        // fresh writer's shape itself is pinned by the literal JSON below.
        foreach (var row in Rows.Concat(Rows.Reverse()))
        {
            var expected = RowValuesJson.Write(row);
            Assert.Equal(expected, writer.Write(row));
            Assert.Equal(expected, Encoding.UTF8.GetString(writer.Utf8(row)));
        }
    }

    [Fact]
    public void TheStoredShapeIsCompactAndKeepsVietnameseReadable()
    {
        Assert.Equal("""{"qrCodes":{"t":"01","n":1},"citation":{"t":"780/SCT-VP ngày 07/05/2021","d":"2021-05-07"}}""", RowValuesJson.Write(Rows[1]));
        Assert.Equal("{}", RowValuesJson.Write(Rows[0]));
        Assert.Equal(ExpectedEscapes, RowValuesJson.Write(Rows[2]));
        Assert.Equal(ExpectedNumbersAndControls, RowValuesJson.Write(Rows[3]));
    }

    // What JSON itself requires is escaped (quotes, backslash, controls, a lone surrogate), and only that.
    private const string ExpectedEscapes = """{"ratio":{"t":"1.500000","n":1.5,"c":"x"},"recipients":{"t":"a\nb","i":["UBND các huyện, thị xã, thành phố.","","\"Đ\" \\ \uD83D\uDE37 <tag> & 'q'"]}}""";

    private const string ExpectedNumbersAndControls = """{"big":{"t":"79228162514264337593543950335","n":79228162514264337593543950335},"small":{"t":"-0,0000000001","n":-0.0000000001},"lone":{"t":"lone \uFFFD surrogate\u0000\u001F\u2028"}}""";
}
