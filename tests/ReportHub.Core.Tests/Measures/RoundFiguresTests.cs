using ReportHub.Core.Measures;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Measures;

public sealed class RoundFiguresTests
{
    private static readonly TemplateDefinition Template = TemplateDefinition.FromJson("""
        {
          "id": "kiem-thu-tong-hop", "version": 1, "format": 2, "title": "BIỂU MẪU KIỂM THỬ",
          "sections": [{ "key": "s", "number": "1", "heading": "Số liệu", "table": { "columns": [
            { "key": "name", "header": "Đơn vị" },
            { "key": "a", "header": "A", "type": "count", "optional": true },
            { "key": "b", "header": "B", "type": "count", "optional": true }
          ] } }],
          "measures": [
            { "key": "a", "label": "A", "from": "s.a", "aggregate": "sum" },
            { "key": "b", "label": "B", "from": "s.b", "aggregate": "sum" },
            { "key": "aMin", "label": "A nhỏ nhất", "from": "s.a", "aggregate": "min" },
            { "key": "aMax", "label": "A lớn nhất", "from": "s.a", "aggregate": "max" },
            { "key": "aAverage", "label": "A trung bình", "from": "s.a", "aggregate": "average" },
            { "key": "aCount", "label": "Số đơn vị có A", "from": "s.a", "aggregate": "count" }
          ],
          "indicators": [{ "key": "ratio", "label": "A trên B", "numerator": "a", "denominator": "b", "factor": 100 }]
        }
        """);

    private static Dictionary<string, decimal> Unit(decimal? a, decimal? b)
    {
        var figures = new Dictionary<string, decimal>();
        if (a is { } x)
        {
            figures["a"] = x;
            figures["aMin"] = x;
            figures["aMax"] = x;
            figures["aAverage"] = x;
            figures["aCount"] = 1;
        }
        if (b is { } y)
        {
            figures["b"] = y;
        }
        return figures;
    }

    [Fact]
    public void AnIndicatorIsTakenOnlyOverUnitsThatReportBothMeasures()
    {
        // Four units report A, one reports B: 4 + 4 + 4 + 4 over 2 would be 800 %; over the one unit with both it is 200 %.
        var round = RoundFigures.Of(Template, [Unit(4, 2), Unit(4, null), Unit(4, null), Unit(4, null)]);

        Assert.Equal(16m, round.Figures["a"]);
        Assert.Equal(2m, round.Figures["b"]);
        Assert.Equal(200m, round.Figures["ratio"]);
        Assert.Equal(4, round.Coverage["a"]);
        Assert.Equal(1, round.Coverage["b"]);
        Assert.Equal(1, round.Coverage["ratio"]);
    }

    [Fact]
    public void AUnitWithoutAValueIsNeitherAZeroInASumNorInAnAverage()
    {
        var round = RoundFigures.Of(Template, [Unit(10, 1), Unit(null, 1), Unit(20, 1)]);

        Assert.Equal(30m, round.Figures["a"]);
        Assert.Equal(10m, round.Figures["aMin"]);
        Assert.Equal(20m, round.Figures["aMax"]);
        Assert.Equal(15m, round.Figures["aAverage"]);
        Assert.Equal(2, round.Coverage["a"]);
        Assert.Equal(3, round.Coverage["b"]);
    }

    [Fact]
    public void CountIsTheNumberOfUnitsWithAValue()
    {
        var round = RoundFigures.Of(Template, [Unit(10, 1), Unit(null, 1), Unit(0, 1)]);

        // The units' own aCount values are 1 each; the round counts the units that have one.
        Assert.Equal(2m, round.Figures["aCount"]);
    }

    [Fact]
    public void AFigureNoUnitHasIsAbsentNotZero()
    {
        var round = RoundFigures.Of(Template, [Unit(null, 5), Unit(null, 7)]);

        Assert.False(round.Figures.ContainsKey("a"));
        Assert.False(round.Figures.ContainsKey("aAverage"));
        Assert.False(round.Figures.ContainsKey("ratio"));
        Assert.Equal(0, round.Coverage["a"]);
        Assert.Equal(0, round.Coverage["ratio"]);
        Assert.Equal(12m, round.Figures["b"]);
    }

    [Fact]
    public void NoUnitsAtAllGiveNoFiguresButACountOfNone()
    {
        var round = RoundFigures.Of(Template, []);

        // How many units have a value is known (none); every other figure would be made up.
        Assert.Equal(["aCount"], round.Figures.Keys);
        Assert.Equal(0m, round.Figures["aCount"]);
        Assert.All(round.Coverage.Values, c => Assert.Equal(0, c));
    }

    [Fact]
    public void ARatioWithNothingToDivideByIsAbsent()
    {
        var round = RoundFigures.Of(Template, [Unit(3, 0)]);

        Assert.Equal(3m, round.Figures["a"]);
        Assert.False(round.Figures.ContainsKey("ratio"));
        Assert.Equal(1, round.Coverage["ratio"]);
    }

    [Fact]
    public void SumsHoldAtTheDecimalBoundInsteadOfFailing()
    {
        var round = RoundFigures.Of(Template, [Unit(decimal.MaxValue, null), Unit(decimal.MaxValue, null)]);

        Assert.Equal(decimal.MaxValue, round.Figures["a"]);
    }

    [Fact]
    public void FieldsAreOnlyTheMeasuresMarkedAndOnlyWhenPresent()
    {
        var covid = TemplateCatalog.Get("covid-tech-2021");

        var fields = FieldValues.Of(covid, new Dictionary<string, decimal> { ["qrCodes"] = 12.9m, ["directives"] = 3 });

        Assert.NotNull(fields);
        Assert.Equal(12L, fields!.Get("qrCodes"));
        Assert.Equal(3L, fields.Get("directives"));
        Assert.Null(fields.Get("qrScans"));
        Assert.Null(FieldValues.Of(Template, new Dictionary<string, decimal> { ["a"] = 1 }));
    }
}
