using System.Text.Json.Nodes;

namespace ReportHub.Integration.Tests.Templates;

/// <summary>
/// Definitions that pass a JSON Schema but cannot be held by the runtime types or make no sense, each with the JSON path
/// registration must name. Every one used to register and then break reading, exports or registration itself.
/// </summary>
internal static class HostileDefinitions
{
    public static TheoryData<string> Names => [.. Cases.Keys];

    public static readonly IReadOnlyDictionary<string, (Func<string> Json, string Path)> Cases = new Dictionary<string, (Func<string>, string)>
    {
        ["factorBeyondDecimal"] = (() => With(d => d["indicators"]![0]!["factor"] = JsonNode.Parse("1e30")), "$.indicators[0].factor"),
        ["factorTooLarge"] = (() => With(d => d["indicators"]![0]!["factor"] = 10_000_000), "$.indicators[0].factor"),
        ["maxBeyondDouble"] = (() => With(d => d["sections"]![0]!["table"]!["columns"]![3]!["max"] = JsonNode.Parse("1e400")), "$.sections[0].table.columns[3].max"),
        ["impossibleDate"] = (() => With(d => d["rules"]![3]!["from"] = "2021-02-30"), "$.rules[3].from"),
        ["fromAfterAnyPlausibleDate"] = (() => With(d => d["rules"]![3]!["from"] = "2999-01-01"), "$.rules[3].from"),
        ["daysAfterReportHuge"] = (() => With(d => d["rules"]![3]!["daysAfterReport"] = int.MaxValue), "$.rules[3].daysAfterReport"),
        ["duplicateKey"] = (() => Duplicated("\"key\":\"service\",", "\"key\":\"service\",\"key\":\"serviceName\","), "$.sections[0].table.columns[1].key"),
        ["duplicateTopLevelKey"] = (() => Duplicated("\"version\":1", "\"version\":1,\"version\":2"), "$.version"),
        ["fractionalVersion"] = (() => With(d => d["version"] = JsonNode.Parse("1.0")), "$.version"),
        ["versionBeyondInt"] = (() => With(d => d["version"] = 2_147_483_648L), "$.version"),
        ["idEndingInNewline"] = (() => With(d => d["id"] = TemplateSamples.Id + "\n"), "$.id"),
        ["tooManyColumns"] = (() => With(d => d["sections"]![0]!["table"]!["columns"] = new JsonArray([.. Enumerable.Range(0, 18_000).Select(i => (JsonNode)new JsonObject { ["key"] = $"c{i}", ["header"] = $"C{i}", ["optional"] = true })])), "$.sections[0].table.columns"),
        ["headingTooLong"] = (() => With(d => d["sections"]![0]!["heading"] = new string('Đ', 600)), "$.sections[0].heading"),
        ["minAboveMax"] = (() => With(d => { d["sections"]![0]!["table"]!["columns"]![3]!["min"] = 10; d["sections"]![0]!["table"]!["columns"]![3]!["max"] = 5; }), "$.sections[0].table.columns[3].max"),
        ["compareWithItself"] = (() => With(d => { d["rules"]![0]!["right"] = "receivedOnline"; d["rules"]![0]!["op"] = "<"; }), "$.rules[0].op"),
    };

    private static string Duplicated(string once, string twice)
    {
        var json = TemplateSamples.Services().Json();
        return json.Contains(once, StringComparison.Ordinal) ? json.Replace(once, twice, StringComparison.Ordinal) : throw new InvalidOperationException($"No {once} in the sample.");
    }

    private static string With(Action<JsonObject> change)
    {
        var definition = TemplateSamples.Services();
        change(definition);
        return definition.Json();
    }

    /// <summary>True when a message is Vietnamese as the house writes it: with diacritics, in NFC.</summary>
    public static bool IsVietnamese(string message) => message.IsNormalized() && message.Any(c => c is 'ư' or 'ơ' or 'đ' or 'ả' or 'ạ' or 'ợ' or 'ệ' or 'ờ' or 'ố' or 'ặ' or 'ị' or 'ớ' or 'à' or 'á');
}
