using System.Globalization;
using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Streaming;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>The consolidated spreadsheet the DOIC attaches to its own report upward.</summary>
public static class ConsolidatedWorkbook
{
    public const string SummarySheet = "Tổng hợp";

    public const string TotalLabel = "Tổng cộng";

    private const string TitlePrefix = "BẢNG TỔNG HỢP ";
    private const string FormPrefix = "BIỂU MẪU ";

    // A revision keeps the unit's timeliness from its first report; the sheet shows when the revision came.
    private static readonly string[] UnitHeaders = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận", "Ngày gửi bản sửa"];

    private static readonly double[] UnitWidths = [6, 13, 40, 24, 15, 18, 18];

    private const int HeaderRow = 8;
    private const int FirstFigureColumn = 8;

    public static void Write(Stream output, ConsolidatedData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        var streamed = new List<StreamedSheet>();
        using var workbook = OfficialStyle.NewWorkbook();
        WriteSummary(workbook, data);
        var names = new SheetNames([SummarySheet]);
        foreach (var section in data.Template.Sections.Where(s => s.Table is not null))
        {
            var name = section.Table!.Sheet?.Name is { } named ? names.Take(named, $"Mục {section.Number}") : names.Take(section);
            if (ConsolidatedTableSheet.Write(workbook, data, section, name) is { } rows)
            {
                streamed.Add(rows);
            }
        }
        ConsolidatedDetailSheets.WriteNarratives(workbook, data, names);
        workbook.Worksheet(1).SetTabActive();
        // The frame is small (the streamed sheets hold one row each), so it can sit in memory while it is copied.
        using var frame = new MemoryStream();
        workbook.SaveAs(frame);
        StreamedSheets.Write(frame.GetBuffer().AsMemory(0, (int)frame.Length), output, streamed);
    }

