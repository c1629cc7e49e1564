using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Styling;
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
    public const string DoNotEditNote = OfficialLetter.DoNotEditNote;
    public const int BlankNarrativeRows = 3;

    // The schema allows up to 1,000 empty rows; a template registered without the schema still gets a usable form.
    private const int MaxBlankRows = 1000;

    /// <summary>Empty rows each table leaves for the sender, as the template's layout says.</summary>
    public static int BlankTableRows(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Math.Clamp(template.Layout.BlankRows, 0, MaxBlankRows);
    }

    /// <summary>The paper orientation of the form, as the template's layout says (landscape unless it says portrait).</summary>
    public static XLPageOrientation Orientation(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.Equals(template.Layout.Orientation, "portrait", StringComparison.OrdinalIgnoreCase)
            ? XLPageOrientation.Portrait
            : XLPageOrientation.Landscape;
    }

    public static void Write(Stream output, TemplateDefinition template, Unit unit, Unit? province, Round round) =>
        Write(output, template, unit, province, round, filling: null);

    /// <summary>The same form with <paramref name="filling"/>'s values typed in; null leaves it blank.</summary>
    internal static void Write(Stream output, TemplateDefinition template, Unit unit, Unit? province, Round round, FormFilling? filling)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(round);

        using var workbook = OfficialStyle.NewWorkbook();
        var layout = new SheetLayout(template);
        var sheet = OfficialStyle.AddSheet(workbook, ReportSheet, layout.Widths);

        var row = WriteCoverLetter(sheet, layout, template, unit, province, round, filling);
        // The appendix starts on its own page, as attached appendices do.
        sheet.PageSetup.AddHorizontalPageBreak(row + 1);
        row = WriteAppendix(sheet, layout, template, row + 2, filling);
        OfficialStyle.PageSetup(sheet, Orientation(template), headerRow: 0, lastRow: row, lastColumn: layout.Columns);

        BlankTemplateGuide.Write(workbook, template, round);
        sheet.SetTabActive();
        workbook.SaveAs(output);
    }

    /// <summary>Writes everything above PHỤ LỤC and returns the last row used.</summary>
    private static int WriteCoverLetter(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template,
        Unit unit, Unit? province, Round round, FormFilling? filling)
    {
        var (left, right) = (layout.LeftEnd, layout.LeftEnd + 1);

        if (OfficialLetter.GoverningBody(province) is { } governing)
        {
            OfficialStyle.Banner(sheet, 1, 1, left, governing);
        }
        OfficialStyle.Banner(sheet, 2, 1, left, OfficialLetter.IssuingBody(unit, province), bold: true, underline: true);
        OfficialStyle.Banner(sheet, 1, right, layout.Columns, OfficialStyle.NationalName, bold: true);
        OfficialStyle.Banner(sheet, 2, right, layout.Columns, OfficialStyle.NationalMotto, bold: true, underline: true);

        OfficialStyle.Banner(sheet, 4, 1, left, OfficialLetter.NumberLine, size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, 4, right, layout.Columns, OfficialLetter.PlaceDate(province, round),
            italic: true, size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, 5, 1, left, OfficialLetter.Subject(template), size: OfficialStyle.BodySize);
        OfficialStyle.FitRowHeight(sheet, 5, 1, 1);

        OfficialStyle.Banner(sheet, 7, 1, layout.Columns, OfficialLetter.Recipient(province, round), size: OfficialStyle.BodySize);
        var row = 7;
        if (OfficialLetter.RequestCitation(round) is { } citation)
        {
            row++;
            var request = OfficialStyle.Banner(sheet, row, 1, layout.Columns, citation, size: OfficialStyle.BodySize);
            request.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            OfficialStyle.FitRowHeight(sheet, row, 1, 1);
        }

        // The signer sits with the letter, as in the seed, not after section 5: there it would read as section-5 text.
        row += 2;
        OfficialStyle.Banner(sheet, row, right, layout.Columns, OfficialLetter.SignerTitle, bold: true, size: OfficialStyle.BodySize);
        OfficialStyle.Banner(sheet, row + 1, right, layout.Columns, OfficialLetter.SignatureNote, italic: true, size: OfficialStyle.BodySize);
        row += 4;

        return WriteLabels(sheet, layout, template, unit, round, row, filling);
    }

    /// <summary>
    /// ReportHub's own label/value cells: the label text exactly as the template names it, the value in the next cell
    /// as text so "2021-10" is not read as a date.
    /// </summary>
    private static int WriteLabels(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template,
        Unit unit, Round round, int row, FormFilling? filling)
    {
        var labelColumn = layout.LeftEnd;
        var first = row;
        var labels = OfficialLetter.Labels(template, unit, round);
        for (var i = 0; i < labels.Count; i++)
        {
            var (label, value) = labels[i];
            filling?.Label(i, sheet.Cell(row, labelColumn + 1), sheet.Cell(row, labelColumn));
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

    private static int WriteAppendix(IXLWorksheet sheet, SheetLayout layout, TemplateDefinition template, int row, FormFilling? filling)
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
            var body = row + 1;
            if (section.Table is { } table)
            {
                // A form filled in on the page may hold more rows than the blank leaves; the table grows to hold them.
                row = BlankTemplateSections.Table(sheet, table, body, Math.Max(BlankTableRows(template), filling?.RowCount(section) ?? 0));
                filling?.Table(sheet, section, body);
            }
            else
            {
                row = BlankTemplateSections.Narrative(sheet, layout.Columns, body);
                filling?.Narrative(sheet, section, body);
            }
        }
        return row;
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
