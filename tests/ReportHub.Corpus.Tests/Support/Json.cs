using System.Text;
using System.Text.Json;

namespace ReportHub.Corpus.Tests.Support;

/// <summary>Reading the CLI's and the API's JSON answers in assertions.</summary>
public static class Json
{
    public static string Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";

    public static long Num(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : -1;

    public static string Describe(this JsonElement issues) =>
        issues.ValueKind != JsonValueKind.Array ? "(no issues)" :
        string.Join("\n", issues.EnumerateArray().Select(i => $"  {i.Str("severity")} {i.Str("code")} @ {i.Str("cell")}: {i.Str("message")}"));

    public static Encoding Utf8Bom => new UTF8Encoding(true);
}
