using ReportHub.Core.Issues;

namespace ReportHub.Core.Parsing;

/// <summary>
/// A formula's value is taken as the spreadsheet program last cached it: nothing here recalculates, and a file edited
/// by a program that does not recalculate (or saved with calculation off) keeps a stale total. The sender is told
/// which cells those are; past a few, one warning names the first of them instead of one per cell.
/// </summary>
internal static class FormulaNotes
{
    private const int NamedSeparately = 5;
    private const int NamedInSummary = 10;

    public static void Warn(IReadOnlyList<TableReading> tables, ParseContext context)
    {
        var cells = new List<GridCell>();
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                Collect(row, cells);
            }
            if (table.Total is { } total)
            {
                Collect(total, cells);
            }
        }
        if (cells.Count == 0)
        {
            return;
        }
        if (cells.Count <= NamedSeparately)
        {
            foreach (var cell in cells)
            {
                context.Warning(IssueCodes.FormulaCached, cell.Address, Messages.FormulaCached(cell.Address, cell.Text));
            }
            return;
        }
        var named = cells.Take(NamedInSummary).Select(c => c.Address).ToList();
        context.Warning(IssueCodes.FormulaCached, cells[0].Address, Messages.FormulasCached(cells.Count, named));
    }

    private static void Collect(ReadRow row, List<GridCell> cells)
    {
        foreach (var cell in row.Cells.Values)
        {
            if (cell.IsFormula)
            {
                cells.Add(cell);
            }
        }
    }
}
