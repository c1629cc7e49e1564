using ClosedXML.Excel;
using ReportHub.Aggregate.Rollups;
using ReportHub.Aggregate.Export.Streaming;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The COVID template's detail sheets (every unit's rows of sections 1, 2 and 3–5, read from the COVID tables) and
/// the narratives sheet any template gets.
/// </summary>
internal static class ConsolidatedDetailSheets
{
    public const string DirectivesSheet = "Văn bản chỉ đạo";
    public const string QrSheet = "Mã QR";
    public const string NarrativesSheet = "Kiểm tra, kết quả, kiến nghị";

    /// <summary>The narratives sheet of a template other than COVID's.</summary>
    public const string GenericNarrativesSheet = "Nội dung báo cáo";

    internal const int HeaderRow = 4;

    private const double NarrativeWidth = 50;

    private static readonly string[] DirectiveHeaders =
    [
        "STT", "Đơn vị báo cáo", "Nội dung thực hiện", "Số, ngày ban hành văn bản", "Số", "Ký hiệu",
        "Ngày ban hành", "Đơn vị ban hành", "Đối tượng tiếp nhận thông tin",
    ];

    private static readonly double[] DirectiveWidths = [6, 22, 42, 20, 8, 15, 13, 20, 32];

    private static readonly string[] QrHeaders =
    [
        "STT", "Đơn vị báo cáo", "Đối tượng thống kê", "Tổng số mã QR địa điểm đã tạo và quản lý",
        "Tổng số lượt quét mã QR của các địa điểm", "Ghi chú",
    ];

    private static readonly double[] QrWidths = [6, 30, 40, 20, 20, 24];

    private static readonly (string Key, string Header)[] NarrativeSections =
    [
        ("inspection", "3. Công tác kiểm tra, giám sát"),
        ("results", "4. Kết quả, kinh nghiệm"),
        ("recommendations", "5. Kiến nghị, đề xuất"),
    ];

    private static readonly double[] NarrativeWidths = [6, 24, 50, 50, 40];

    private const string NarrativesTitle = "CÔNG TÁC KIỂM TRA, GIÁM SÁT; KẾT QUẢ, KINH NGHIỆM; KIẾN NGHỊ, ĐỀ XUẤT";

    public static void WriteDirectives(XLWorkbook workbook, ConsolidatedData data)
    {
        var sheet = StartSheet(workbook, DirectivesSheet, DirectiveWidths, DirectiveHeaders,
            "DANH SÁCH VĂN BẢN CHỈ ĐẠO, TRIỂN KHAI VÀ TUYÊN TRUYỀN", data);
        var row = HeaderRow;
        foreach (var directive in data.Directives)
        {
            row++;
            sheet.Cell(row, 1).SetValue(row - HeaderRow);
            OfficialStyle.SetText(sheet.Cell(row, 2), directive.UnitName);
            OfficialStyle.SetText(sheet.Cell(row, 3), directive.Content);
            OfficialStyle.SetText(sheet.Cell(row, 4), directive.CitationText);
            OfficialStyle.SetText(sheet.Cell(row, 5), directive.DocumentNumber);
            OfficialStyle.SetText(sheet.Cell(row, 6), directive.DocumentSymbol);
            if (directive.DocumentDate is { } date)
            {
                OfficialStyle.SetDate(sheet.Cell(row, 7), date.ToDateTime(TimeOnly.MinValue), OfficialStyle.DateFormat);
            }
            OfficialStyle.SetText(sheet.Cell(row, 8), directive.IssuingUnit);
            OfficialStyle.SetText(sheet.Cell(row, 9), ListLines(directive.Recipients));
            OfficialStyle.FitRowHeight(sheet, row, 1, DirectiveHeaders.Length);
        }
        FinishBody(sheet, row, DirectiveHeaders.Length, centred: [1, 5, 7]);
        OfficialStyle.FinishTable(sheet, HeaderRow, row, DirectiveHeaders.Length, row);
    }

    /// <summary>
    /// The QR sheet's frame, with its first row as the pattern of every body row; the rows themselves are streamed
    /// into the package afterwards, since a round can hold tens of thousands. Without rows there is nothing to stream:
    /// the total row then sits where the pattern would.
    /// </summary>
    public static StreamedSheet? WriteQr(XLWorkbook workbook, ConsolidatedData data)
    {
        var sheet = StartSheet(workbook, QrSheet, QrWidths, QrHeaders,
            "KẾT QUẢ TẠO, QUẢN LÝ MÃ QR ĐỊA ĐIỂM VÀ QUÉT MÃ QR TẠI CÁC ĐỊA ĐIỂM", data);
        var firstRow = HeaderRow + 1;
        if (data.QrRows.Count > 0)
        {
            var first = data.QrRows[0];
            sheet.Cell(firstRow, 1).SetValue(1);
            OfficialStyle.SetText(sheet.Cell(firstRow, 2), first.UnitName);
            OfficialStyle.SetText(sheet.Cell(firstRow, 3), first.Entity);
            OfficialStyle.SetCount(sheet.Cell(firstRow, 4), first.QrCodes);
            OfficialStyle.SetCount(sheet.Cell(firstRow, 5), first.QrScans);
            OfficialStyle.SetText(sheet.Cell(firstRow, 6), first.Note);
            FinishBody(sheet, firstRow, QrHeaders.Length, centred: [1]);
        }
        var lastDataRow = HeaderRow + data.QrRows.Count;

        // The sheet's total is the sum of the rows it shows, so a reader can check it line by line.
        var row = lastDataRow + 1;
        var label = sheet.Range(row, 1, row, 3).Merge();
        OfficialStyle.SetText(label.FirstCell(), "Tổng cộng");
        label.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        OfficialStyle.SetCount(sheet.Cell(row, 4), Counts.Sum(data.QrRows, r => r.QrCodes));
        OfficialStyle.SetCount(sheet.Cell(row, 5), Counts.Sum(data.QrRows, r => r.QrScans));
        var total = sheet.Range(row, 1, row, QrHeaders.Length);
        total.Style.Font.Bold = true;
        OfficialStyle.Borders(total);

        OfficialStyle.FinishTable(sheet, HeaderRow, lastDataRow, QrHeaders.Length, row);
        return data.QrRows.Count == 0 ? null : new StreamedSheet
        {
            Name = QrSheet,
            FirstRow = firstRow,
            Widths = QrWidths,
            Rows = data.QrRows.Select((qr, i) => new[]
            {
                BodyCell.Of(i + 1),
                BodyCell.Of(qr.UnitName),
                BodyCell.Of(qr.Entity),
                BodyCell.Of(qr.QrCodes),
                BodyCell.Of(qr.QrScans),
                BodyCell.Of(qr.Note),
            }),
        };
    }

