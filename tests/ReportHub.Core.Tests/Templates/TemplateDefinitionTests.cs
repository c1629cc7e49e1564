using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Templates;

public sealed class TemplateDefinitionTests
{
    [Fact]
    public void VersionOneFileLoadsWithDefaults()
    {
        var template = TemplateDefinition.FromJson("""
            { "id": "old", "title": "BIỂU MẪU CŨ",
              "sections": [ { "key": "a", "number": "1", "heading": "Số liệu",
                "table": { "rowKind": "qr", "columns": [ { "key": "n", "header": "Số", "type": "count" } ] } } ] }
            """);

        Assert.Equal(1, template.Version);
        Assert.Null(template.Subject);
        Assert.Empty(template.Measures);
        Assert.Empty(template.Indicators);
        Assert.Empty(template.Rules);
        Assert.Equal("landscape", template.Layout.Orientation);
        Assert.Null(template.Sections[0].Table!.Columns[0].Min);
    }

    [Fact]
    public void RulesMeasuresAndOperatorsRoundTripThroughJson()
    {
        var covid = FirstTemplateView.Definition;
        var again = TemplateDefinition.FromJson(covid.ToJson());

        Assert.Equal(covid.Measures, again.Measures);
        Assert.Equal(covid.Rules.Select(r => (r.Type, r.Code, r.Severity, r.From)), again.Rules.Select(r => (r.Type, r.Code, r.Severity, r.From)));
        var dvc = TemplateCatalog.Get("dvc-online-2025");
        var compare = dvc.Rules.First(r => r.Type == RuleType.Compare);
        Assert.Equal(CompareOp.LessOrEqual, compare.Op);
        Assert.Equal(dvc.Rules.Select(r => r.Op), TemplateDefinition.FromJson(dvc.ToJson()).Rules.Select(r => r.Op));
        Assert.Contains("\"type\":\"totalRow\"", dvc.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogFindsEveryShippedTemplateById()
    {
        Assert.Equal("covid-tech-2021", TemplateCatalog.Find("covid-tech-2021")!.Id);
        var dvc = TemplateCatalog.Find("dvc-online-2025")!;
        Assert.StartsWith("V/v báo cáo tình hình cung cấp dịch vụ công trực tuyến quý", dvc.Subject);
        Assert.Equal(["onlineRate", "onTimeRate"], dvc.Indicators.Select(i => i.Key));
        Assert.Null(TemplateCatalog.Find("no-such-template"));
        Assert.Throws<KeyNotFoundException>(() => TemplateCatalog.Get("no-such-template"));
    }

    [Fact]
    public void EveryShippedTemplateIsConsistent()
    {
        foreach (var template in TemplateCatalog.Templates)
        {
            foreach (var measure in template.Measures)
            {
                var table = template.Section(measure.SectionKey)?.Table;
                Assert.True(table is not null, $"{template.Id}: measure {measure.Key} names no table section");
                Assert.True(measure.CountsRows || table!.Column(measure.ColumnKey) is { IsNumeric: true }, $"{template.Id}: {measure.From}");
            }
            foreach (var indicator in template.Indicators)
            {
                Assert.Contains(template.Measures, m => m.Key == indicator.Numerator);
                Assert.Contains(template.Measures, m => m.Key == indicator.Denominator);
            }
            foreach (var rule in template.Rules)
            {
                var table = template.Section(rule.Section)?.Table;
                Assert.NotNull(table);
                foreach (var key in new[] { rule.Left, rule.Right, rule.When, rule.Then, rule.Column }.OfType<string>().Concat(rule.Columns))
                {
                    Assert.True(table!.Column(key) is not null, $"{template.Id}: rule {rule.Type} names unknown column {key}");
                }
            }
            Assert.DoesNotContain(template.Sections.Where(s => s.Table is not null).SelectMany(s => s.Table!.Columns), c => c.Key == "rows");
        }
    }

    [Fact]
    public void SchemaListsEveryColumnTypeRuleTypeAndOperatorTheModelReads()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(TemplateCatalog.Schema);
        var defs = schema.RootElement.GetProperty("$defs");
        string[] Values(JsonElementPath path) => path(defs).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray();
        static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Sorted(Enum<ColumnType>()), Values(d => d.GetProperty("column").GetProperty("properties").GetProperty("type")));
        Assert.Equal(Sorted(Enum<RuleType>()), Values(d => d.GetProperty("rule").GetProperty("properties").GetProperty("type")));
        Assert.Equal(Sorted(Enum<RuleSeverity>()), Values(d => d.GetProperty("severity")));
        Assert.Equal(Sorted(["<", "<=", "=", ">=", ">"]), Values(d => d.GetProperty("compareRule").GetProperty("properties").GetProperty("op")));
        Assert.DoesNotContain(TemplateCatalog.Templates, t => t.Id.Contains("schema", StringComparison.Ordinal));
    }

    private delegate System.Text.Json.JsonElement JsonElementPath(System.Text.Json.JsonElement defs);

    private static string[] Enum<T>() where T : struct, System.Enum =>
        System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToArray();
}
