using System.Globalization;
using ClosedXML.Excel;
using ReportHub.Aggregate.Rollups;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Export;

/// <summary>The consolidated spreadsheet the DOIC attaches to its own report upward.</summary>
public static class ConsolidatedWorkbook
{
    public const string SummarySheet = "Tổng hợp";

    public const string Title =
        "BẢNG TỔNG HỢP BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19";

    private static readonly string[] Headers =
    [
        "STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Tình trạng", "Ngày nhận",
        "Số văn bản chỉ đạo", "Số mã QR", "Số lượt quét",
    ];

    private static readonly double[] Widths = [6, 13, 40, 24, 15, 18, 13, 12, 14];

    private const int HeaderRow = 8;
    private const int FirstCountColumn = 7;

    public static void Write(Stream output, ConsolidatedData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        using var workbook = OfficialStyle.NewWorkbook();
        WriteSummary(workbook, data);
        ConsolidatedDetailSheets.WriteDirectives(workbook, data);
        ConsolidatedDetailSheets.WriteQr(workbook, data);
        ConsolidatedDetailSheets.WriteNarratives(workbook, data);
        workbook.Worksheet(1).SetTabActive();
        workbook.SaveAs(output);
    }

    private static void WriteSummary(XLWorkbook workbook, ConsolidatedData data)
    {
        var sheet = OfficialStyle.AddSheet(workbook, SummarySheet, Widths);
        var lastColumn = Headers.Length;

        OfficialStyle.Banner(sheet, 1, 1, 3, data.ProvinceHeading);
        OfficialStyle.Banner(sheet, 2, 1, 3, data.AuthorityHeading, bold: true, underline: true);
        OfficialStyle.Banner(sheet, 1, 5, lastColumn, OfficialStyle.NationalName, bold: true);
        OfficialStyle.Banner(sheet, 2, 5, lastColumn, OfficialStyle.NationalMotto, bold: true, underline: true);

        OfficialStyle.Banner(sheet, 4, 1, lastColumn, Title, bold: true);
        OfficialStyle.FitRowHeight(sheet, 4, 1, 1);
        OfficialStyle.Banner(sheet, 5, 1, lastColumn, $"{data.Round.Title} (mã đợt: {data.Round.Code})", bold: true, size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 5, 1, 1);
        OfficialStyle.Banner(sheet, 6, 1, lastColumn, RequestLine(data.Round), italic: true, size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 6, 1, 1);

        OfficialStyle.HeaderRow(sheet, HeaderRow, Headers);

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
            // A missing unit reported nothing; a blank says that, a 0 would claim it reported zero.
            if (unit.Status != UnitStatuses.Missing)
            {
                OfficialStyle.SetCount(sheet.Cell(row, 7), unit.Directives ?? 0);
                OfficialStyle.SetCount(sheet.Cell(row, 8), unit.QrCodes ?? 0);
                OfficialStyle.SetCount(sheet.Cell(row, 9), unit.QrScans ?? 0);
            }
            OfficialStyle.FitRowHeight(sheet, row, 1, lastColumn);
        }
        var lastDataRow = row;
        if (lastDataRow > HeaderRow)
        {
            var body = sheet.Range(HeaderRow + 1, 1, lastDataRow, lastColumn);
            OfficialStyle.TableBody(body);
            sheet.Range(HeaderRow + 1, 1, lastDataRow, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            sheet.Range(HeaderRow + 1, 4, lastDataRow, 6).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        row++;
        var totalLabel = sheet.Range(row, 1, row, FirstCountColumn - 1).Merge();
        OfficialStyle.SetText(totalLabel.FirstCell(), "Tổng cộng");
        totalLabel.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        var totals = data.Totals;
        OfficialStyle.SetCount(sheet.Cell(row, 7), totals.Directives ?? 0);
        OfficialStyle.SetCount(sheet.Cell(row, 8), totals.QrCodes ?? 0);
        OfficialStyle.SetCount(sheet.Cell(row, 9), totals.QrScans ?? 0);
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
        var exported = sheet.Range(row, 5, row, lastColumn).Merge();
        var generated = OfficialStyle.ToLocal(data.GeneratedAt).ToString(OfficialStyle.DateTimeFormat, CultureInfo.InvariantCulture);
        OfficialStyle.SetText(exported.FirstCell(), $"Ngày xuất: {generated}");
        exported.Style.Font.Italic = true;
        exported.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        OfficialStyle.FinishTable(sheet, HeaderRow, lastDataRow, lastColumn, row);
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
        return $"(Theo Công văn số {round.RequestDocument}{date} của Sở Thông tin và Truyền thông; hạn báo cáo: {deadline})";
    }

    internal static string CountsLine(RoundTotals totals) =>
        $"Đã báo cáo: {totals.UnitsReported}/{totals.UnitsExpected} đơn vị; đúng hạn: {totals.UnitsOnTime}; " +
        $"trễ hạn: {totals.UnitsLate}; chưa báo cáo: {totals.UnitsMissing}.";
}
