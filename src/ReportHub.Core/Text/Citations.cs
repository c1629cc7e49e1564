using System.Text;
using System.Text.RegularExpressions;
using ReportHub.Core.Domain;

namespace ReportHub.Core.Text;

/// <summary>Vietnamese document citations: "780/SCT-VP ngày 07/05/2021", "Số: 914 /VP-HCTC", "Số: /SKHCN-VP", "09-CT/TU".</summary>
public static partial class Citations
{
    // How far after a citation its "ngày …" may start; further away a date belongs to something else.
    private const int DateWindow = 48;

    /// <summary>Parses the first citation in the text; the date is the one that follows it ("ngày 07/05/2021").</summary>
    public static bool TryParse(string? text, out Citation citation)
    {
        var first = Scan(text).FirstOrDefault();
        citation = first!;
        return first is not null;
    }

    /// <summary>Every citation in running text, e.g. "Công văn số 1406/STTTT-BCVT&amp;CNTT ngày 26/10/2021".</summary>
    public static IReadOnlyList<Citation> FindAll(string? text) => Scan(text).ToList();

    /// <summary>The parts of a symbol split at '-', '/' and '&amp;': "STTTT-BCVT&amp;CNTT" → STTTT, BCVT, CNTT.</summary>
    public static IReadOnlyList<string> SymbolParts(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return symbol.Split(['-', '/', '&', '\u2013', '\u2010'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Two references name the same document when number and symbol agree, ignoring case, spaces and Đ/D.</summary>
    public static bool SameDocument(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return DocumentKey(a) == DocumentKey(b);
    }

    /// <summary>
    /// "NUMBER/SYMBOL" reduced for comparison: folded (case, Đ→D, diacritics), spaces and the number's leading
    /// zeros dropped, the date ignored. Text that holds no citation is folded as a whole.
    /// </summary>
    private static string DocumentKey(string reference)
    {
        if (TryParse(reference, out var citation))
        {
            var number = citation.Number?.TrimStart('0') ?? string.Empty;
            return number + "/" + VietnameseText.Fold(citation.Symbol).Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        return VietnameseText.Fold(reference).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static IEnumerable<Citation> Scan(string? text)
    {
        var clean = VietnameseText.Clean(DigitFolding.Fold(text).Text);
        if (clean.Length == 0)
        {
            yield break;
        }

        foreach (Match match in CitationPattern().Matches(clean))
        {
            string? number;
            string symbol;
            var separator = '/';
            if (match.Groups["party"].Success)
            {
                // Party documents put the number before a dash: "09-CT/TU" is number 09, symbol CT/TU.
                number = match.Groups["pnum"].Value;
                symbol = match.Groups["party"].Value;
                separator = '-';
            }
            else
            {
                number = match.Groups["num"].Success ? match.Groups["num"].Value : null;
                symbol = match.Groups["sym"].Value;
            }

            // "07/05/2021" and "24/24" have the shape of a citation; a real symbol always has a letter.
            if (!symbol.Any(char.IsLetter))
            {
                continue;
            }

            yield return new Citation
            {
                Number = number,
                Symbol = UnifyDashes(symbol),
                Date = DateAfter(clean, match.Index + match.Length),
                Separator = separator,
            };
        }
    }

    private static DateOnly? DateAfter(string text, int start)
    {
        var window = text.Substring(start, Math.Min(DateWindow, text.Length - start));
        var match = FollowingDate().Match(window);
        if (!match.Success)
        {
            return null;
        }

        return VietnameseDates.TryParseDate(match.Groups["date"].Value, out var date) ? date : null;
    }

    private static string UnifyDashes(string symbol)
    {
        var sb = new StringBuilder(symbol);
        sb.Replace('\u2013', '-').Replace('\u2010', '-');
        return sb.ToString();
    }

    private const string SymbolText = @"[\p{L}0-9][\p{L}\p{M}0-9]*(?:[-\u2013\u2010/&][\p{L}\p{M}0-9]+)*";

    // Three shapes, tried at each position:
    //   party:  09-CT/TU        (number, dash, a symbol that contains a slash)
    //   num:    914 /VP-HCTC    (spaces around the slash tolerated)
    //   blank:  Số: …/SKHCN-VP  (number left blank for the clerk; only after the "Số" label or at the start)
    [GeneratedRegex(
        @"(?<![\p{L}\p{M}0-9/&\-])(?:" +
        @"(?<pnum>[0-9]+)-(?<party>\p{L}[\p{L}\p{M}0-9]*(?:[-\u2013\u2010&][\p{L}\p{M}0-9]+)*/[\p{L}\p{M}0-9]+(?:[-\u2013\u2010/&][\p{L}\p{M}0-9]+)*)" +
        @"|(?<num>[0-9]+)[ \t]*/[ \t]*(?<sym>" + SymbolText + ")" +
        @"|(?<=(?:^|\bsố)[ \t]*:?[ \t.…_]*)/[ \t]*(?<sym>" + SymbolText + "))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitationPattern();

    [GeneratedRegex(
        @"^[ \t]*[,;(]?[ \t]*(?:ban hành[ \t]+)?(?:ngày|ngay)[ \t]*(?<date>[0-9]{1,2}[ \t]*(?:[/.-]|tháng|thang)[ \t]*[0-9]{1,2}[ \t]*(?:[/.-]|năm|nam)[ \t]*[0-9]{4})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowingDate();
}
