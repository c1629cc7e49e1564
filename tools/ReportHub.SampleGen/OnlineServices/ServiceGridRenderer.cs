using static ReportHub.SampleGen.Reports.Std;

namespace ReportHub.SampleGen.OnlineServices;

/// <summary>Places a <see cref="ServiceReport"/> on a <see cref="Grid"/> (the xlsx and CSV samples) following its layout.</summary>
public static class ServiceGridRenderer
{
    private static readonly double[] Widths = [6, 40, 16, 18, 14, 14, 14, 14, 16];

    public static Grid Render(ServiceReport report)
    {
        var layout = report.Layout;
        var grid = new Grid();
        var row = layout.HeaderRow;
        foreach (var header in Letterhead(report.Letter, layout))
        {
            Put(grid, row++, layout.HeaderCol, header);
        }

        if (!layout.SignerAtBottom)
        {
            row++;
            foreach (var signer in Signer(report.Letter))
            {
                Put(grid, row++, layout.HeaderCol + layout.RightCol, signer);
            }
        }

        row = layout.AppendixRow ?? row + 1 + layout.GapRows;
        var col = layout.AppendixCol ?? layout.HeaderCol;
        var lastCol = col + ServiceLayout.TemplateOrder.Count - 1;
        foreach (var title in new[] { PhuLuc, ServiceText.Title, ServiceText.Period })
        {
            grid.Put(row, col, title, CellLook.Bold | CellLook.Center);
            if (layout.MergeTitle)
            {
                grid.Merge(row, col, row, lastCol);
            }

            row++;
        }

        row += layout.GapRows;
        grid.Put(row++, col, ServiceText.Headings[0], CellLook.Bold);
        var table = CellLook.Wrap | CellLook.Border;
        for (var i = 0; i < ServiceText.DirectiveHeaders.Count; i++)
        {
            grid.Put(row, col + i, ServiceText.DirectiveHeaders[i], table | CellLook.Bold | CellLook.Center);
        }

        row++;
        var number = 1;
        foreach (var d in report.Directives)
        {
            grid.Put(row, col, new NumberValue(number++), table | CellLook.Center);
            grid.Put(row, col + 1, d.Content, table);
            grid.Put(row, col + 2, d.Citation, table | CellLook.Center);
            grid.Put(row, col + 3, d.Issuer, table);
            grid.Put(row, col + 4, d.Recipients, table);
            row++;
        }

        row += layout.GapRows;
        grid.Put(row++, col, ServiceText.Headings[1], CellLook.Bold);
        for (var p = 0; p < layout.Order.Count; p++)
        {
            var column = layout.Order[p];
            grid.Put(row, col + p, layout.Headers.GetValueOrDefault(column, ServiceText.Header(column)), table | CellLook.Bold | CellLook.Center);
            grid.Width(col + p, Widths[(int)column]);
        }

        row++;
        number = 1;
        foreach (var r in report.Rows)
        {
            var ordinal = number++;
            PutServiceRow(grid, row++, col, layout, c => c switch
            {
                ServiceColumn.Ordinal => new NumberValue(ordinal),
                ServiceColumn.Entity => new TextValue(r.Entity.Normalize()),
                ServiceColumn.Note => r.Note.Length > 0 ? new TextValue(r.Note.Normalize()) : null,
                _ => ReportLayoutEngine.ToCell(new Qty(r.Value(c), layout.Figures)),
            }, CellLook.None);
        }

        if (layout.TotalLabel is { } label)
        {
            // The parser checks a total row against the rows above it, so it carries the exact sums.
            PutServiceRow(grid, row++, col, layout, c => c switch
            {
                ServiceColumn.Entity => new TextValue(label),
                ServiceColumn.Ordinal or ServiceColumn.Note => null,
                _ => ReportLayoutEngine.ToCell(new Qty(report.Sum(c), layout.Figures)),
            }, CellLook.Bold);
        }

        (IReadOnlyList<string> Lines, string Heading)[] texts =
            [(report.Section3, ServiceText.Headings[2]), (report.Section4, ServiceText.Headings[3]), (report.Section5, ServiceText.Headings[4])];
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
            foreach (var signer in Signer(report.Letter))
            {
                // Printed letters sign on the right, under the last columns of the table.
                Put(grid, row++, col + 5, signer);
            }
        }

        return grid;
    }

    private static List<HeaderRow> Letterhead(Letter letter, ServiceLayout layout)
    {
        var rows = new List<HeaderRow>();
        if (layout.Header == HeaderStyle.TwoColumn)
        {
            string[] motto = [Motto1, Motto2];
            for (var i = 0; i < Math.Max(letter.IssuingBody.Count, motto.Length); i++)
            {
                var left = i < letter.IssuingBody.Count ? letter.IssuingBody[i] : string.Empty;
                var right = i < motto.Length ? motto[i] : string.Empty;
                rows.Add(L2(left, layout.RightCol, right, bold: true));
            }

            rows.Add(Blank);
            rows.Add(L2("Số: " + letter.Number, layout.RightCol, letter.PlaceDate));
        }
        else
        {
            rows.AddRange(letter.IssuingBody.Select(line => L(line, bold: true)));
            rows.Add(L(Motto1, bold: true));
            rows.Add(L(Motto2, bold: true));
            rows.Add(L("Số: " + letter.Number));
            rows.Add(L(letter.PlaceDate));
        }

        rows.AddRange(letter.Subject.Select(line => L(line)));
        rows.Add(Blank);
        if (letter.Addressee is { } addressee)
        {
            rows.Add(L(addressee));
            rows.Add(Blank);
        }

        rows.AddRange(letter.Body.Select(line => L(line)));
        rows.Add(Blank);
        rows.Add(L("Nơi nhận:"));
        rows.AddRange(letter.Distribution.Select(line => L(line)));
        return rows;
    }

    private static IEnumerable<HeaderRow> Signer(Letter letter) =>
        [.. letter.SignerTitle.Select(line => L(line, bold: true)), Blank, Blank, L(letter.SignerName, bold: true)];

    private static void PutServiceRow(Grid grid, int row, int col, ServiceLayout layout, Func<ServiceColumn, CellValue?> value, CellLook extra)
    {
        for (var p = 0; p < layout.Order.Count; p++)
        {
            var column = layout.Order[p];
            var look = CellLook.Border | CellLook.Wrap | extra | (column is ServiceColumn.Entity or ServiceColumn.Note ? CellLook.None : CellLook.Center);
            grid.Put(row, col + p, value(column) ?? new TextValue(string.Empty), look);
        }
    }

    private static void Put(Grid grid, int row, int col, HeaderRow header)
    {
        foreach (var (offset, text) in header.Parts)
        {
            grid.Put(row, col + offset, text, header.Bold ? CellLook.Bold : CellLook.None);
        }
    }
}
