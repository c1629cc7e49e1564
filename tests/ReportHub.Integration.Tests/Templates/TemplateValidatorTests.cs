using System.Text;
using System.Text.Json.Nodes;
using ReportHub.Core.Templates;
using ReportHub.Pipeline.Templates;

namespace ReportHub.Integration.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static readonly TemplateValidator Validator = new();

    private static IReadOnlyList<TemplateError> Errors(JsonObject definition) => Validator.Validate(definition.Json());

    private static TemplateError Single(JsonObject definition, string path)
    {
        var errors = Errors(definition);
        var error = Assert.Single(errors);
        Assert.True(error.Path == path, string.Join('\n', errors));
        Assert.True(error.Message.IsNormalized(NormalizationForm.FormC));
        return error;
    }

    [Fact]
    public void ShippedTemplatesAreValid()
    {
        var shipped = TemplateResources.ShippedJson();
        Assert.Contains(shipped, j => j.Contains(FirstTemplateView.Id, StringComparison.Ordinal));
        foreach (var json in shipped)
        {
            Assert.Empty(Validator.Validate(json));
        }
    }

    [Fact]
    public void CompleteV2DefinitionIsValid() => Assert.Empty(Errors(TemplateSamples.Services()));

    [Fact]
    public void ExportLayoutsMayOnlyNameColumnsAndSectionsTheDefinitionHas()
    {
        var d = TemplateSamples.Services();
        d["sections"]![0]!["table"]!["sheet"] = JsonNode.Parse("""
            { "name": "Hồ sơ", "columns": [ { "from": "service", "header": "Thủ tục" }, { "from": "serviceName", "header": "Tên" },
              { "from": "received", "header": "Số", "part": "number" } ] }
            """);
        d["workbook"] = JsonNode.Parse("""{ "narratives": { "columns": [ { "from": "notes", "header": "Kiến nghị" }, { "from": "services", "header": "Bảng" } ] } }""");

        var errors = Errors(d).ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal(3, errors.Count);
        Assert.Contains("không có cột “serviceName”", errors["$.sections[0].table.sheet.columns[1].from"]);
        Assert.Contains("Chỉ cột kiểu citation", errors["$.sections[0].table.sheet.columns[2].part"]);
        Assert.Contains("không có phần văn bản “services”", errors["$.workbook.narratives.columns[1].from"]);
    }

    [Fact]
    public void AUniqueRuleOverAMissingColumnAndAColumnBothRequiredAndOptionalAreRefused()
    {
        var d = TemplateSamples.Services();
        d["rules"]!.AsArray().Add(JsonNode.Parse("""{ "type": "unique", "section": "services", "columns": ["service", "serviceName"], "severity": "warning" }"""));
        d["sections"]![0]!["table"]!["columns"]![1]!["optional"] = true;

        var errors = Errors(d).ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal(2, errors.Count);
        Assert.Contains("không có cột “serviceName”", errors["$.rules[4].columns[1]"]);
        Assert.Contains("vừa ghi “required”: true vừa ghi “optional”: true", errors["$.sections[0].table.columns[1].optional"]);
    }

    [Fact]
    public void DuplicateSectionKeyIsReportedAtTheSecondSection()
    {
        var d = TemplateSamples.Services();
        d["sections"]![1]!["key"] = "services";
        var error = Single(d, "$.sections[1].key");
        Assert.Contains("“services”", error.Message);
        Assert.Contains("$.sections[0]", error.Message);
    }

    [Fact]
    public void DuplicateColumnKeyIsReportedAtTheColumn()
    {
        var d = TemplateSamples.Services();
        d["sections"]![0]!["table"]!["columns"]![4]!["key"] = "received";
        var errors = Errors(d);
        // The measure on receivedOnline now names a column that no longer exists, and the rules that use it too.
        Assert.Contains(errors, e => e.Path == "$.sections[0].table.columns[4].key" && e.Message.Contains("trùng", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateMeasureKeyIsReported()
    {
        var d = TemplateSamples.Services();
        d["measures"]![2]!["key"] = "received";
        var error = Single(d, "$.measures[2].key");
        Assert.Contains("$.measures[0]", error.Message);
    }

    [Fact]
    public void MeasureFromUnknownSectionIsReported()
    {
        var d = TemplateSamples.Services();
        d["measures"]![1]!["from"] = "servics.receivedOnline";
        var error = Single(d, "$.measures[1].from");
        Assert.Contains("“servics”", error.Message);
        Assert.Contains("services", error.Message);
    }

    [Fact]
    public void MeasureFromUnknownColumnIsReported()
    {
        var d = TemplateSamples.Services();
        d["measures"]![2]!["from"] = "services.receivedOffline";
        var error = Single(d, "$.measures[2].from");
        Assert.Contains("“receivedOffline”", error.Message);
    }

    [Fact]
    public void MeasureFromTextColumnIsReported()
    {
        var d = TemplateSamples.Services();
        d["measures"]![2]!["from"] = "services.service";
        var error = Single(d, "$.measures[2].from");
        Assert.Contains("“text”", error.Message);
    }

    [Fact]
    public void MeasureFromNarrativeSectionIsReported()
    {
        var d = TemplateSamples.Services();
        d["measures"]![2]!["from"] = "notes.rows";
        Assert.Contains("văn bản", Single(d, "$.measures[2].from").Message);
    }

    [Fact]
    public void IndicatorNamingUnknownMeasureIsReported()
    {
        var d = TemplateSamples.Services();
        d["indicators"]![0]!["denominator"] = "submitted";
        var error = Single(d, "$.indicators[0].denominator");
        Assert.Contains("“submitted”", error.Message);
    }

    [Fact]
    public void IndicatorKeyEqualToMeasureKeyIsReported()
    {
        var d = TemplateSamples.Services();
        d["indicators"]![0]!["key"] = "received";
        Single(d, "$.indicators[0].key");
    }

    [Fact]
    public void RuleNamingUnknownSectionIsReported()
    {
        var d = TemplateSamples.Services();
        d["rules"]![2]!["section"] = "qr";
        Assert.Contains("“qr”", Single(d, "$.rules[2].section").Message);
    }

    [Fact]
    public void RuleNamingUnknownColumnIsReported()
    {
        var d = TemplateSamples.Services();
        d["rules"]![0]!["right"] = "submitted";
        Assert.Contains("“submitted”", Single(d, "$.rules[0].right").Message);
        d = TemplateSamples.Services();
        d["rules"]![3]!["column"] = "date";
        Single(d, "$.rules[3].column");
    }

    [Fact]
    public void ChoiceWithoutValuesIsReported()
    {
        var d = TemplateSamples.Services();
        d["sections"]![0]!["table"]!["columns"]![2]!.AsObject().Remove("values");
        Assert.Contains("values", Single(d, "$.sections[0].table.columns[2].values").Message);
    }

    [Fact]
    public void ReservedRowsColumnKeyIsReported()
    {
        var d = TemplateSamples.Services();
        d["sections"]![0]!["table"]!["columns"]![1]!["key"] = "rows";
        Single(d, "$.sections[0].table.columns[1].key");
    }

    [Fact]
    public void SchemaErrorsCarryTheirPathsAndVietnameseMessages()
    {
        var d = TemplateSamples.Services();
        d["id"] = "DVC Online";
        d["version"] = 0;
        d.Remove("title");
        d["sections"]![0]!["table"]!["columns"]![3]!["type"] = "number";
        d["measures"]![0]!["aggregate"] = "avg";
        d["layout"]!["orientation"] = "sideways";
        d["sections"]![1]!["colour"] = "red";

        var errors = Errors(d).ToDictionary(e => e.Path, e => e.Message);

        Assert.Contains("bao-cao-quy-2026", errors["$.id"]);
        Assert.Contains("1", errors["$.version"]);
        Assert.Contains("Thiếu trường bắt buộc “title”", errors["$.title"]);
        Assert.Contains("\"count\"", errors["$.sections[0].table.columns[3].type"]);
        Assert.Contains("\"sum\"", errors["$.measures[0].aggregate"]);
        Assert.Contains("\"landscape\"", errors["$.layout.orientation"]);
        Assert.True(errors["$.sections[1].colour"].Contains("“colour”", StringComparison.Ordinal), string.Join("\n", errors));
        Assert.All(errors.Values, m => Assert.True(m.IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void RuleIsCheckedOnlyAgainstItsOwnType()
    {
        var d = TemplateSamples.Services();
        d["rules"]![1]!.AsObject().Remove("then");
        d["rules"]![2]!["op"] = "<=";
        d["rules"]![0]!["type"] = "ratio";

        var errors = Errors(d);

        Assert.Contains(errors, e => e.Path == "$.rules[1].then" && e.Message.Contains("Thiếu", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.rules[2].op");
        Assert.Contains(errors, e => e.Path == "$.rules[0].type" && e.Message.Contains("\"compare\"", StringComparison.Ordinal));
        Assert.True(errors.Count == 3, string.Join('\n', errors));
    }

    [Fact]
    public void BrokenJsonIsOneErrorWithTheLine()
    {
        var errors = Validator.Validate("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}");
        var error = Assert.Single(errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("dòng 3", error.Message);
    }

    [Fact]
    public void OversizedDefinitionIsRefusedWithoutParsing()
    {
        var errors = Validator.Validate("[" + new string(' ', TemplateValidator.MaxChars) + "]");
        Assert.Contains("quá lớn", Assert.Single(errors).Message);
    }

    [Fact]
    public void NonObjectDefinitionIsRefused()
    {
        var error = Assert.Single(Validator.Validate("[1, 2]"));
        Assert.Equal("$", error.Path);
    }
}
