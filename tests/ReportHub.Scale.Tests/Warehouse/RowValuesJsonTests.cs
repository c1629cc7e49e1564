using System.Globalization;
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
    public void OneReusedWriterWritesEveryRowAsAFreshStreamAndWriterDid()
    {
        using var writer = new RowValuesJson.Writer();
        // Twice over, in both orders, so what one row leaves behind in the reused buffer would show in the next.
        foreach (var row in Rows.Concat(Rows.Reverse()))
        {
            var expected = FreshStreamAndWriter(row);
            Assert.Equal(expected, writer.Write(row));
            Assert.Equal(expected, Encoding.UTF8.GetString(writer.Utf8(row)));
            Assert.Equal(expected, RowValuesJson.Write(row));
        }
    }

    [Fact]
    public void TheStoredShapeIsCompactAndKeepsVietnameseReadable()
    {
        Assert.Equal("""{"qrCodes":{"t":"01","n":1},"citation":{"t":"780/SCT-VP ngày 07/05/2021","d":"2021-05-07"}}""", RowValuesJson.Write(Rows[1]));
        Assert.Equal("{}", RowValuesJson.Write(Rows[0]));
    }

    /// <summary>How rows were written before the writer was reused: a MemoryStream and a Utf8JsonWriter per row.</summary>
    private static string FreshStreamAndWriter(IReadOnlyDictionary<string, FieldValue> values)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (key, value) in values)
            {
                json.WriteStartObject(key);
                json.WriteString("t", value.Text);
                if (value.Number is { } number)
                {
                    json.WriteNumber("n", RowValuesJson.Normalise(number));
                }
                if (value.Date is { } date)
                {
                    json.WriteString("d", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                if (value.Code is { } code)
                {
                    json.WriteString("c", code);
                }
                if (value.Items is { } items)
                {
                    json.WriteStartArray("i");
                    foreach (var item in items)
                    {
                        json.WriteStringValue(item);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
