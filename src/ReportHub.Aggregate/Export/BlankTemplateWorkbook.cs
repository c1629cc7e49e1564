using System.Globalization;
using ClosedXML.Excel;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// A fill-in copy of the appendix form for one unit and round, laid out from the <see cref="TemplateDefinition"/> so a
/// new template needs no code here. It mirrors the seed report: cover letter first, then PHỤ LỤC and sections 1–5.
/// </summary>
public static class BlankTemplateWorkbook
{
    public const string ReportSheet = "Báo cáo";
    public const string GuideSheet = "Hướng dẫn";
    public const string DoNotEditNote = "Không sửa các ô này";
    public const int BlankTableRows = 8;
    public const int BlankNarrativeRows = 3;

    private const string DefaultPlace = "Quảng Ngãi";

    public static void Write(Stream output, TemplateDefinition template, Unit unit, Unit? province, Round round)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(round);

        using var workbook = OfficialStyle.NewWorkbook();
        var layout = new SheetLayout(template);
        var sheet = OfficialStyle.AddSheet(workbook, ReportSheet, layout.Widths);

        var row = WriteCoverLetter(sheet, layout, template, unit, province, round);
        // The appendix starts on its own page, as attached appendices do.
        sheet.PageSetup.AddHorizontalPageBreak(row + 1);
        row = WriteAppendix(sheet, layout, template, row + 2);
        OfficialStyle.PageSetup(sheet, XLPageOrientation.Landscape, headerRow: 0, lastRow: row, lastColumn: layout.Columns);

