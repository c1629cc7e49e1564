using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportHub.Aggregate.Export.Word;

/// <summary>How one paragraph of a Word letter looks. Sizes are points, as the decree states them.</summary>
internal sealed record WordLine
{
    public string Text { get; init; } = string.Empty;
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public double Size { get; init; } = WordPage.BodySize;
    public JustificationValues Align { get; init; } = JustificationValues.Left;
    public double Before { get; init; }
    public double After { get; init; }

    /// <summary>The decree's 1–1.27 cm first-line indent of body paragraphs.</summary>
    public bool Indent { get; init; }

    public bool KeepNext { get; init; }
    public bool PageBreakBefore { get; init; }
}