    /// <summary>
    /// The definition's workbook title, else "BIỂU MẪU BÁO CÁO …" made "BẢNG TỔNG HỢP BÁO CÁO …": the consolidation of the
    /// form the units filled.
    /// </summary>
    public static string TitleOf(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Workbook?.Title is { } given && !string.IsNullOrWhiteSpace(given))
        {
            return OfficialStyle.Clean(given).Trim();
        }
        var title = OfficialStyle.Clean(template.Title).Trim();
        if (title.StartsWith(FormPrefix, StringComparison.OrdinalIgnoreCase))
        {
            title = title[FormPrefix.Length..].TrimStart();
        }
        return title.StartsWith(TitlePrefix, StringComparison.OrdinalIgnoreCase) ? title : TitlePrefix + title.ToUpperInvariant();
    }

    private static void WriteSummary(XLWorkbook workbook, ConsolidatedData data)
    {
        var figures = FigureColumn.Of(data.Template);
        var sheet = OfficialStyle.AddSheet(workbook, SummarySheet, [.. UnitWidths, .. figures.Select(f => f.Width)]);
        var lastColumn = UnitHeaders.Length + figures.Count;

        OfficialStyle.Banner(sheet, 1, 1, 3, data.ProvinceHeading);
        OfficialStyle.Banner(sheet, 2, 1, 3, data.AuthorityHeading, bold: true, underline: true);
        OfficialStyle.Banner(sheet, 1, 5, Math.Max(5, lastColumn), OfficialStyle.NationalName, bold: true);
        OfficialStyle.Banner(sheet, 2, 5, Math.Max(5, lastColumn), OfficialStyle.NationalMotto, bold: true, underline: true);

        OfficialStyle.Banner(sheet, 4, 1, lastColumn, TitleOf(data.Template), bold: true);
        OfficialStyle.FitRowHeight(sheet, 4, 1, 1);
        OfficialStyle.Banner(sheet, 5, 1, lastColumn, $"{data.Round.Title} (mã đợt: {data.Round.Code})", bold: true, size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 5, 1, 1);
        OfficialStyle.Banner(sheet, 6, 1, lastColumn, RequestLine(data.Round), italic: true, size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 6, 1, 1);

        OfficialStyle.HeaderRow(sheet, HeaderRow, [.. UnitHeaders, .. figures.Select(f => f.Header)]);

        var row = HeaderRow;
        var ordinal = 0;
        foreach (var unit in data.Units)
        {
            row++;
            ordinal++;
            sheet.Cell(row, 1).SetValue(ordinal);
            OfficialStyle.SetText(sheet.Cell(row, 2), unit.Unit);
            OfficialStyle.SetText(sheet.Cell(row, 3), unit.Name);
            OfficialStyle.SetText(sheet.Cell(row, 4), VietnameseLabels.UnitType(unit.Type));
            OfficialStyle.SetText(sheet.Cell(row, 5), VietnameseLabels.Status(unit.Status));
            if (unit.ReceivedAt is { } received)
            {
                OfficialStyle.SetDate(sheet.Cell(row, 6), OfficialStyle.ToLocal(received), OfficialStyle.DateTimeFormat);
            }
            if (unit.RevisedAt is { } revised)
            {
                OfficialStyle.SetDate(sheet.Cell(row, 7), OfficialStyle.ToLocal(revised), OfficialStyle.DateTimeFormat);
            }
            // A missing unit reported nothing; a blank says that, a 0 would claim it reported zero.
            if (unit.Status != UnitStatuses.Missing)
            {
                WriteFigures(sheet, row, figures, f => f.ValueOf(unit));
            }
            OfficialStyle.FitRowHeight(sheet, row, 1, lastColumn);
        }
        var lastDataRow = row;
        if (lastDataRow > HeaderRow)
        {
            var body = sheet.Range(HeaderRow + 1, 1, lastDataRow, lastColumn);
            OfficialStyle.TableBody(body);
            sheet.Range(HeaderRow + 1, 1, lastDataRow, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            sheet.Range(HeaderRow + 1, 4, lastDataRow, 7).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        // The total row shows the round's aggregates: indicators are ratios of the summed measures, never a mean of
        // the unit rows above.
        row++;
        var totalLabel = sheet.Range(row, 1, row, FirstFigureColumn - 1).Merge();
        OfficialStyle.SetText(totalLabel.FirstCell(), TotalLabel);
        totalLabel.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        var totals = data.Totals;
        WriteFigures(sheet, row, figures, f => f.ValueOf(totals));
        var totalRange = sheet.Range(row, 1, row, lastColumn);
        totalRange.Style.Font.Bold = true;
        OfficialStyle.Borders(totalRange);

        row++;
        var counts = sheet.Range(row, 1, row, lastColumn).Merge();
        OfficialStyle.SetText(counts.FirstCell(), CountsLine(totals));
        counts.Style.Font.Italic = true;
        counts.Style.Alignment.WrapText = true;
        OfficialStyle.FitRowHeight(sheet, row, 1, 1);

        row += 2;
        var exported = sheet.Range(row, 5, row, Math.Max(5, lastColumn)).Merge();
        var generated = OfficialStyle.ToLocal(data.GeneratedAt).ToString(OfficialStyle.DateTimeFormat, CultureInfo.InvariantCulture);
        OfficialStyle.SetText(exported.FirstCell(), $"Ngày xuất: {generated}");
        exported.Style.Font.Italic = true;
        exported.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        OfficialStyle.FinishTable(sheet, HeaderRow, lastDataRow, lastColumn, row);
    }

    /// <summary>
    /// A figure without a value (a measure the unit did not report, an indicator with nothing to divide by) stays an
    /// empty cell: a 0 would state something nobody reported.
    /// </summary>
    private static void WriteFigures(IXLWorksheet sheet, int row, IReadOnlyList<FigureColumn> figures, Func<FigureColumn, decimal?> value)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            if (value(figures[i]) is { } figure)
            {
                OfficialStyle.SetNumber(sheet.Cell(row, FirstFigureColumn + i), figure, figures[i].Format);
            }
        }
    }

    internal static string RequestLine(Round round)
    {
        var deadline = round.Deadline.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(round.RequestDocument))
        {
            return $"(Hạn báo cáo: {deadline})";
        }
        var date = round.RequestDate is { } d
            ? $" ngày {d.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture)}"
            : string.Empty;
        return $"(Theo Công văn số {round.RequestDocument}{date} của {RequestingBody.Of(round).Name}; hạn báo cáo: {deadline})";
    }

    internal static string CountsLine(RoundTotals totals) =>
        $"Đã báo cáo: {totals.UnitsReported}/{totals.UnitsExpected} đơn vị; đúng hạn: {totals.UnitsOnTime}; " +
        $"trễ hạn: {totals.UnitsLate}; chưa gửi: {totals.UnitsMissing}" +
        (totals.UnitsRevised > 0 ? $"; đã gửi bản sửa: {totals.UnitsRevised}." : ".");
}
