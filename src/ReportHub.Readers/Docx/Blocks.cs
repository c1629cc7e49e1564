namespace ReportHub.Readers.Docx;

/// <summary>What the body of a Word document is made of, in document order, as the grid needs it.</summary>
internal abstract record Block;

/// <summary>A body paragraph with text (empty ones are not reported).</summary>
internal sealed record ParagraphBlock(string Text, string? Font) : Block;

/// <summary>A row of a top-level table. <paramref name="Table"/> and <paramref name="Row"/> are 1-based, counted in document order.</summary>
internal sealed record TableRowBlock(int Table, int Row, int GridBefore, IReadOnlyList<CellBlock> Cells) : Block;

internal enum VerticalMerge
{
    None,
    Restart,
    Continue,
}

/// <summary>
/// One w:tc: its paragraphs joined with "\n", the font of most of its text, the grid columns it spans, and how it
/// takes part in a vertical merge. <paramref name="MergedLeft"/> marks a legacy w:hMerge continuation.
/// </summary>
internal sealed record CellBlock(string Text, string? Font, int Span, VerticalMerge Merge, bool MergedLeft);
