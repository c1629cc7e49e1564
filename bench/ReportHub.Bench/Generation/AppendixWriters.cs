using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace ReportHub.Bench.Generation;

/// <summary>Writes an <see cref="Appendix"/> as a file a sender could have saved.</summary>
internal static class AppendixWriters
{
    private static readonly DateTimeOffset FixedTime = new(2021, 10, 28, 8, 0, 0, TimeSpan.Zero);

    public static byte[] Write(Appendix appendix, string format) => format switch
    {
        "xlsx" => Xlsx(appendix),
        "csv" => Csv(appendix),
        _ => throw new ArgumentException($"format {format} is not generated (xlsx, csv)"),
    };

    /// <summary>An Excel workbook as ClosedXML saves it: shared strings, styles, widths, wrapped text.</summary>
    public static byte[] Xlsx(Appendix appendix)
    {
        using var wb = new XLWorkbook();
        wb.Properties.Author = "ReportHub.Bench";
        wb.Properties.Created = FixedTime.DateTime;
        wb.Properties.Modified = FixedTime.DateTime;
        var ws = wb.Worksheets.Add("Báo cáo");
        for (var r = 0; r < appendix.Rows.Count; r++)
        {
            var row = appendix.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case null:
                        break;
                    case long n:
                        var numberCell = ws.Cell(r + 1, c + 1);
                        numberCell.Value = n;
                        if (appendix.Thousands.Contains((r, c)))
                        {
                            numberCell.Style.NumberFormat.Format = "#,##0";
                        }
                        break;
                    case string s:
                        var textCell = ws.Cell(r + 1, c + 1);
                        textCell.Value = s;
                        textCell.DataType = XLDataType.Text;
                        if (s.Contains('\n', StringComparison.Ordinal))
                        {
                            textCell.Style.Alignment.WrapText = true;
                        }
                        break;
                    default:
                        throw new InvalidOperationException("unexpected cell value");
                }
            }
        }
        foreach (var (r, c) in appendix.Bold)
        {
            ws.Cell(r + 1, c + 1).Style.Font.Bold = true;
        }
        double[] widths = [6, 48, 24, 24, 36];
        var offset = appendix.Width - widths.Length;
        for (var c = 0; c < widths.Length; c++)
        {
            ws.Column(offset + c + 1).Width = widths[c];
        }
        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        return Reproducible(raw.ToArray());
    }

    /// <summary>CSV UTF-8 with BOM and commas, as Excel's "CSV UTF-8" writes it.</summary>
    public static byte[] Csv(Appendix appendix)
    {
        var sb = new StringBuilder(appendix.Rows.Count * 64);
        foreach (var row in appendix.Rows)
        {
            for (var c = 0; c < appendix.Width; c++)
            {
                if (c > 0)
                {
                    sb.Append(',');
                }
                switch (c < row.Length ? row[c] : null)
                {
                    case long n:
                        sb.Append(n);
                        break;
                    case string s when s.AsSpan().IndexOfAny(",\"\n\r") >= 0:
                        sb.Append('"').Append(s.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                        break;
                    case string s:
                        sb.Append(s);
                        break;
                }
            }
            sb.Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>Re-zips with fixed timestamps so the same seed gives the same bytes.</summary>
    private static byte[] Reproducible(byte[] zip)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
