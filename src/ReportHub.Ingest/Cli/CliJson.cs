using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReportHub.Ingest.Cli;

internal static class CliJson
{
    /// <summary>camelCase like the API; Vietnamese left readable rather than \u-escaped.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Options);
}
