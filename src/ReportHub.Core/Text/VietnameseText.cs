using System.Text;

namespace ReportHub.Core.Text;

/// <summary>Clean-up and folding of Vietnamese text. Pure functions, no I/O.</summary>
public static class VietnameseText
{
    /// <summary>
    /// <see cref="Safe"/>, then trims; collapses every run of whitespace (tabs, NBSP, line breaks) to one space; drops control characters
    /// (<see cref="IsControl"/>). Keeps U+00AD.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsClean(text))
        {
            return text;
        }

        var nfc = ToNfc(StripUnsafe(text, formatBreaksAsSpaces: true));
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc)
        {
            if (IsSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (IsControl(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Safe"/>, then keeps line breaks (normalised to \n); trims each line, drops control characters and blank lines at both ends.
    /// </summary>
    public static string CleanMultiline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (IsClean(text))
        {
            return text;
        }

        var nfc = ToNfc(StripUnsafe(text, formatBreaksAsSpaces: true));
        var lines = new List<string>();
        var line = new StringBuilder();
        for (var i = 0; i < nfc.Length; i++)
        {
            var c = nfc[i];
            if (IsLineBreak(c))
            {
                // \r\n is one break, not two.
                if (c == '\r' && i + 1 < nfc.Length && nfc[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(Clean(line.ToString()));
                line.Clear();
                continue;
            }

            line.Append(c);
        }

        lines.Add(Clean(line.ToString()));

        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return string.Empty;
        }

        var last = lines.FindLastIndex(l => l.Length > 0);
        return string.Join('\n', lines.GetRange(first, last - first + 1));
    }

    /// <summary>
    /// The one cleaner every text passes before it is stored or written to a file: drops C0 controls other than tab,
    /// line feed and carriage return, DEL, noncharacters (U+FDD0–U+FDEF and
    /// every U+xFFFE/U+xFFFF), lone surrogates and the bidi embeddings, overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069), then makes the text NFC. Whitespace is otherwise kept as it came; C1 controls stay (see
    /// <see cref="IsControl"/>).
    /// </summary>
    /// <remarks>
    /// The order matters: <see cref="string.Normalize()"/> throws on a lone surrogate or U+FFFE/U+FFFF, XML (xlsx,
    /// docx) cannot carry a control character or a noncharacter, and PostgreSQL refuses NUL (22021). A bidi override
    /// can make a title read differently from what it is.
    /// </remarks>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        return ToNfc(StripUnsafe(text, formatBreaksAsSpaces: false));
    }

    /// <summary>True when <see cref="Safe"/> would drop or change the character <paramref name="text"/>[<paramref name="index"/>].</summary>
    private static bool IsUnsafeAt(string text, int index, out bool pair)
    {
        pair = false;
        var c = text[index];
        if (c < ' ')
        {
            return c is not ('\t' or '\n' or '\r');
        }
        if (c == '\u007F')
        {
            return true;
        }
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                pair = true;
                var codePoint = char.ConvertToUtf32(c, text[index + 1]);
                return (codePoint & 0xFFFE) == 0xFFFE;
            }
            return true;
        }
        return char.IsLowSurrogate(c) || IsUnsafeBmp(c);
    }

    private static bool IsUnsafeBmp(char c) =>
        c is (>= '\uFDD0' and <= '\uFDEF') or '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>A cheap first look: false means the character is certainly kept by <see cref="Safe"/>.</summary>
    private static bool MayBeUnsafe(char c) => char.IsSurrogate(c) || IsUnsafeBmp(c);

    /// <param name="formatBreaksAsSpaces">
    /// Vertical tab and form feed separate words in the cells they come from: <see cref="Clean"/> keeps them as spaces to
    /// collapse; <see cref="Safe"/>, which collapses nothing, drops them.
    /// </param>
    private static string StripUnsafe(string text, bool formatBreaksAsSpaces)
    {
        var first = 0;
        while (first < text.Length && !IsUnsafeAt(text, first, out var pair))
        {
            first += pair ? 2 : 1;
        }
        if (first >= text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (IsUnsafeAt(text, i, out var pair))
            {
                if (formatBreaksAsSpaces && text[i] is '\v' or '\f')
                {
                    sb.Append(' ');
                }
                else if (pair)
                {
                    i++;
                }
                continue;
            }
            sb.Append(text[i]);
            if (pair)
            {
                sb.Append(text[++i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A key for tolerant comparison: Clean, lower case, tone marks and diacritics removed, đ→d,
    /// dashes unified, trailing punctuation (. : ; , /) removed. "Uỷ ban" and "Ủy ban" fold alike.
    /// </summary>
    public static string Fold(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return string.Empty;
        }

        string decomposed;
        try
        {
            decomposed = clean.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; fold what we have rather than fail.
            decomposed = clean;
        }

        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            // Dropping every combining mark makes the old (hoà, Uỷ) and new (hòa, Ủy) tone placement equal.
            if (c is >= '\u0300' and <= '\u036F')
            {
                continue;
            }

            var mapped = c switch
            {
                'đ' or 'Đ' => 'd',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            };

            if (mapped == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            sb.Append(mapped);
        }

        var end = sb.Length;
        while (end > 0 && sb[end - 1] is '.' or ':' or ';' or ',' or '/' or ' ')
        {
            end--;
        }

        return sb.ToString(0, end);
    }

    /// <summary>The text without control characters (<see cref="IsControl"/>); the same string when it has none.</summary>
    public static string StripControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = 0;
        while (first < text.Length && !IsControl(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first + 1; i < text.Length; i++)
        {
            if (!IsControl(text[i]))
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// C0 controls other than tab, line feed, carriage return, vertical tab and form feed (which count as spaces), and
    /// DEL. They are invisible in Excel, mean nothing in a report, and NUL is refused outright by PostgreSQL (22021).
    /// C1 controls stay: legacy TCVN3/VNI text decoded byte for byte may use that range for letters.
    /// </summary>
    public static bool IsControl(char c) => c is (< ' ' and not ('\t' or '\n' or '\r' or '\v' or '\f')) or '\u007F';

    /// <summary>
    /// The whitespace this project collapses. U+00AD (soft hyphen) is deliberately absent: in TCVN3 text it is the letter ư.
    /// </summary>
    internal static bool IsSpace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\r' or '\v' or '\f' => true,
        '\u00A0' or '\u0085' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200B' => true,
        _ => false,
    };

    /// <summary>
    /// Nearly every cell is already clean; saying so in one pass spares it the builders and lists of a full clean,
    /// which for a sheet of a million cells is most of the time spent on text.
    /// </summary>
    private static bool IsClean(string text)
    {
        var ascii = true;
        var previousSpace = true;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }
                previousSpace = true;
                continue;
            }
            if (c < ' ' || c == '\u007F' || (c > '\u007F' && (IsSpace(c) || MayBeUnsafe(c))))
            {
                return false;
            }
            previousSpace = false;
            ascii &= c <= '\u007F';
        }
        if (previousSpace)
        {
            return false;
        }
        try
        {
            return ascii || IsSurelyNfc(text) || text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the text is certainly NFC without asking ICU: nothing below U+0300 and nothing in Latin Extended
    /// Additional (the precomposed Vietnamese letters) composes or decomposes. False means "ask ICU", not "not NFC".
    /// </summary>
    public static bool IsSurelyNfc(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    internal static string ToNfc(string text)
    {
        try
        {
            return IsSurelyNfc(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16 (a lone surrogate) cannot be normalised; keep the text as it came.
            return text;
        }
    }
}
