using ReportHub.Core.Grid;
using ReportHub.Readers.Tests.Support;
using static ReportHub.Readers.Tests.Support.Workbooks;

namespace ReportHub.Readers.Tests.Xlsx;

public sealed class XlsxReaderTests
{
    private static readonly string Styles = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="{MainNs}">
          <numFmts count="3">
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/>
            <numFmt numFmtId="165" formatCode="[h]:mm"/>
            <numFmt numFmtId="166" formatCode="&quot;ngày&quot; 0"/>
          </numFmts>
          <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><name val=".VnTime"/></font></fonts>
          <cellXfs count="6">
            <xf numFmtId="0" fontId="0"/>
            <xf numFmtId="14" fontId="0"/>
            <xf numFmtId="164" fontId="0"/>
            <xf numFmtId="165" fontId="0"/>
            <xf numFmtId="166" fontId="0"/>
            <xf numFmtId="0" fontId="1"/>
          </cellXfs>
        </styleSheet>
        """;

    [Fact]
    public void ClosedXmlWorkbookYieldsTextNumbersAndDatesAsExcelShowsThem()
    {
        var rows = ReadAll(ClosedXmlWorkbooks.Appendix());

        Assert.Equal(new CellValue(1, 1, CellKind.Text, "BÁO CÁO KẾT QUẢ", null, "Calibri"), rows.Cell("A1"));
        Assert.Equal("Đơn vị", rows.Cell("A2").Text);
        var number = rows.Cell("B3");
        Assert.Equal((CellKind.Number, "541", 541.0), (number.Kind, number.Text, number.Number));
        var date = rows.Cell("C3");
        Assert.Equal((CellKind.Date, "15/03/2024", new DateTime(2024, 3, 15).ToOADate()), (date.Kind, date.Text, date.Number));
        Assert.Equal(("1.5", 1.5), (rows.Cell("B4").Text, rows.Cell("B4").Number));
        Assert.Equal([1, 2, 3, 4], rows.Select(r => r.Index));
    }

    [Fact]
    public void CellFontComesFromItsStyle()
    {
        var rows = ReadAll(ClosedXmlWorkbooks.Appendix());

        Assert.Equal(".VnTime", rows.Cell("A4").Font);
        Assert.Equal("Tû lÖ", rows.Cell("A4").Text);
        Assert.Equal("Calibri", rows.Cell("A3").Font);
    }

    [Fact]
    public void SheetsKeepTabOrderNamesAndHiddenState()
    {
        using var reader = Open(ClosedXmlWorkbooks.Appendix());

        Assert.Equal("xlsx", reader.Format);
        Assert.Equal([new SheetInfo(0, "Phụ lục 1", false), new SheetInfo(1, "Ẩn", true)], reader.Sheets);
        Assert.Equal("bí mật", Assert.Single(Assert.Single(reader.ReadRows(1)).Cells).Text);
    }

    [Fact]
    public void VeryHiddenSheetIsHidden()
    {
        var workbook = $"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="A" sheetId="1" r:id="rId1" state="veryHidden"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets></workbook>""";
        var bytes = Zip(new Dictionary<string, string>
        {
            ["xl/workbook.xml"] = workbook,
            ["xl/_rels/workbook.xml.rels"] = $"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RelNs}/worksheet" Target="/xl/worksheets/a.xml"/><Relationship Id="rId2" Type="{RelNs}/worksheet" Target="worksheets/b.xml"/></Relationships>""",
            ["xl/worksheets/a.xml"] = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>"""),
            ["xl/worksheets/b.xml"] = Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is></c></row>"""),
        });

        using var reader = Open(bytes);

        Assert.Equal([true, false], reader.Sheets.Select(s => s.Hidden));
        Assert.Equal("a", reader.ReadRows(0).Single().Cells[0].Text);
        Assert.Equal("b", reader.ReadRows(1).Single().Cells[0].Text);
    }

    [Fact]
    public void MergedRangesAreKnownBeforeAndAfterReadingRows()
    {
        var bytes = ClosedXmlWorkbooks.Appendix();
        using var reader = Open(bytes);

        Assert.Equal([new MergedRange(1, 1, 1, 3)], reader.MergedRanges(0));
        _ = reader.ReadRows(0).ToList();
        Assert.Equal([new MergedRange(1, 1, 1, 3)], reader.MergedRanges(0));
        Assert.Empty(reader.MergedRanges(1));

        using var fresh = Open(bytes);
        _ = fresh.ReadRows(0).ToList();
        Assert.Equal([new MergedRange(1, 1, 1, 3)], fresh.MergedRanges(0));
    }

    [Fact]
    public void SharedStringRichTextRunsAreJoinedAndPhoneticRunsIgnored()
    {
        var sst = $"""
            <sst xmlns="{MainNs}" count="2" uniqueCount="2">
              <si><r><rPr><rFont val=".VnTimeH"/></rPr><t>Tæng </t></r><r><rPr><rFont val="Arial"/></rPr><t xml:space="preserve">céng </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>
              <si><t xml:space="preserve">  khoảng trắng  </t></si>
            </sst>
            """;
        var sheet = Sheet("""<row r="1"><c r="A1" t="s" s="0"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>""");

        var rows = ReadAll(Package(sheet, sst, Styles));

        Assert.Equal(("Tæng céng ", ".VnTimeH"), (rows.Cell("A1").Text, rows.Cell("A1").Font));
        Assert.Equal(("  khoảng trắng  ", "Calibri"), (rows.Cell("B1").Text, rows.Cell("B1").Font));
    }

    [Fact]
    public void InlineFormulaBooleanAndErrorCellsUseTheirCachedValues()
    {
        var sheet = Sheet("""
            <row r="2">
              <c r="A2" t="inlineStr"><is><t>Hà Nội</t></is></c>
              <c r="B2"><f>SUM(1,2)</f><v>3</v></c>
              <c r="C2" t="str"><f>A2&amp;"!"</f><v>Hà Nội!</v></c>
              <c r="D2" t="b"><v>1</v></c>
              <c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>
              <c r="F2" s="5"/>
              <c r="G2" t="b"><v>0</v></c>
            </row>
            """);

        var rows = ReadAll(Package(sheet, stylesXml: Styles));

        var row = Assert.Single(rows);
        Assert.Equal(2, row.Index);
        Assert.Equal(["A2", "B2", "C2", "D2", "E2", "G2"], row.Cells.Select(c => c.Address));
        Assert.Equal((CellKind.Text, "Hà Nội"), (rows.Cell("A2").Kind, rows.Cell("A2").Text));
        Assert.Equal((CellKind.Number, "3", 3.0), (rows.Cell("B2").Kind, rows.Cell("B2").Text, rows.Cell("B2").Number));
        Assert.Equal((CellKind.Text, "Hà Nội!"), (rows.Cell("C2").Kind, rows.Cell("C2").Text));
        Assert.Equal((CellKind.Boolean, "TRUE", 1.0), (rows.Cell("D2").Kind, rows.Cell("D2").Text, rows.Cell("D2").Number));
        Assert.Equal((CellKind.Boolean, "FALSE"), (rows.Cell("G2").Kind, rows.Cell("G2").Text));
        Assert.Equal((CellKind.Error, "#DIV/0!"), (rows.Cell("E2").Kind, rows.Cell("E2").Text));
    }

    [Fact]
    public void DatesAreRecognisedFromBuiltInAndCustomFormatsButNotFromDurationsOrQuotedText()
    {
        var serial = new DateTime(2023, 12, 31).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sheet = Sheet($"""
            <row r="1">
              <c r="A1" s="1"><v>{serial}</v></c>
              <c r="B1" s="2"><v>{serial}</v></c>
              <c r="C1" s="3"><v>1.25</v></c>
              <c r="D1" s="4"><v>7</v></c>
              <c r="E1" s="0"><v>{serial}</v></c>
            </row>
            """);

        var rows = ReadAll(Package(sheet, stylesXml: Styles));

        Assert.Equal((CellKind.Date, "31/12/2023"), (rows.Cell("A1").Kind, rows.Cell("A1").Text));
        Assert.Equal((CellKind.Date, "31/12/2023"), (rows.Cell("B1").Kind, rows.Cell("B1").Text));
        Assert.Equal((CellKind.Number, "1.25"), (rows.Cell("C1").Kind, rows.Cell("C1").Text));
        Assert.Equal((CellKind.Number, "7"), (rows.Cell("D1").Kind, rows.Cell("D1").Text));
        Assert.Equal(CellKind.Number, rows.Cell("E1").Kind);
        Assert.Equal(new DateTime(2023, 12, 31).ToOADate(), rows.Cell("A1").Number);
    }

    [Fact]
    public void MissingCellAndRowReferencesAreInferredFromPosition()
    {
        var sheet = Sheet("""
            <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>
            <row r="4"><c r="C4"><v>1</v></c><c><v>2</v></c></row>
            <row><c><v>3</v></c></row>
            """);

        var rows = ReadAll(Package(sheet));

        Assert.Equal([1, 4, 5], rows.Select(r => r.Index));
        Assert.Equal(["A1", "B1"], rows[0].Cells.Select(c => c.Address));
        Assert.Equal(["C4", "D4"], rows[1].Cells.Select(c => c.Address));
        Assert.Equal("A5", rows[2].Cells.Single().Address);
    }

    [Fact]
    public void EmptyCellsAndEmptyRowsAreSkipped()
    {
        var sheet = Sheet("""
            <row r="1"><c r="A1" s="1"/><c r="B1" t="s"></c></row>
            <row r="2"/>
            <row r="3"><c r="A3" s="1"/><c r="Z3"><v>9</v></c></row>
            """);

        var rows = ReadAll(Package(sheet, stylesXml: Styles));

        var only = Assert.Single(rows);
        Assert.Equal((3, "Z3"), (only.Index, only.Cells.Single().Address));
    }

    [Fact]
    public void Date1904WorkbooksAreShiftedToTheUsualSerials()
    {
        var workbook = $"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        var sheet = Sheet("""<row r="1"><c r="A1" s="1"><v>0</v></c></row>""");

        var cell = ReadAll(Package(sheet, stylesXml: Styles, workbookXml: workbook)).Cell("A1");

        Assert.Equal((CellKind.Date, "01/01/1904"), (cell.Kind, cell.Text));
    }

    [Fact]
    public void ClosedXmlRichTextFirstRunFontWins()
    {
        var bytes = ClosedXmlWorkbooks.Save(workbook =>
        {
            var cell = workbook.AddWorksheet("S").Cell(1, 1);
            cell.Style.Font.FontName = "Times New Roman";
            cell.RichText.AddText("Céng").SetFontName(".VnTime");
            cell.RichText.AddText(" thêm").SetFontName("Arial");
        });

        var cell = ReadAll(bytes).Cell("A1");

        Assert.Equal(("Céng thêm", ".VnTime"), (cell.Text, cell.Font));
    }

    [Fact]
    public void ManySheetsAreReadIndependentlyAndRepeatedly()
    {
        var bytes = ClosedXmlWorkbooks.Save(workbook =>
        {
            for (var i = 1; i <= 3; i++)
            {
                workbook.AddWorksheet($"Biểu {i}").Cell(i, i).Value = i * 10;
            }
        });
        using var reader = Open(bytes);

        Assert.Equal(["Biểu 1", "Biểu 2", "Biểu 3"], reader.Sheets.Select(s => s.Name));
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < 3; i++)
            {
                var cell = reader.ReadRows(i).Single().Cells.Single();
                Assert.Equal((i + 1, i + 1, (double)(i + 1) * 10), (cell.Row, cell.Column, cell.Number));
            }
        }
    }

    [Fact]
    public void TextIsNormalizedToNfc()
    {
        var decomposed = "Hà Nội".Normalize(System.Text.NormalizationForm.FormD);
        var sheet = Sheet($"""<row r="1"><c r="A1" t="inlineStr"><is><t>{decomposed}</t></is></c></row>""");

        Assert.Equal("Hà Nội".Normalize(), ReadAll(Package(sheet)).Cell("A1").Text);
    }

    [Fact]
    public void RowsAreStreamedLazily()
    {
        // A sheet whose second row is broken: the first row must still arrive before the failure.
        var sheet = $"""<worksheet xmlns="{MainNs}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c>""";
        using var reader = Open(Package(sheet));
        using var rows = reader.ReadRows(0).GetEnumerator();

        Assert.True(rows.MoveNext());
        Assert.Equal(1, rows.Current.Index);
        var error = Assert.Throws<ReportHub.Core.Issues.FileRejectedException>(() => rows.MoveNext());
        Assert.Equal(ReportHub.Core.Issues.IssueCodes.FileCorrupt, error.Code);
    }
}
