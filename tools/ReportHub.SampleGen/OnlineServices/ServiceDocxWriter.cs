using System.Globalization;
using ReportHub.Testing.Documents;

namespace ReportHub.SampleGen.OnlineServices;

/// <summary>
/// Writes a <see cref="ServiceReport"/> as a Decree 30 Word letter: the borderless header table, "Kính gửi", the body,
/// the signer block, then the PHỤ LỤC with its two Word tables and the narrative sections. In Word every figure is
/// text, typed the Vietnamese way ("6.215").
/// </summary>
public static class ServiceDocxWriter
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static void Write(ServiceReport report, string path)
    {
        var letter = report.Letter;
        var layout = report.Layout;
        var subject = string.Join(' ', letter.Subject);
        var word = new WordLetterBuilder()
            .Header(letter.IssuingBody, letter.Number, letter.PlaceDate, subject.StartsWith("V/v ", StringComparison.Ordinal) ? subject[4..] : subject);
        if (letter.Addressee is { } addressee)
        {
            word.Paragraph(addressee);
        }

        foreach (var line in letter.Body)
        {
            word.Paragraph(line);
        }

        word.SignerBlock(letter.Distribution, letter.SignerTitle, letter.SignerName)
            .Appendix(ServiceText.Title)
            .Heading(ServiceText.Period)
            .Paragraph(ServiceText.Headings[0], bold: true)
            .Table(t =>
            {
                t.Row([.. ServiceText.DirectiveHeaders.Select(h => WordCell.Of(h, bold: true))]);
                var number = 1;
                foreach (var d in report.Directives)
                {
                    t.Row(WordCell.Of((number++).ToString(CultureInfo.InvariantCulture)), WordCell.Of(d.Content), WordCell.Of(Text(d.Citation)),
                        WordCell.Of(d.Issuer), WordCell.Of(d.Recipients));
                }
            })
            .Paragraph(ServiceText.Headings[1], bold: true)
            .Table(t =>
            {
                t.Row([.. layout.Order.Select(c => WordCell.Of(layout.Headers.GetValueOrDefault(c, ServiceText.Header(c)), bold: true))]);
                var number = 1;
                foreach (var r in report.Rows)
                {
                    var ordinal = number++;
                    t.Row([.. layout.Order.Select(c => WordCell.Of(c switch
                    {
                        ServiceColumn.Ordinal => ordinal.ToString(CultureInfo.InvariantCulture),
                        ServiceColumn.Entity => r.Entity,
                        ServiceColumn.Note => r.Note,
                        _ => r.Value(c).ToString("#,##0", Vi),
                    }))]);
                }

                if (layout.TotalLabel is { } label)
                {
                    t.Row([.. layout.Order.Select(c => WordCell.Of(c switch
                    {
                        ServiceColumn.Entity => label,
                        ServiceColumn.Ordinal or ServiceColumn.Note => null,
                        _ => report.Sum(c).ToString("#,##0", Vi),
                    }, bold: true))]);
                }
            });

        (IReadOnlyList<string> Lines, string Heading)[] texts =
            [(report.Section3, ServiceText.Headings[2]), (report.Section4, ServiceText.Headings[3]), (report.Section5, ServiceText.Headings[4])];
        foreach (var (lines, heading) in texts)
        {
            word.Paragraph(heading, bold: true);
            foreach (var line in lines)
            {
                word.Paragraph(line);
            }
        }

        File.WriteAllBytes(path, word.ToBytes());
        ReproducibleZip.Normalize(path);
    }

    private static string Text(CellValue value) => value switch
    {
        TextValue t => t.Text,
        DateValue d => d.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        NumberValue n => n.Value.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
