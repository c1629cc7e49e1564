using System.Text.RegularExpressions;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

public sealed record SectionHit(SectionDefinition Section, GridCell Cell);

/// <summary>Finds section headings ("2. Kết quả tạo, quản lý mã QR…") anywhere on the sheet.</summary>
public static partial class SectionLocator
{
    [GeneratedRegex(@"^\s*(?<n>\d{1,2}|[ivx]{1,4})\s*[\.\):]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberedHeading();

    public static IReadOnlyList<SectionHit> Locate(SheetGrid grid, TemplateDefinition template)
    {
        var hits = new List<SectionHit>();
        var index = 0;
        foreach (var rowNumber in grid.RowNumbers)
        {
            var row = grid.Row(rowNumber);
            if (row.Count == 0 || row.Count > 4)
            {
                continue;
            }
            var joined = VietnameseText.Fold(string.Join(' ', row.Select(c => c.Text)));
            if (joined.Length > 220)
            {
                continue;
            }
            // Sections come in template order; a later heading may be missing, so try every section ahead of us.
            for (var s = index; s < template.Sections.Count; s++)
            {
                if (Matches(joined, template.Sections[s]))
                {
                    hits.Add(new SectionHit(template.Sections[s], row[0]));
                    index = s + 1;
                    break;
                }
            }
        }
        return hits;
    }

    public static bool Matches(string folded, SectionDefinition section)
    {
        var match = NumberedHeading().Match(folded);
        if (match.Success)
        {
            var number = match.Groups["n"].Value;
            if (number != section.Number && RomanToArabic(number) != section.Number)
            {
                return false;
            }
            var rest = MatchKey.Of(match.Groups["rest"].Value);
            return section.Keywords.Any(k => rest.Contains(MatchKey.Of(k), StringComparison.Ordinal))
                || rest.StartsWith(MatchKey.Of(section.Heading), StringComparison.Ordinal);
        }
        // Unnumbered: only the full heading, so a narrative line that mentions "kiểm tra" is not taken for one.
        return MatchKey.Of(folded) == MatchKey.Of(section.Heading);
    }

    private static string RomanToArabic(string roman) => roman switch
    {
        "i" => "1",
        "ii" => "2",
        "iii" => "3",
        "iv" => "4",
        "v" => "5",
        "vi" => "6",
        "vii" => "7",
        "viii" => "8",
        "ix" => "9",
        "x" => "10",
        _ => "",
    };
}
