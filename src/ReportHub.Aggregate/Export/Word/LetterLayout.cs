using DocumentFormat.OpenXml.Wordprocessing;
using ReportHub.Aggregate.Export.Styling;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>
/// The frame of a letter in the Nghị định 30/2020 layout, shared by every Word letter ReportHub writes: the
/// borderless two-block letterhead and the "Nơi nhận" and signer blocks.
/// </summary>
internal static class LetterLayout
{
    // The letterhead blocks: the issuing body on the left, the national name (one line at 12 pt bold) on the right.
    private const int HeadLeft = 3686;
    private const int HeadRight = WordPage.TextWidth - HeadLeft;
    private const int DistributionWidth = 4253;
    private const int SignerWidth = WordPage.TextWidth - DistributionWidth;
    private const int SignatureSpace = 4;

    /// <summary>Issuing body (under its governing body), number and subject left; motto and place-date right.</summary>
    public static Table Letterhead(string? governingBody, string issuingBody, string numberLine, string subject, string placeDate)
    {
        var table = WordBlocks.Table([HeadLeft, HeadRight], bordered: false, cellMargin: 0);
        var center = JustificationValues.Center;

        var issuer = new List<Paragraph>();
        if (governingBody is not null)
        {
            issuer.Add(WordBlocks.Paragraph(new WordLine { Text = governingBody, Size = WordPage.SmallSize, Align = center }));
        }
        issuer.Add(WordBlocks.Paragraph(new WordLine { Text = issuingBody, Bold = true, Size = WordPage.SmallSize, Align = center }));
        issuer.Add(WordBlocks.Rule(inset: 1134));

        var nation = new List<Paragraph>
        {
            WordBlocks.Paragraph(new WordLine { Text = OfficialStyle.NationalName, Bold = true, Size = WordPage.SmallSize, Align = center }),
            WordBlocks.Paragraph(new WordLine { Text = OfficialStyle.NationalMotto, Bold = true, Size = WordPage.BodySize, Align = center }),
            WordBlocks.Rule(inset: 1049),
        };
        table.Append(WordBlocks.Row([WordBlocks.Cell(HeadLeft, issuer), WordBlocks.Cell(HeadRight, nation)]));

        var reference = new[]
        {
            WordBlocks.Paragraph(new WordLine { Text = numberLine, Align = center, Before = 6 }),
            WordBlocks.Paragraph(new WordLine { Text = subject, Size = WordPage.SmallSize, Align = center, Before = 3 }),
        };
        var date = new[]
        {
            WordBlocks.Paragraph(new WordLine { Text = placeDate, Italic = true, Align = center, Before = 6 }),
        };
        table.Append(WordBlocks.Row([WordBlocks.Cell(HeadLeft, reference), WordBlocks.Cell(HeadRight, date)]));
        return table;
    }

    /// <summary>"Nơi nhận" left and the signer right, borderless, as the decree places them.</summary>
    public static Table SignerBlock(IEnumerable<string> recipients, string signerTitle, string signatureNote)
    {
        var table = WordBlocks.Table([DistributionWidth, SignerWidth], bordered: false, cellMargin: 0);
        var distribution = new List<Paragraph>
        {
            WordBlocks.Paragraph(new WordLine { Text = "Nơi nhận:", Bold = true, Italic = true, Size = WordPage.SmallSize }),
        };
        distribution.AddRange(recipients.Select(r => WordBlocks.Paragraph(new WordLine { Text = r, Size = WordPage.NoteSize })));
        var signer = new List<Paragraph>
        {
            WordBlocks.Paragraph(new WordLine { Text = signerTitle, Bold = true, Align = JustificationValues.Center }),
            WordBlocks.Paragraph(new WordLine { Text = signatureNote, Italic = true, Align = JustificationValues.Center }),
        };
        signer.AddRange(Enumerable.Range(0, SignatureSpace).Select(_ => WordBlocks.Paragraph(new WordLine())));
        table.Append(WordBlocks.Row([WordBlocks.Cell(DistributionWidth, distribution), WordBlocks.Cell(SignerWidth, signer)]));
        return table;
    }
}
