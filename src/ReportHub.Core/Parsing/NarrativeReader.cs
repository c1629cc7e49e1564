using ReportHub.Core.Domain;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

/// <summary>Reads a free-text section: every line until the next section or the signature block.</summary>
public static class NarrativeReader
{
    /// <returns>The section, and the first row that ended it early (a signature block), if any.</returns>
    public static (NarrativeSection Section, int? StoppedAt) Read(SheetGrid grid, SectionDefinition section, GridCell heading,
        int endRow, TemplateDefinition template)
    {
        var lines = new List<string>();
        // "5. Kiến nghị, đề xuất: Không có" keeps its text on the heading line.
        var inline = HeaderLines.AfterColon(heading.Text);
        if (inline.Length > 0)
        {
            lines.Add(inline);
        }
        int? stopped = null;
        foreach (var rowNumber in grid.RowNumbers.Where(r => r > heading.Row && r < endRow))
        {
            var text = string.Join(' ', grid.Row(rowNumber).Select(c => c.Text)).Trim();
            var folded = VietnameseText.Fold(text);
            if (HeaderLines.IsDistribution(folded) || HeaderLines.IsSignerTitle(folded) || HeaderLines.IsNumberLine(folded))
            {
                stopped = rowNumber;
                break;
            }
            if (text.Length > 0)
            {
                lines.Add(text);
            }
        }
        var emptyMarkers = template.EmptyMarkers.Select(MatchKey.Of).ToHashSet();
        var isEmpty = lines.All(l => emptyMarkers.Contains(MatchKey.Of(l)));
        return (new NarrativeSection
        {
            Key = section.Key,
            Heading = $"{section.Number}. {section.Heading}",
            Text = string.Join('\n', lines),
            IsEmpty = isEmpty,
        }, stopped);
    }
}
