using DocumentFormat.OpenXml;

namespace ReportHub.Testing.Documents;

public enum WordMerge
{
    None,
    /// <summary>The top cell of a vertical merge (w:vMerge w:val="restart").</summary>
    Restart,
    /// <summary>A cell under the top one (w:vMerge with no value); Word shows the top cell's text across both.</summary>
    Continue,
}

/// <summary>One table cell: its paragraphs (each a list of runs), how many grid columns it spans, its vertical merge.</summary>
public sealed class WordCell
{
    private readonly List<IReadOnlyList<WordRun>> _paragraphs = [];
    private readonly List<OpenXmlElement> _extra = [];

    public IReadOnlyList<IReadOnlyList<WordRun>> Paragraphs => _paragraphs;

    /// <summary>Block elements written after the paragraphs: a nested table, a content control.</summary>
    public IReadOnlyList<OpenXmlElement> Extra => _extra;

    public int GridSpan { get; private set; } = 1;

    public WordMerge Merge { get; private set; }

    /// <summary>A cell whose text is split into one paragraph per line, all in <paramref name="font"/>.</summary>
    public static WordCell Of(string? text, string? font = null, bool bold = false)
    {
        var cell = new WordCell();
        if (!string.IsNullOrEmpty(text))
        {
            foreach (var line in text.Split('\n'))
            {
                cell.Paragraph(new WordRun(line, font, bold));
            }
        }
        return cell;
    }

    public WordCell Paragraph(string text, string? font = null, bool bold = false) => Paragraph(new WordRun(text, font, bold));

    public WordCell Paragraph(params WordRun[] runs)
    {
        _paragraphs.Add(runs);
        return this;
    }

    public WordCell Span(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        GridSpan = columns;
        return this;
    }

    public WordCell Merged(WordMerge merge)
    {
        Merge = merge;
        return this;
    }

    public WordCell Append(OpenXmlElement element)
    {
        _extra.Add(element);
        return this;
    }

    public static implicit operator WordCell(string? text) => Of(text);
}