    /// <summary>COVID's narratives sheet, with the headings the province has used since 2021.</summary>
    public static void WriteNarratives(XLWorkbook workbook, ConsolidatedData data) =>
        WriteNarratives(workbook, data, NarrativesSheet, NarrativesTitle, NarrativeSections, NarrativeWidths);

    /// <summary>One column per narrative section of the template, headed as the form heads it; none, no sheet.</summary>
    public static void WriteNarratives(XLWorkbook workbook, ConsolidatedData data, SheetNames names)
    {
        var sections = data.Template.Sections.Where(s => s.IsNarrative).ToList();
        if (sections.Count == 0)
        {
            return;
        }
        var title = string.Join("; ", sections.Select(s => OfficialStyle.Clean(s.Heading).Trim().ToUpperInvariant()));
        WriteNarratives(workbook, data, names.Take(GenericNarrativesSheet, "Nội dung"), title,
            sections.Select(s => (s.Key, $"{s.Number}. {s.Heading}")).ToArray(),
            [6, 24, .. sections.Select(_ => NarrativeWidth)]);
    }

    private static void WriteNarratives(XLWorkbook workbook, ConsolidatedData data, string sheetName, string title,
        (string Key, string Header)[] sections, double[] widths)
    {
        var headers = new[] { "STT", "Đơn vị" }.Concat(sections.Select(s => s.Header)).ToArray();
        var sheet = StartSheet(workbook, sheetName, widths, headers, title, data);
        var row = HeaderRow;
        foreach (var (unitName, texts) in PivotNarratives(data, sections))
        {
            row++;
            sheet.Cell(row, 1).SetValue(row - HeaderRow);
            OfficialStyle.SetText(sheet.Cell(row, 2), unitName);
            for (var i = 0; i < sections.Length; i++)
            {
                OfficialStyle.SetText(sheet.Cell(row, 3 + i), texts[i]);
            }
            OfficialStyle.FitRowHeight(sheet, row, 1, headers.Length);
        }
        FinishBody(sheet, row, headers.Length, centred: [1]);
        OfficialStyle.FinishTable(sheet, HeaderRow, row, headers.Length, row);
    }

    /// <summary>One row per unit, in the order of the summary sheet, with each section's paragraphs joined.</summary>
    private static List<(string UnitName, string[] Texts)> PivotNarratives(ConsolidatedData data, (string Key, string Header)[] sections)
    {
        var order = data.Units.Select((u, i) => (u.Unit, i)).ToDictionary(x => x.Unit, x => x.i, StringComparer.Ordinal);
        return data.Narratives
            .GroupBy(n => n.Unit, StringComparer.Ordinal)
            .Select((g, appearance) => (Group: g, Rank: order.TryGetValue(g.Key, out var rank) ? rank : order.Count + appearance))
            .OrderBy(x => x.Rank)
            .Select(x => (x.Group.First().UnitName, sections
                .Select(s => string.Join("\n", x.Group
                    .Where(n => string.Equals(n.Section, s.Key, StringComparison.OrdinalIgnoreCase))
                    .Select(n => n.Text.Trim())
                    .Where(t => t.Length > 0)))
                .ToArray()))
            .ToList();
    }

    /// <summary>One item a line, each starting with a dash, as a list is written in an official letter.</summary>
    internal static string ListLines(IReadOnlyList<string> recipients) =>
        string.Join("\n", recipients
            .Select(r => r.Trim())
            .Where(r => r.Length > 0)
            .Select(r => r.StartsWith('-') ? r : "- " + r));

    internal static IXLWorksheet StartSheet(XLWorkbook workbook, string name, double[] widths, string[] headers,
        string title, ConsolidatedData data)
    {
        var sheet = OfficialStyle.AddSheet(workbook, name, widths);
        OfficialStyle.Banner(sheet, 1, 1, headers.Length, title, bold: true);
        OfficialStyle.FitRowHeight(sheet, 1, 1, 1);
        OfficialStyle.Banner(sheet, 2, 1, headers.Length, $"{data.Round.Title} (mã đợt: {data.Round.Code})",
            italic: true, size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 2, 1, 1);
        OfficialStyle.HeaderRow(sheet, HeaderRow, headers);
        return sheet;
    }

    internal static void FinishBody(IXLWorksheet sheet, int lastDataRow, int lastColumn, int[] centred)
    {
        if (lastDataRow <= HeaderRow)
        {
            return;
        }
        OfficialStyle.TableBody(sheet.Range(HeaderRow + 1, 1, lastDataRow, lastColumn));
        foreach (var column in centred)
        {
            sheet.Range(HeaderRow + 1, column, lastDataRow, column).Style.Alignment.Horizontal =
                XLAlignmentHorizontalValues.Center;
        }
    }
}
