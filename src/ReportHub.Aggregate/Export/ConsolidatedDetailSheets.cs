using ClosedXML.Excel;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Rollups;
using ReportHub.Aggregate.Export.Streaming;
using ReportHub.Core.Domain;

namespace ReportHub.Aggregate.Export;

/// <summary>The narratives sheet any template gets, and what every detail sheet shares: its frame and its body style.</summary>
internal static class ConsolidatedDetailSheets
{
    /// <summary>The narratives sheet of a template whose definition does not name one.</summary>
    public const string NarrativesSheet = "Nội dung báo cáo";

    internal const int HeaderRow = 4;

    private const double NarrativeWidth = 50;

    /// <summary>
    /// One column per narrative section: as the definition's narratives sheet lays them out, else every narrative
    /// section headed as the form heads it. No narrative section, no sheet.
    /// </summary>
    public static void WriteNarratives(XLWorkbook workbook, ConsolidatedData data, SheetNames names)
    {
        var narratives = data.Template.Sections.Where(s => s.IsNarrative).ToList();
        var layout = data.Template.Workbook?.Narratives;
        (string Key, string Header, double Width)[] columns = layout is { Columns.Count: > 0 }
            ? [.. layout.Columns.Where(c => narratives.Any(s => s.Key == c.From)).Select(c => (c.From, c.Header, c.Width ?? NarrativeWidth))]
            : [.. narratives.Select(s => (s.Key, $"{s.Number}. {s.Heading}", NarrativeWidth))];
        if (columns.Length == 0)
        {
            return;
        }
        var title = layout?.Title
            ?? string.Join("; ", narratives.Select(s => OfficialStyle.Clean(s.Heading).Trim().ToUpperInvariant()));
        WriteNarratives(workbook, data, names.Take(layout?.Name ?? NarrativesSheet, "Nội dung"), title,
            [.. columns.Select(c => (c.Key, c.Header))], [6, 24, .. columns.Select(c => c.Width)]);
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
