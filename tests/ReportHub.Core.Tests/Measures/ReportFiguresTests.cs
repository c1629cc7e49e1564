using ReportHub.Core.Domain;
using ReportHub.Core.Measures;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Measures;

public sealed class ReportFiguresTests
{
    private static readonly TemplateDefinition Template = TemplateDefinition.FromJson("""
        {
          "id": "kiem-thu-bao-cao", "version": 1, "format": 2, "title": "BIỂU MẪU KIỂM THỬ",
          "sections": [
            { "key": "s", "number": "1", "heading": "Số liệu", "table": { "columns": [
              { "key": "name", "header": "Đơn vị" },
              { "key": "a", "header": "A", "type": "count", "optional": true }
            ] } },
            { "key": "t", "number": "2", "heading": "Khác", "table": { "columns": [
              { "key": "x", "header": "X", "type": "amount" }
            ] } }
          ],
          "measures": [
            { "key": "sum", "label": "Tổng A", "from": "s.a", "aggregate": "sum" },
            { "key": "avg", "label": "A trung bình", "from": "s.a", "aggregate": "average" },
            { "key": "count", "label": "Số dòng có A", "from": "s.a", "aggregate": "count" },
            { "key": "rows", "label": "Số dòng", "from": "s.rows", "aggregate": "sum" },
            { "key": "other", "label": "Tổng X", "from": "t.x", "aggregate": "sum" }
          ]
        }
        """);

    private static ParsedRow Row(int ordinal, decimal? a)
    {
        var values = new Dictionary<string, FieldValue> { ["name"] = new() { Text = $"Đơn vị {ordinal}" } };
        if (a is { } value)
        {
            values["a"] = new() { Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture), Number = value };
        }
        return new ParsedRow { Ordinal = ordinal, Cell = $"A{ordinal}", Values = values };
    }

    private static IReadOnlyDictionary<string, ParsedTable> Tables(params ParsedRow[] rows) =>
        new Dictionary<string, ParsedTable> { ["s"] = new() { Section = "s", Rows = rows } };

    [Fact]
    public void RowsWithoutAValueGiveNoMeasureRatherThanZero()
    {
        var figures = Figures.Compute(Template, Tables(Row(1, null), Row(2, null)));

        Assert.False(figures.ContainsKey("sum"));
        Assert.False(figures.ContainsKey("avg"));
        Assert.Equal(0m, figures["count"]);
        Assert.Equal(2m, figures["rows"]);
    }

    [Fact]
    public void AnEmptyTableSumsToZeroButHasNoAverage()
    {
        var figures = Figures.Compute(Template, Tables());

        Assert.Equal(0m, figures["sum"]);
        Assert.False(figures.ContainsKey("avg"));
        Assert.Equal(0m, figures["rows"]);
    }

    [Fact]
    public void ATableTheFileLacksGivesNoMeasureAtAll()
    {
        var figures = Figures.Compute(Template, Tables(Row(1, 4)));

        Assert.False(figures.ContainsKey("other"));
        Assert.Equal(4m, figures["sum"]);
    }

    [Fact]
    public void AverageAndCountAreOverTheRowsThatHaveAValue()
    {
        var figures = Figures.Compute(Template, Tables(Row(1, 4), Row(2, null), Row(3, 8)));

        Assert.Equal(12m, figures["sum"]);
        Assert.Equal(6m, figures["avg"]);
        Assert.Equal(2m, figures["count"]);
    }

    [Fact]
    public void FirstFormatDefinitionsKeepColumnsOptionalUnlessTheySayRequired()
    {
        var first = TemplateDefinition.FromJson("""
            { "id": "cu", "version": 1, "title": "BIỂU MẪU CŨ", "sections": [{ "key": "s", "number": "1", "heading": "Số liệu",
              "table": { "columns": [ { "key": "a", "header": "A", "required": true }, { "key": "b", "header": "B" } ] } }] }
            """);
        var second = first with { Format = 2 };
        var reread = TemplateDefinition.FromJson(first.ToJson().Replace("\"format\":1", "\"format\":2", StringComparison.Ordinal));

        Assert.True(first.Sections[0].Table!.Column("a")!.IsRequired);
        Assert.False(first.Sections[0].Table!.Column("b")!.IsRequired);
        Assert.False(second.Sections[0].Table!.Column("b")!.IsRequired);
        Assert.Equal(2, reread.Format);
    }

    [Fact]
    public void SecondFormatColumnsAreRequiredUnlessOptionalAndOrdinalsAreOptional()
    {
        var columns = Template.Sections[0].Table!.Columns;
        var t = TemplateDefinition.FromJson("""
            { "id": "moi", "version": 1, "format": 2, "title": "BIỂU MẪU MỚI", "sections": [{ "key": "s", "number": "1", "heading": "Số liệu",
              "table": { "columns": [ { "key": "stt", "header": "STT", "type": "ordinal" }, { "key": "b", "header": "B" } ] } }] }
            """);

        Assert.True(columns[0].IsRequired);
        Assert.False(columns[1].IsRequired);
        Assert.False(t.Sections[0].Table!.Column("stt")!.IsRequired);
        Assert.True(t.Sections[0].Table!.Column("b")!.IsRequired);
    }
}
