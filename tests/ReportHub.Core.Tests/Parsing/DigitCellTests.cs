using ReportHub.Core.Grid;
using ReportHub.Core.Issues;
using ReportHub.Core.Parsing;
using ReportHub.Core.Templates;

namespace ReportHub.Core.Tests.Parsing;

public sealed class DigitCellTests
{
    private const string QrHeader = "Tổng số mã QR địa điểm đã tạo và quản lý";

    private static readonly TemplateParser Parser = new(FirstTemplateView.Definition);

    private static ParseResult Parse(SheetBuilder sheet) =>
        Parser.Parse(sheet, new ParseOptions { Today = new DateOnly(2021, 10, 27) });

    private static SheetBuilder QrTable(params object?[][] rows)
    {
        var sheet = SeedReport.Section1(new SheetBuilder())
            .Line("2. Kết quả tạo, quản lý mã QR địa điểm và quét mã QR tại các địa điểm")
            .Line("TT", "Đối tượng thống kê", QrHeader, "Tổng số lượt quét mã QR của các địa điểm");
        foreach (var row in rows)
        {
            sheet.Line(row);
        }
        return sheet;
    }

    [Fact]
    public void FullwidthCountIsStoredAsWritten()
    {
        var result = Parse(QrTable([1, "Sở Công Thương", "1.５４１", 10]));

        Assert.False(result.HasErrors);
        Assert.Equal(1541, result.Report!.Tables["qr"].Rows[0].Values["qrCodes"]!.Number);
    }

    [Fact]
    public void ArabicIndicCountIsRefusedNamingTheCellInVietnamese()
    {
        var result = Parse(QrTable([1, "Sở Công Thương", "٥٤١", 10]));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.ForeignDigits);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("C10", issue.Cell);
        Assert.Contains("Ô C10 ghi chữ số không phải chữ số Ả Rập thông thường (0–9)", issue.Message);
        Assert.Contains("541", issue.Message);
        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.NumberImplausible);
    }

    [Fact]
    public void DirectionMarkInsideACountIsDroppedWithAWarningNamingIt()
    {
        var result = Parse(QrTable([1, "Sở Công Thương", "5\u200F41", 10]));

        Assert.False(result.HasErrors);
        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.InvisibleDropped);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Equal("C10", issue.Cell);
        Assert.Contains("U+200F", issue.Message);
        Assert.Equal(541, result.Report!.Tables["qr"].Rows[0].Values["qrCodes"]!.Number);
    }

    [Fact]
    public void FormulaCellsCachedValueIsUsedWithAWarningNamingTheCell()
    {
        var total = new CellValue(0, 0, CellKind.Number, "15", 15, IsFormula: true);
        var result = Parse(QrTable([1, "Thị trấn Châu Ổ", 10, 1000], [2, "Xã Bình Đông", 5, 500], [null, "Tổng cộng", total, 1500]));

        Assert.False(result.HasErrors);
        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.FormulaCached);
        Assert.Equal(Severity.Warning, issue.Severity);
        Assert.Equal("C12", issue.Cell);
        Assert.Contains("Ô C12 là một công thức", issue.Message);
    }

    [Fact]
    public void ManyFormulaCellsGiveOneSummarisedWarning()
    {
        static CellValue F(double n) => new(0, 0, CellKind.Number, n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, IsFormula: true);
        var rows = Enumerable.Range(1, 8).Select(i => new object?[] { i, $"Xã {i}", F(i), F(i * 10) }).ToArray();

        var result = Parse(QrTable(rows));

        var issue = Assert.Single(result.Issues, i => i.Code == IssueCodes.FormulaCached);
        Assert.Contains("Có 16 ô là công thức", issue.Message);
        Assert.Contains("C10", issue.Message);
    }

    [Fact]
    public void SheetWithoutFormulasHasNoFormulaWarning()
    {
        var result = Parse(QrTable([1, "Sở Công Thương", 541, 10]));

        Assert.DoesNotContain(result.Issues, i => i.Code == IssueCodes.FormulaCached);
    }
}
