using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportHub.Core.Domain;

namespace ReportHub.Warehouse.Submissions;

/// <summary>
/// The compact JSON a table row's values are stored as (<c>table_rows.row_values</c>):
/// <c>{"qrCodes":{"t":"01","n":1},"citation":{"t":"780/SCT-VP ngày 07/05/2021","d":"2021-05-07"}}</c>.
/// One object per column that had a value; inside it <c>t</c> is the text as written, <c>n</c> the number,
/// <c>d</c> the date (yyyy-MM-dd), <c>c</c> the code, <c>i</c> the list's items, each present only when set.
/// One-letter members keep a 100,000-row table small; migration 008 builds the same shape in SQL.
/// </summary>
public static class RowValuesJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Vietnamese text stays readable (and short) in the stored JSON: only what JSON requires is escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyDictionary<string, FieldValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var writer = new Writer();
        return writer.Write(values);
    }

    /// <summary>
    /// Writes many rows' JSON through one buffer and one <see cref="Utf8JsonWriter"/>, reset between rows, so a
    /// 100,000-row table does not make a stream and a writer per row. Not thread-safe: one per batch of rows.
    /// </summary>
    public sealed class Writer : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private readonly Utf8JsonWriter _json;

        public Writer()
        {
            _json = new Utf8JsonWriter(_buffer, Options);
        }

        /// <summary>The row's JSON as UTF-8, valid until the next call.</summary>
        public ReadOnlySpan<byte> Utf8(IReadOnlyDictionary<string, FieldValue> values)
        {
            ArgumentNullException.ThrowIfNull(values);
            _buffer.ResetWrittenCount();
            _json.Reset();
            WriteObject(_json, values);
            _json.Flush();
            return _buffer.WrittenSpan;
        }

        public string Write(IReadOnlyDictionary<string, FieldValue> values) => Encoding.UTF8.GetString(Utf8(values));

        public void Dispose() => _json.Dispose();
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyDictionary<string, FieldValue> values)
    {
        json.WriteStartObject();
        foreach (var (key, value) in values)
        {
            json.WriteStartObject(key);
            json.WriteString("t", value.Text);
            if (value.Number is { } number)
            {
                json.WriteNumber("n", Normalise(number));
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

    /// <exception cref="JsonException">The text is not a stored row's JSON.</exception>
    public static IReadOnlyDictionary<string, FieldValue> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var column in document.RootElement.EnumerateObject())
        {
            var v = column.Value;
            values[column.Name] = new FieldValue
            {
                Text = v.TryGetProperty("t", out var t) ? t.GetString() ?? "" : "",
                Number = v.TryGetProperty("n", out var n) ? n.GetDecimal() : null,
                Date = v.TryGetProperty("d", out var d) ? DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Code = v.TryGetProperty("c", out var c) ? c.GetString() : null,
                Items = v.TryGetProperty("i", out var i) ? i.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : null,
            };
        }
        return values;
    }

    /// <summary>1.000000 and 1 are the same count: trailing zeros of the scale are dropped so that 1 is written "1".</summary>
    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}