        BlankTemplateGuide.Write(workbook, template, round);
        sheet.SetTabActive();
        workbook.SaveAs(output);
    }

    /// <summary>Writes everything above PHỤ LỤC and returns the last row used.</summary>
    private static int WriteCoverLetter(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template,
        Unit unit, Unit? province, Round round)
    {
        var place = province is null ? DefaultPlace : ProvinceShortName(province);
        var (left, right) = (layout.LeftEnd, layout.LeftEnd + 1);

        if (province is not null)
        {
            OfficialStyle.Banner(sheet, 1, 1, left, $"UBND TỈNH {place.ToUpperInvariant()}");
        }
        OfficialStyle.Banner(sheet, 2, 1, left, IssuingBody(unit, province), bold: true, underline: true);
        OfficialStyle.Banner(sheet, 1, right, layout.Columns, OfficialStyle.NationalName, bold: true);
        OfficialStyle.Banner(sheet, 2, right, layout.Columns, OfficialStyle.NationalMotto, bold: true, underline: true);

        OfficialStyle.Banner(sheet, 4, 1, left, "Số:      /", size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, 4, right, layout.Columns,
            $"{place}, ngày     tháng     năm {round.Deadline.Year.ToString(CultureInfo.InvariantCulture)}",
            italic: true, size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, 5, 1, left,
            "V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19",
            size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 5, 1, 1);

        OfficialStyle.Banner(sheet, 7, 1, layout.Columns, $"Kính gửi: Sở Thông tin và Truyền thông tỉnh {place}", size: OfficialStyle.BodySize);
        var row = 7;
        if (!string.IsNullOrWhiteSpace(round.RequestDocument))
        {
            row++;
            var date = round.RequestDate is { } d
                ? $" ngày {d.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture)}"
                : string.Empty;
            var request = OfficialStyle.Banner(sheet, row, 1, layout.Columns,
                $"Theo Công văn số {round.RequestDocument}{date} của Sở Thông tin và Truyền thông",
                size: OfficialStyle.BodySize);
            request.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            OfficialStyle.FitRowHeight(sheet, row, 1, 1);
        }

        // The signer sits with the letter, as in the seed, not after section 5: there it would read as section-5 text.
        row += 2;
        OfficialStyle.Banner(sheet, row, right, layout.Columns, "THỦ TRƯỞNG ĐƠN VỊ", bold: true, size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, row + 1, right, layout.Columns, "(Ký, ghi rõ họ tên, đóng dấu)", italic: true, size: OfficialStyle.BodySize);
        row += 4;

        return WriteLabels(sheet, layout, template, unit, round, row);
    }

    /// <summary>
    /// ReportHub's own label/value cells: the label text exactly as the template names it, the value in the next cell
    /// as text so "2021-10" is not read as a date.
    /// </summary>
    private static int WriteLabels(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template,
        Unit unit, Round round, int row)
    {
        (string Label, string Value)[] labels =
        [
            (LabelText(template, "unitCode", "Mã đơn vị"), unit.Code),
            (LabelText(template, "roundCode", "Mã đợt báo cáo"), round.Code),
            ("Hạn báo cáo", round.Deadline.ToString(OfficialStyle.DateFormat, CultureInfo.InvariantCulture)),
        ];
        var labelColumn = layout.LeftEnd;
        var first = row;
        foreach (var (label, value) in labels)
        {
            var labelCell = OfficialStyle.SetText(sheet.Cell(row, labelColumn), label + ":");
            labelCell.Style.Font.Bold = true;
            labelCell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            var valueCell = OfficialStyle.SetText(sheet.Cell(row, labelColumn + 1), value);
            OfficialStyle.LockedLooking(valueCell, DoNotEditNote);
            valueCell.Style.Font.Bold = true;
            row++;
        }
        OfficialStyle.Borders(sheet.Range(first, labelColumn + 1, row - 1, labelColumn + 1));
        return row - 1;
    }

    private static int WriteAppendix(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template, int row)
    {
        row++;
        OfficialStyle.Banner(sheet, row, 1, layout.Columns, template.AppendixHeading, bold: true);
        row++;
        OfficialStyle.Banner(sheet, row, 1, layout.Columns, template.Title, bold: true);
        OfficialStyle.FitRowHeight(sheet, row, 1, 1);

        var afterTable = false;
        foreach (var section in template.Sections)
        {
            // Free-text sections start a fresh page after the tables, so a heading is never orphaned from its lines.
            if (section.IsNarrative && afterTable)
            {
                sheet.PageSetup.AddHorizontalPageBreak(row);
            }
            afterTable = !section.IsNarrative;
            row += 2;
            var heading = OfficialStyle.Banner(sheet, row, 1, layout.Columns, $"{section.Number}. {section.Heading}",
                bold: true, size: OfficialStyle.BodySize);
            heading.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            row = section.Table is { } table
                ? BlankTemplateSections.Table(sheet, table, row + 1)
                : BlankTemplateSections.Narrative(sheet, layout.Columns, row + 1);
        }
        return row;
    }

    private static string LabelText(TemplateDefinition template, string key, string fallback) =>
        template.Labels.FirstOrDefault(l => l.Key == key)?.Label ?? fallback;

    internal static string ProvinceShortName(Unit province)
    {
        const string prefix = "Tỉnh ";
        var name = province.Name.Trim();
        return name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..].Trim() : name;
    }

    /// <summary>"Sở Công Thương tỉnh Quảng Ngãi" → "SỞ CÔNG THƯƠNG": the province is already on the line above.</summary>
    internal static string IssuingBody(Unit unit, Unit? province)
    {
        var name = unit.Name.Trim();
        if (province is not null)
        {
            var suffix = " tỉnh " + ProvinceShortName(province);
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length].TrimEnd();
            }
        }
        return name.ToUpperInvariant();
    }

    /// <summary>Column widths shared by every table of the template: each column as wide as its widest use.</summary>
    private sealed class SheetLayout
    {
        private static readonly double[] FallbackWidths = [6, 48, 24, 24, 36];

        public SheetLayout(TemplateDefinition template)
        {
            var tables = template.Sections.Select(s => s.Table).OfType<TableDefinition>().ToList();
            var count = tables.Count == 0 ? FallbackWidths.Length : tables.Max(t => t.Columns.Count);
            Widths = Enumerable.Range(0, count)
                .Select(i => tables.Count == 0
                    ? FallbackWidths[i]
                    : tables.Where(t => i < t.Columns.Count).Max(t => t.Columns[i].Width))
                .ToArray();
            // Narrow forms still need room for the two-block letter head.
            while (Widths.Length < 3)
            {
                Widths = [.. Widths, 30];
            }
            LeftEnd = Math.Max(1, Widths.Length / 2);
        }

        public double[] Widths { get; }

        public int Columns => Widths.Length;

        /// <summary>Last column of the issuing-body block; the national motto block starts after it.</summary>
        public int LeftEnd { get; }
    }
}
