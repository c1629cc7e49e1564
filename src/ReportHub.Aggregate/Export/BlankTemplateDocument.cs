using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Aggregate.Export.Styling;
using ReportHub.Aggregate.Export.Word;
using ReportHub.Core.Domain;
using ReportHub.Core.Templates;

namespace ReportHub.Aggregate.Export;

/// <summary>
/// The Word twin of <see cref="BlankTemplateWorkbook"/>: a letter in the Nghị định 30/2020 layout for one unit and
/// round, with PHỤ LỤC and its empty tables laid out from the <see cref="TemplateDefinition"/>, for departments that
/// answer with a Word letter. Like the seed, the signature closes the letter before the appendix: after section 5 it
/// would read as section-5 text.
/// </summary>
public static class BlankTemplateDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int MinimumColumn = 680;

    public static void Write(Stream output, TemplateDefinition template, Unit unit, Unit? province, Round round)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(round);

        var content = new List<OpenXmlElement>();
        content.AddRange(Letter(template, unit, province, round));
        content.AddRange(Labels(template, unit, round));
        content.AddRange(Appendix(template));
        WordPackage.Save(output, content);
    }

    private static IEnumerable<OpenXmlElement> Letter(TemplateDefinition template, Unit unit, Unit? province, Round round)
    {
        yield return Letterhead(template, unit, province, round);
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = OfficialLetter.Recipient(province, round), Align = JustificationValues.Center, Before = 12, After = 12,
        });

        var report = $"{unit.Name.Trim()} báo cáo tình hình triển khai theo Phụ lục đính kèm Công văn này.";
        // The citation opens its own sentence, exactly as the round records it: the parser finds the round by it.
        var body = OfficialLetter.RequestCitation(round) is { } citation ? $"{citation}; {report}" : report;
        yield return WordBlocks.Paragraph(new WordLine { Text = body, Align = JustificationValues.Both, Indent = true, After = 6 });
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = $"Kính đề nghị {OfficialLetter.Requester(round)} tổng hợp./.", Align = JustificationValues.Both, Indent = true, After = 12,
        });
        yield return SignerBlock(unit);
    }

    private static Table Letterhead(TemplateDefinition template, Unit unit, Unit? province, Round round) =>
        LetterLayout.Letterhead(OfficialLetter.GoverningBody(province), OfficialLetter.IssuingBody(unit, province),
            OfficialLetter.NumberLine, OfficialLetter.Subject(template), OfficialLetter.PlaceDate(province, round));

    private static Table SignerBlock(Unit unit) =>
        LetterLayout.SignerBlock(["- Như trên;", "- Lưu: VT."], OfficialLetter.SignerTitleOf(unit), OfficialLetter.SignatureNote);

    /// <summary>
    /// "Mã đơn vị: 51.SCT" as one paragraph each: label and value in one line read back the same whether a reader
    /// keeps a paragraph as one cell or splits at the colon.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Labels(TemplateDefinition template, Unit unit, Round round)
    {
        var labels = OfficialLetter.Labels(template, unit, round);
        var first = true;
        foreach (var (label, value) in labels)
        {
            var line = new WordLine { Before = first ? 12 : 0, KeepNext = true };
            first = false;
            yield return WordBlocks.Paragraph(line,
            [
                WordBlocks.Run(label + ": ", bold: true),
                WordBlocks.Run(value, bold: true, fill: WordPage.LockedFill),
            ]);
        }
        var names = string.Join(", ", labels.Select(l => l.Label.ToLowerInvariant()));
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = $"(Không sửa {names}: ReportHub dùng các thông tin này để nhận biết đơn vị và đợt báo cáo.)",
            Italic = true,
            Size = WordPage.NoteSize,
        });
    }

    private static IEnumerable<OpenXmlElement> Appendix(TemplateDefinition template)
    {
        var center = JustificationValues.Center;
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = template.AppendixHeading, Bold = true, Size = WordPage.MottoSize, Align = center, PageBreakBefore = true, KeepNext = true,
        });
        yield return WordBlocks.Paragraph(new WordLine
        {
            Text = template.Title, Bold = true, Align = center, After = 12, KeepNext = true,
        });

        foreach (var section in template.Sections)
        {
            yield return WordBlocks.Paragraph(new WordLine
            {
                Text = $"{section.Number}. {section.Heading}", Bold = true, Align = JustificationValues.Both, Before = 12, After = 6, KeepNext = true,
                Indent = true,
            });
            if (section.Table is { } table)
            {
                yield return WordFormTable.Build(table, WordPage.ScaleWidths(table.Columns.Select(c => c.Width).ToList(), WordPage.TextWidth, MinimumColumn),
                    BlankTemplateWorkbook.BlankTableRows(template));
            }
            else
            {
                for (var i = 0; i < BlankTemplateWorkbook.BlankNarrativeRows; i++)
                {
                    yield return WordBlocks.WritingLine();
                }
            }
        }
    }
}
