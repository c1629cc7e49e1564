using System.Globalization;
using ReportHub.Core.Text;
using ReportHub.Testing.Appendix;

namespace ReportHub.Testing.Documents;

/// <summary>
/// A <see cref="Report"/> typed in Word as a công văn under Decree 30: the header table (issuing body | motto,
/// number | place and date, subject), "Kính gửi", the request paragraph, the signer table, then the PHỤ LỤC with one
/// Word table per section. Text and fonts follow <see cref="Report.Charset"/>: a TCVN3 letter is typed in .VnTime
/// with its capitals in .VnTimeH, a VNI letter in VNI-Times. A test can
/// name a cell the way ReportHub describes it to the sender ("Bảng 2, dòng 2, cột 3": the report's own tables are numbered, not the letterhead or signature block).
/// </summary>
public sealed class WordLetter(Report report)
{
    public const string Recipient = "Sở Thông tin và Truyền thông tỉnh Quảng Ngãi";

    public Report Report { get; } = report;

    /// <summary>Each section's heading typed as the table's first row, merged across all its columns (gridSpan).</summary>
    public bool TitleRowsInTables { get; init; }

    /// <summary>One issuing unit merged down the directive rows (vMerge) when every row has the same one.</summary>
    public bool MergeIssuingUnit { get; init; } = true;

    public IReadOnlyList<string> SignerTitle { get; init; } = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"];

    public string SignerName { get; init; } = "Nguyễn Văn Hùng";

    /// <summary>The number of the directives table in the letter (after the header and signer tables).</summary>
    public int DirectivesTable => 3;

    public int QrTable => 4;

    /// <summary>The QR table as the sender is told of it: the report's second table (the letter's own two are not counted).</summary>
    public int QrTableNamed => 2;

    /// <summary>The first data row of a section table: below the header row, and below the title row when there is one.</summary>
    public int FirstDataRow => TitleRowsInTables ? 3 : 2;

    /// <summary>How ReportHub names a cell of a QR data row (0-based index, 1-based column) to the sender.</summary>
    public string QrCell(int index, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"Bảng {QrTableNamed}, dòng {FirstDataRow + index}, cột {column}");

    public byte[] ToDocx()
    {
        var builder = new WordLetterBuilder(defaultFont: Report.FontName);
        builder.Table(t => t.Borderless()
            .Row(Lines(Report.IssuingBody, bold: true), Lines([WordLetterBuilder.Motto, WordLetterBuilder.MottoLine2], bold: true))
            .Row(Lines([Report.NumberLine ?? "Số:      /"]), Lines([Report.PlaceDateLine ?? ""]))
            .Row(Lines(["V/v báo cáo tình hình triển khai ứng dụng các giải pháp công nghệ trong phòng, chống dịch Covid-19"]), new WordCell()));
        builder.EmptyParagraph().Paragraph(Run($"Kính gửi: {Recipient}"));
        if (Report.Request is { } request)
        {
            builder.Paragraph(Run(request + " Đơn vị báo cáo theo Phụ lục đính kèm Công văn này."));
        }
        builder.Paragraph(Run("Kính đề nghị Sở Thông tin và Truyền thông tổng hợp./.")).EmptyParagraph();
        var signer = new WordCell();
        foreach (var line in SignerTitle)
        {
            signer.Paragraph(Run(line, bold: true));
        }
        signer.Paragraph("").Paragraph(Run(SignerName, bold: true));
        builder.Table(t => t.Borderless().Row(Lines(["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]), signer));

        builder.Paragraph(Run("PHỤ LỤC", bold: true)).Paragraph(Run(
            "BIỂU MẪU BÁO CÁO TÌNH HÌNH TRIỂN KHAI TUYÊN TRUYỀN VÀ ỨNG DỤNG CÔNG NGHỆ TRONG PHÒNG, CHỐNG DỊCH COVID-19", bold: true));
        Section(builder, Report.Section1Heading, Report.DirectiveHeaders, t =>
        {
            var rows = Report.Directives.Select((d, i) => new[] { Number(i + 1L), d.Content, d.Citation, d.IssuingUnit, d.Recipients }).ToList();
            var merge = MergeIssuingUnit && rows.Count > 1 && Report.Directives.All(d => d.IssuingUnit == Report.Directives[0].IssuingUnit);
            foreach (var row in rows)
            {
                t.Row([.. row.Select((text, c) => merge && c == 3 && row != rows[0] ? new WordCell() : Lines(text.Split('\n')))]);
            }
            if (merge)
            {
                t.MergeDown(cell: 4, firstRow: FirstDataRow, lastRow: FirstDataRow + rows.Count - 1);
            }
        });
        Section(builder, Report.Section2Heading, Report.QrHeaders, t =>
        {
            for (var i = 0; i < Report.QrRows.Count; i++)
            {
                var q = Report.QrRows[i];
                t.Row(Lines([Number(i + 1L)]), Lines([q.Entity]), Lines([Number(q.Codes)]), Lines([Number(q.Scans)]), Lines([q.Note ?? ""]));
            }
            if (Report.TotalRow is { } total)
            {
                t.Row(new WordCell(), Lines([total.Entity], bold: true), Lines([Number(total.Codes)], bold: true), Lines([Number(total.Scans)], bold: true), new WordCell());
            }
        });
        builder.Paragraph(Run("3. Công tác kiểm tra, giám sát triển khai", bold: true))
            .Paragraph(Run("- Thường xuyên kiểm tra việc quét mã QR tại các địa điểm công cộng."))
            .Paragraph(Run("4. Một số kết quả triển khai, kinh nghiệm.", bold: true))
            .Paragraph(Run("- Người dân đã quen với việc quét mã QR khi đến các địa điểm."))
            .Paragraph(Run("5. Kiến nghị, đề xuất.", bold: true))
            .Paragraph(Run("- Không có."));
        return builder.ToBytes();
    }

    private void Section(WordLetterBuilder builder, string heading, string?[] headers, Action<WordTableBuilder> rows)
    {
        if (!TitleRowsInTables)
        {
            builder.Paragraph(Run(heading, bold: true));
        }
        builder.Table(t =>
        {
            if (TitleRowsInTables)
            {
                t.Row(Lines([heading], bold: true).Span(headers.Length));
            }
            t.Row([.. headers.Select(h => Lines([h ?? ""], bold: true))]);
            rows(t);
        });
    }

    private WordRun Run(string text, bool bold = false) => new(Report.Text(text), Report.FontFor(text), bold);

    private WordCell Lines(IEnumerable<string> lines, bool bold = false)
    {
        var cell = new WordCell();
        foreach (var line in lines)
        {
            cell.Paragraph(Run(line, bold));
        }
        return cell;
    }

    private static string Number(object? value) => value switch
    {
        null => "",
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
