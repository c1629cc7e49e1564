using System.Text.RegularExpressions;
using ReportHub.Core.Templates;
using ReportHub.Core.Text;

namespace ReportHub.Core.Parsing;

public sealed record SectionHit(SectionDefinition Section, GridCell Cell);

/// <summary>Finds section headings ("2. Kết quả tạo, quản lý mã QR…") anywhere on the sheet.</summary>
public static partial class SectionLocator
{
    [GeneratedRegex(@"^\s*(?<n>[0-9]{1,2}|[ivx]{1,4})\s*[\.\):]\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"^\s*([0-9]{1,2}|[IVXivx]{1,4})\s*[\.\):]")]
    private static partial Regex RawNumbered();

    /// <summary>A section's heading and keywords, folded once rather than once per row.</summary>
    private sealed record SectionKeys(SectionDefinition Section, string Heading, IReadOnlyList<string> Keywords, int DecomposedLength)
    {
        public static SectionKeys Of(SectionDefinition s) =>
            new(s, MatchKey.Of(s.Heading), s.Keywords.Select(MatchKey.Of).ToList(), s.Heading.Normalize(System.Text.NormalizationForm.FormD).Length);

        /// <summary>Could a line of this length be the unnumbered heading, written composed or decomposed?</summary>
        public bool LengthFits(int length) => length >= Section.Heading.Length - 12 && length <= DecomposedLength + 12;
    }

    public static IReadOnlyList<SectionHit> Locate(SheetGrid grid, TemplateDefinition template, CancellationToken cancellationToken = default)
    {
        var keys = template.Sections.Select(SectionKeys.Of).ToList();
        var digitHeading = keys.Any(k => k.Heading.Length > 0 && char.IsAsciiDigit(k.Heading[0]));
        var hits = new List<SectionHit>();
        Span<char> headBuffer = stackalloc char[HeadChars];
        var index = 0;
        var seen = 0;
        foreach (var rowNumber in grid.RowNumbers)
        {
            if ((++seen & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var row = grid.Row(rowNumber);
            if (row.Count == 0 || row.Count > 4)
            {
                continue;
            }
            var length = row.Count - 1;
            for (var i = 0; i < row.Count; i++)
            {
                length += row[i].Text.Length;
            }
            if (length > 220)
            {
                continue;
            }
            // Most rows are data: only a numbered line, or one as long as a heading, is worth folding. A data row that
            // opens with its ordinal ("12 Chợ xã…") is not numbered like a heading, and its key would open with a
            // digit, which no unnumbered heading's key does. These checks look at the row's first characters and its
            // length only, so a data row costs no joined string.
            var head = headBuffer[..Head(row, headBuffer)];
            if (!RawNumbered().IsMatch(head) && (!AnyLengthFits(keys, length) || (OpensWithDigit(row) && !digitHeading)))
            {
                continue;
            }
            var joined = VietnameseText.Fold(string.Join(' ', row.Select(c => c.Text)));
            // Sections come in template order; a later heading may be missing, so try every section ahead of us.
            for (var s = index; s < template.Sections.Count; s++)
            {
                if (Matches(joined, keys[s]))
                {
                    hits.Add(new SectionHit(template.Sections[s], row[0]));
                    index = s + 1;
                    break;
                }
            }
        }
        return hits;
    }

    private static bool Matches(string folded, SectionKeys keys)
    {
        var section = keys.Section;
        var match = NumberedHeading().Match(folded);
        if (match.Success)
        {
            var number = match.Groups["n"].Value;
            if (number != section.Number && RomanToArabic(number) != section.Number)
            {
                return false;
            }
            var rest = MatchKey.Of(match.Groups["rest"].Value);
            return keys.Keywords.Any(k => rest.Contains(k, StringComparison.Ordinal))
                || rest.StartsWith(keys.Heading, StringComparison.Ordinal);
        }
        // Unnumbered: only the full heading, so a narrative line that mentions "kiểm tra" is not taken for one.
        return folded.Length >= keys.Heading.Length && MatchKey.Of(folded) == keys.Heading;
    }

    /// <summary>Whether the first letter or digit of the line is an ASCII digit.</summary>
    /// <summary>More than a numbered heading's prefix ("IV. ", "12) ") can span, cells joined by spaces as in the row's text.</summary>
    private const int HeadChars = 24;

    private static int Head(IReadOnlyList<GridCell> row, Span<char> head)
    {
        var length = 0;
        for (var i = 0; i < row.Count && length < head.Length; i++)
        {
            if (i > 0)
            {
                head[length++] = ' ';
            }
            var text = row[i].Text.AsSpan();
            var take = Math.Min(text.Length, head.Length - length);
            text[..take].CopyTo(head[length..]);
            length += take;
        }
        return length;
    }

    private static bool AnyLengthFits(List<SectionKeys> keys, int length)
    {
        foreach (var key in keys)
        {
            if (key.LengthFits(length))
            {
                return true;
            }
        }
        return false;
    }

    private static bool OpensWithDigit(IReadOnlyList<GridCell> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            foreach (var c in row[i].Text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return char.IsAsciiDigit(c);
                }
            }
        }
        return false;
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
