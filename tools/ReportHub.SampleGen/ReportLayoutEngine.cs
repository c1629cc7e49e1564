using System.Globalization;

namespace ReportHub.SampleGen;

/// <summary>Places a <see cref="ReportSpec"/> on a <see cref="Grid"/> following its <see cref="Layout"/>.</summary>
public static class ReportLayoutEngine
{
    private static readonly double[] TableWidths = [6, 48, 26, 26, 38];
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static Grid Render(ReportSpec spec)
    {
        var layout = spec.Layout;
        var grid = new Grid();
        var row = layout.HeaderRow;
        foreach (var header in spec.Header)
        {
            PutHeaderRow(grid, row++, layout.HeaderCol, header);
        }

        if (!layout.SignerAtBottom)
        {
            row++;
            foreach (var signer in spec.Signer)
            {
                PutHeaderRow(grid, row++, layout.HeaderCol, signer);
            }
        }

        row = layout.AppendixRow ?? row + 1 + layout.GapRows;
        var col = layout.AppendixCol ?? layout.HeaderCol;
        int Phys(int logical) => col + logical + (layout.BlankColumnAfter is { } b && logical > b ? 1 : 0);
        var lastCol = Phys(4);

        foreach (var title in spec.AppendixTitle)
        {
            grid.Put(row, col, title, CellLook.Bold | CellLook.Center);
            if (layout.MergeTitle)
            {
                grid.Merge(row, col, row, lastCol);
            }

            row++;
        }

        row += layout.GapRows;
        grid.Put(row++, col, layout.Headings[0], CellLook.Bold);
        for (var i = 0; i < 5; i++)
        {
            grid.Put(row, Phys(i), layout.S1Headers[i], CellLook.Bold | CellLook.Center | CellLook.Wrap | CellLook.Border);
            grid.Width(Phys(i), TableWidths[i]);
        }

        row++;
        var number = 1;
        foreach (var d in spec.Directives)
        {
            var table = CellLook.Wrap | CellLook.Border;
            grid.Put(row, Phys(0), new NumberValue(number++), table | CellLook.Center);
            grid.Put(row, Phys(1), d.Content, table);
            grid.Put(row, Phys(2), d.Citation is TextValue t ? t with { Text = t.Text.Normalize() } : d.Citation, table | CellLook.Center);
            grid.Put(row, Phys(3), d.Issuer, table);
            grid.Put(row, Phys(4), d.Recipients, table);
            row++;
        }

        row += layout.GapRows;
        grid.Put(row++, col, layout.Headings[1], CellLook.Bold);
        for (var p = 0; p < 5; p++)
        {
            grid.Put(row, Phys(p), layout.S2Headers[layout.S2Order[p]], CellLook.Bold | CellLook.Center | CellLook.Wrap | CellLook.Border);
        }

        row++;
        number = 1;
        foreach (var r in spec.QrRows)
        {
            CellValue?[] logical = [new NumberValue(number++), new TextValue(r.Entity.Normalize()), ToCell(r.Codes), ToCell(r.Scans), r.Note.Length > 0 ? new TextValue(r.Note.Normalize()) : null];
            PutQrRow(grid, row++, layout, Phys, logical, CellLook.None);
        }

        if (layout.TotalLabel is { } label)
        {
            // Districts add a total row; the parser checks it against the sum, so it must be exact.
            CellValue?[] logical = [null, new TextValue(label), ToCell(new Qty(spec.QrCodes, layout.TotalStyle)), ToCell(new Qty(spec.QrScans, layout.TotalStyle)), null];
            PutQrRow(grid, row++, layout, Phys, logical, CellLook.Bold);
        }

        (IReadOnlyList<string> Lines, string Heading)[] texts =
            [(spec.Section3, layout.Headings[2]), (spec.Section4, layout.Headings[3]), (spec.Section5, layout.Headings[4])];
        foreach (var (lines, heading) in texts)
        {
            row += layout.GapRows;
            grid.Put(row++, col, heading, CellLook.Bold);
            foreach (var line in lines)
            {
                grid.Put(row++, col, line);
            }
        }

        if (layout.SignerAtBottom)
        {
            row += 1 + layout.GapRows;
            foreach (var signer in spec.Signer)
            {
                // The signature sits on the right, under the last table columns, as in printed letters.
                PutHeaderRow(grid, row++, Phys(3), signer);
            }
        }

        return grid;
    }

    private static void PutQrRow(Grid grid, int row, Layout layout, Func<int, int> phys, CellValue?[] logical, CellLook extra)
    {
        for (var p = 0; p < 5; p++)
        {
            var index = layout.S2Order[p];
            var look = CellLook.Border | CellLook.Wrap | extra | (index is 1 or 4 ? CellLook.None : CellLook.Center);
            var value = logical[index] ?? new TextValue(string.Empty);
            grid.Put(row, phys(p), value, look);
        }
    }

    public static CellValue ToCell(Qty q) => q.Style switch
    {
        QtyStyle.Number => new NumberValue(q.Value),
        QtyStyle.Thousands => new NumberValue(q.Value, "#,##0"),
        QtyStyle.ZeroPadded => new TextValue(q.Value.ToString("00", En), QuotePrefix: true),
        QtyStyle.TextDots => new TextValue(q.Value.ToString("#,##0", Vi)),
        QtyStyle.TextCommas => new TextValue(q.Value.ToString("#,##0", En)),
        _ => throw new ArgumentOutOfRangeException(nameof(q)),
    };

    private static void PutHeaderRow(Grid grid, int row, int col, HeaderRow header)
    {
        foreach (var (offset, text) in header.Parts)
        {
            grid.Put(row, col + offset, text, header.Bold ? CellLook.Bold : CellLook.None);
        }
    }
}
