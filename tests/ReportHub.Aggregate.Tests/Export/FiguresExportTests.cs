using ClosedXML.Excel;
using ReportHub.Aggregate.Export;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Tests.Export;

/// <summary>
/// What the summary sheet and the CSV show of figures a unit does not have, of indicators over partly reported
/// measures, and of a revised report.
/// </summary>
public sealed class FiguresExportTests
{
    /// <summary>
    /// Round 2025-Q3 with three units that each left something out: the commune did not report what it resolved, the
    /// district did not say how many files came online, the city reported everything. No unit reported directives.
    /// </summary>
    private static ConsolidatedData PartlyReported()
    {
        var template = ServicesRound.Template;
        var at = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.FromHours(7));
        UnitStatus[] units =
        [
            UnitRows.Reported(template, "51.001", "Xã Tịnh Ấn Tây", UnitTypes.Commune, UnitStatuses.OnTime, 21, at,
                new Dictionary<string, decimal> { ["received"] = 2, ["receivedOnline"] = 2 }),
            UnitRows.Reported(template, "51.522", "Thành phố Quảng Ngãi", UnitTypes.District, UnitStatuses.OnTime, 22, at,
                new Dictionary<string, decimal> { ["received"] = 1000, ["receivedOnline"] = 100, ["resolved"] = 900, ["resolvedOnTime"] = 810 }),
            UnitRows.Reported(template, "51.524", "Huyện Bình Sơn", UnitTypes.District, UnitStatuses.Late, 23, at.AddDays(12),
                new Dictionary<string, decimal> { ["received"] = 50, ["resolved"] = 40, ["resolvedOnTime"] = 40 }),
        ];
        return ServicesRound.Build() with
        {
            Units = units,
            Totals = RollupService.Totals(ServicesRound.Round, units, template),
            Rows = [],
            Narratives = [],
        };
    }

    private static readonly ConsolidatedData Partly = PartlyReported();

    private static readonly byte[] PartlyWorkbook = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, Partly));

    private static string Heading(string key) =>
        ServicesRound.Template.Measure(key) is { } m ? m.Heading ?? m.Label : ServicesRound.Template.Indicators.Single(i => i.Key == key).Label;

    [Fact]
    public void AMeasureAUnitDidNotReportIsAnEmptySummaryCellNotAZero()
    {
        using var workbook = Workbooks.Open(PartlyWorkbook);
        var sheet = workbook.Worksheet(ConsolidatedWorkbook.SummarySheet);

        var resolved = Workbooks.CellAt(sheet, "51.001", Heading("resolved"));
        Assert.True(resolved.IsEmpty());
        Assert.Equal("", resolved.GetString());
        // Nothing to divide: no on-time rate either.
        Assert.True(Workbooks.CellAt(sheet, "51.001", Heading("onTimeRate")).IsEmpty());
        // What it did report is there, and a reported 0 would be a number.
        Assert.Equal(2d, Workbooks.CellAt(sheet, "51.001", Heading("received")).GetDouble());
        Assert.Equal(100d, Workbooks.CellAt(sheet, "51.001", Heading("onlineRate")).GetDouble());
        Assert.True(Workbooks.CellAt(sheet, "51.524", Heading("receivedOnline")).IsEmpty());
        Assert.True(Workbooks.CellAt(sheet, "51.524", Heading("onlineRate")).IsEmpty());
        // No unit reported directives: the total is empty too.
        Assert.True(Workbooks.CellAt(sheet, ConsolidatedWorkbook.TotalLabel, Heading("directives")).IsEmpty());
    }

    [Fact]
    public void AMeasureAUnitDidNotReportIsAnEmptyCsvField()
    {
        var csv = TemplateWorkbookTests.Csv(Partly);

        Assert.Equal("", Workbooks.CsvField(csv, "51.001", "resolved"));
        Assert.Equal("", Workbooks.CsvField(csv, "51.001", "resolvedOnTime"));
        Assert.Equal("", Workbooks.CsvField(csv, "51.001", "onTimeRate"));
        Assert.Equal("", Workbooks.CsvField(csv, "51.001", "directives"));
        Assert.Equal("2", Workbooks.CsvField(csv, "51.001", "received"));
        Assert.Equal("", Workbooks.CsvField(csv, "51.524", "receivedOnline"));
        Assert.Equal("100", Workbooks.CsvField(csv, "51.524", "onTimeRate"));
        Assert.DoesNotContain(",0,", csv.Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TotalRowIndicatorIsARatioOverTheUnitsReportingBothMeasures()
    {
        using var workbook = Workbooks.Open(PartlyWorkbook);
        var sheet = workbook.Worksheet(ConsolidatedWorkbook.SummarySheet);
        var total = ConsolidatedWorkbook.TotalLabel;

        // Each measure over the units that report it.
        Assert.Equal(1052d, Workbooks.CellAt(sheet, total, Heading("received")).GetDouble());
        Assert.Equal(102d, Workbooks.CellAt(sheet, total, Heading("receivedOnline")).GetDouble());
        Assert.Equal(940d, Workbooks.CellAt(sheet, total, Heading("resolved")).GetDouble());
        // The online rate is taken over the commune and the city, the two that report both: 102 / 1,002 = 10.18%.
        // Over every unit's files it would be 102 / 1,052 = 9.70%, counting the district's 50 files as not online.
        var online = Workbooks.CellAt(sheet, total, Heading("onlineRate"));
        Assert.Equal(XLDataType.Number, online.DataType);
        Assert.Equal(10.18, online.GetDouble(), 2);
        Assert.Equal("0.00", online.Style.NumberFormat.Format);
        // The on-time rate over the city and the district: 850 / 940 = 90.43%.
        Assert.Equal(90.43, Workbooks.CellAt(sheet, total, Heading("onTimeRate")).GetDouble(), 2);
        Assert.Equal(2, Partly.Totals.Coverage["onlineRate"]);
        Assert.Equal(3, Partly.Totals.Coverage["received"]);
    }

    private static ConsolidatedData SctRevised()
    {
        var sample = SampleRound.Build();
        var revised = new DateTimeOffset(2021, 10, 30, 10, 0, 0, TimeSpan.FromHours(7));
        UnitStatus[] units = [sample.Units[0] with { RevisedAt = revised }, .. sample.Units.Skip(1)];
        return sample with { Units = units, Totals = RollupService.Totals(sample.Round, units, sample.Template) };
    }

    [Fact]
    public void ARevisedUnitShowsItsFirstReceiptAndTheRevisionTimeInTheSummary()
    {
        var bytes = Workbooks.Bytes(s => ConsolidatedWorkbook.Write(s, SctRevised()));
        using var workbook = Workbooks.Open(bytes);
        var sheet = workbook.Worksheet(ConsolidatedWorkbook.SummarySheet);

        var header = Workbooks.FindCell(sheet, "Ngày gửi bản sửa");
        Assert.Equal(7, header.Address.ColumnNumber);
        Assert.Equal("Ngày nhận", header.CellLeft().GetString());
        var received = Workbooks.CellAt(sheet, "51.SCT", "Ngày nhận");
        Assert.Equal(new DateTime(2021, 10, 27, 9, 15, 0), received.GetDateTime());
        var revision = Workbooks.CellAt(sheet, "51.SCT", "Ngày gửi bản sửa");
        Assert.Equal(XLDataType.DateTime, revision.DataType);
        Assert.Equal(new DateTime(2021, 10, 30, 10, 0, 0), revision.GetDateTime());
        Assert.Equal("dd/MM/yyyy HH:mm", revision.Style.NumberFormat.Format);
        // The revision came after the deadline; the first report decides, so the unit is still on time.
        Assert.Equal("Đúng hạn", Workbooks.CellAt(sheet, "51.SCT", "Tình trạng").GetString());
        Assert.True(Workbooks.CellAt(sheet, "51.524", "Ngày gửi bản sửa").IsEmpty());
        Assert.NotNull(Workbooks.FindCellOrNull(sheet,
            "Đã báo cáo: 2/3 đơn vị; đúng hạn: 1; trễ hạn: 1; chưa gửi: 1; đã gửi bản sửa: 1."));
    }

    [Fact]
    public void ARevisedUnitShowsBothTimesInTheCsvWithRevisedAtLast()
    {
        var csv = TemplateWorkbookTests.Csv(SctRevised());

        Assert.Equal("2021-10-27T02:15:00+00:00", Workbooks.CsvField(csv, "51.SCT", "receivedAt"));
        Assert.Equal("2021-10-30T10:00:00+07:00", Workbooks.CsvField(csv, "51.SCT", "revisedAt"));
        Assert.EndsWith(",2021-10-30T10:00:00+07:00", csv.Split("\r\n")[1], StringComparison.Ordinal);
        Assert.Equal("", Workbooks.CsvField(csv, "51.524", "revisedAt"));

        var bytes = Workbooks.Bytes(s => ConsolidatedCsv.Write(s, SctRevised(), keysHeader: false));
        var headings = new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan(3)).Split("\r\n")[0];
        Assert.Equal("Mã đơn vị,Tên đơn vị,Loại,Tình trạng,Ngày nhận,Mã báo cáo,Số văn bản chỉ đạo,Số mã QR,Số lượt quét,Ngày gửi bản sửa", headings);
    }
}
