using System.Globalization;
using System.Text;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;

namespace ReportHub.Aggregate.Tests.Export;

public sealed class ConsolidatedCsvTests
{
    private static byte[] Write(ConsolidatedData data) => Workbooks.Bytes(s => ConsolidatedCsv.Write(s, data));

    private static byte[] Write(ConsolidatedData data, bool keysHeader, CsvForm form) =>
        Workbooks.Bytes(s => ConsolidatedCsv.Write(s, data, keysHeader, form));

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes.AsSpan(3));

    private static string[] Lines(ConsolidatedData data, bool keysHeader, CsvForm form) => Text(Write(data, keysHeader, form)).Split("\r\n");

    [Fact]
    public void StartsWithAUtf8BomAndTheJsonFieldNames()
    {
        var bytes = Write(SampleRound.Build());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.StartsWith("unit,name,type,status,receivedAt,submissionId,directives,qrCodes,qrScans,revisedAt\r\n", Text(bytes));
    }

    [Fact]
    public void WritesOneRowPerUnitWithIsoTimestampsAndEmptyFieldsForAMissingUnit()
    {
        var lines = Text(Write(SampleRound.Build())).Split("\r\n");

        // A missing unit's counts are empty, no longer 0: it reported nothing, not zero of each.
        Assert.Equal(
            [
                ConsolidatedCsv.HeaderOf(SampleRound.Template),
                "51.SCT,Sở Công Thương tỉnh Quảng Ngãi,department,onTime,2021-10-27T02:15:00+00:00,11,3,1,541,",
                "51.524,Huyện Bình Sơn,district,late,2021-10-30T08:40:00+07:00,12,2,39,1238913,",
                "51.SKHCN,Sở Khoa học và Công nghệ tỉnh Quảng Ngãi,department,missing,,,,,,",
                "",
            ],
            lines);
    }

    [Fact]
    public void QuotesFieldsHoldingCommasQuotesOrLineBreaksPerRfc4180()
    {
        var data = WithUnit(Unit("51.BQL", "Ban Quản lý \"KKT Dung Quất\", các KCN\nQuảng Ngãi"));

        var row = Text(Write(data)).Split("\r\n")[1];

        Assert.StartsWith("51.BQL,\"Ban Quản lý \"\"KKT Dung Quất\"\", các KCN\nQuảng Ngãi\",other,", row);
        var fields = ParseRecord(Text(Write(data)).Split("\r\n", 3)[1]);
        Assert.Equal("Ban Quản lý \"KKT Dung Quất\", các KCN\nQuảng Ngãi", fields[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+84 255 3822 222")]
    [InlineData("- Ban Dân tộc")]
    [InlineData("@SUM(A1:A9)")]
    public void PrefixesFormulaLikeTextWithAnApostrophe(string name)
    {
        var text = Text(Write(WithUnit(Unit("51.X", name))));

        var fields = ParseRecord(text.Split("\r\n")[1]);
        Assert.Equal("'" + name, fields[1]);
        Assert.Equal(["0", "5", "-7"], fields[6..9]);
    }

    [Fact]
    public void LeavesNumbersUnprefixedEvenWhenNegative()
    {
        var data = WithUnit(Unit("51.X", "Sở Y tế tỉnh Quảng Ngãi"));

        var fields = ParseRecord(Text(Write(data)).Split("\r\n")[1]);

        Assert.Equal("-7", fields[8]);
        Assert.Equal("Sở Y tế tỉnh Quảng Ngãi", fields[1]);
    }

    [Fact]
    public void ExcelFormStartsWithABomThenSemicolonSeparatedHeadingsAndNoSepLine()
    {
        var bytes = Write(SampleRound.Build(), keysHeader: false, CsvForm.Excel);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Text(bytes).Split("\r\n");
        // A sep= line would make Excel ignore the BOM and read the bytes as Windows-1258.
        Assert.DoesNotContain(lines, l => l.StartsWith("sep=", StringComparison.Ordinal));
        Assert.Equal("Mã đơn vị;Tên đơn vị;Loại;Tình trạng;Ngày nhận;Mã báo cáo;Số văn bản chỉ đạo;Số mã QR;Số lượt quét;Ngày gửi bản sửa", lines[0]);
        Assert.True(lines[0].IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void CommaFormHasNoSepLine()
    {
        var lines = Lines(SampleRound.Build(), keysHeader: false, CsvForm.Comma);

        Assert.StartsWith("Mã đơn vị,Tên đơn vị,Loại,Tình trạng,", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("sep=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CsvForm.Excel)]
    [InlineData(CsvForm.Comma)]
    public void VietnameseHeadingsComeWithVietnameseTypeAndStatusValues(CsvForm form)
    {
        var separator = form == CsvForm.Excel ? ';' : ',';
        var rows = Lines(SampleRound.Build(), keysHeader: false, form).Skip(1).Where(l => l.Length > 0)
            .Select(l => ParseRecord(l, separator)).ToDictionary(f => f[0]);

        Assert.Equal(["Sở, ban, ngành", "Đúng hạn"], rows["51.SCT"][2..4]);
        Assert.Equal(["Huyện, thị xã, thành phố", "Trễ hạn"], rows["51.524"][2..4]);
        Assert.Equal(["Sở, ban, ngành", "Chưa gửi"], rows["51.SKHCN"][2..4]);
        var english = new[] { "department", "district", "onTime", "late", "missing" };
        Assert.DoesNotContain(rows.Values.SelectMany(f => f), english.Contains);
    }

    [Fact]
    public void ExcelFormWritesTimesAsDatesExcelReadsInTheProvincesTime()
    {
        var excel = Lines(SampleRound.Build(), keysHeader: false, CsvForm.Excel).Skip(1).Where(l => l.Length > 0)
            .Select(l => ParseRecord(l, ';')).ToDictionary(f => f[0]);
        var comma = Lines(SampleRound.Build(), keysHeader: false, CsvForm.Comma).Skip(1).Where(l => l.Length > 0)
            .Select(l => ParseRecord(l)).ToDictionary(f => f[0]);

        var instant = DateTimeOffset.Parse(comma["51.SCT"][4], CultureInfo.InvariantCulture);
        Assert.Equal(instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), excel["51.SCT"][4]);
        Assert.Matches("^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}$", excel["51.SCT"][4]);
        Assert.Equal(string.Empty, excel["51.SKHCN"][4]);
    }

    [Fact]
    public void KeysHeaderKeepsTheJsonCodesForScripts()
    {
        var lines = Lines(SampleRound.Build(), keysHeader: true, CsvForm.Excel);

        Assert.Equal("unit;name;type;status;receivedAt;submissionId;directives;qrCodes;qrScans;revisedAt", lines[0]);
        Assert.StartsWith("51.SKHCN;Sở Khoa học và Công nghệ tỉnh Quảng Ngãi;department;missing;", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void StatusTheLabelsDoNotKnowIsWrittenAsOtherNotInEnglish()
    {
        var unit = Unit("51.X", "Sở Y tế tỉnh Quảng Ngãi") with { Status = "paused", Type = "ward" };

        var fields = ParseRecord(Lines(WithUnit(unit), keysHeader: false, CsvForm.Excel)[1], ';');

        Assert.Equal(["Khác", "Khác"], fields[2..4]);
    }

    [Fact]
    public void ExcelFormWritesADecimalCommaAndTheCommaFormADecimalDot()
    {
        var unit = UnitRows.Reported(SampleRound.Template, "51.X", "Sở Y tế tỉnh Quảng Ngãi", "department", UnitStatuses.OnTime, 1,
            new DateTimeOffset(2021, 10, 27, 9, 0, 0, TimeSpan.FromHours(7)),
            new Dictionary<string, decimal> { ["directives"] = 2, ["qrCodes"] = 1234.50m, ["qrScans"] = -1.25m });

        var excel = ParseRecord(Lines(WithUnit(unit), keysHeader: false, CsvForm.Excel)[1], ';');
        var comma = ParseRecord(Lines(WithUnit(unit), keysHeader: false, CsvForm.Comma)[1], ',');

        Assert.Equal(["2", "1234,5", "-1,25"], excel[6..9]);
        Assert.Equal(["2", "1234.5", "-1.25"], comma[6..9]);
        // Unquoted: a quoted figure is text to some readers.
        Assert.Contains(";1234,5;-1,25;", Lines(WithUnit(unit), keysHeader: false, CsvForm.Excel)[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CsvForm.Excel, false)]
    [InlineData(CsvForm.Comma, false)]
    [InlineData(CsvForm.Excel, true)]
    [InlineData(CsvForm.Comma, true)]
    public void HeadingFromATemplateLabelThatStartsAFormulaIsGuarded(CsvForm form, bool keysHeader)
    {
        var template = SampleRound.Template with
        {
            Measures =
            [
                SampleRound.Template.Measures[0] with { Heading = null, Label = "=HYPERLINK(\"http://evil.example\";\"x\")" },
                SampleRound.Template.Measures[1] with { Heading = "＋Số mã QR" },
                SampleRound.Template.Measures[2] with { Key = "-qrScans" },
            ],
        };
        var data = SampleRound.Build() with { Template = template };
        var separator = form == CsvForm.Excel ? ';' : ',';

        var heading = ParseRecord(Lines(data, keysHeader, form)[0], separator);

        if (keysHeader)
        {
            Assert.Equal("'-qrScans", heading[8]);
        }
        else
        {
            Assert.Equal(["'=HYPERLINK(\"http://evil.example\";\"x\")", "'＋Số mã QR"], heading[6..8]);
        }
    }

    [Theory]
    [InlineData("＝1+1")]
    [InlineData("＋84 255 3822 222")]
    [InlineData("－ Ban Dân tộc")]
    [InlineData("＠SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void ExcelFormGuardsFullwidthAndHiddenFormulaStartsAndLeavesNegativeFiguresAsNumbers(string name)
    {
        var fields = ParseRecord(Lines(WithUnit(Unit("51.X", name)), keysHeader: false, CsvForm.Excel)[1], ';');

        Assert.Equal("'" + name, fields[1]);
        Assert.Equal(["0", "5", "-7"], fields[6..9]);
    }

    [Fact]
    public void ExcelFormQuotesTextHoldingASemicolon()
    {
        var fields = ParseRecord(Lines(WithUnit(Unit("51.X", "Ban A; Ban B")), keysHeader: false, CsvForm.Excel)[1], ';');

        Assert.Equal("Ban A; Ban B", fields[1]);
        Assert.Equal(10, fields.Count);
    }

    [Fact]
    public void LeavesTheOutputStreamOpenForTheCaller()
    {
        using var stream = new MemoryStream();

        ConsolidatedCsv.Write(stream, SampleRound.Build());

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 3);
    }

    private static UnitStatus Unit(string code, string name) =>
        UnitRows.Reported(SampleRound.Template, code, name, "other", UnitStatuses.OnTime, 1, new DateTimeOffset(2021, 10, 27, 9, 0, 0, TimeSpan.FromHours(7)),
            new Dictionary<string, decimal> { ["directives"] = 0, ["qrCodes"] = 5, ["qrScans"] = -7 });

    private static ConsolidatedData WithUnit(UnitStatus unit) => SampleRound.Build() with { Units = [unit] };

    /// <summary>A strict RFC 4180 reader for one record, so the test does not trust the writer's own rules.</summary>
    private static List<string> ParseRecord(string record, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
