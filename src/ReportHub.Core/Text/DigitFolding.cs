using System.Globalization;
using System.Text;

namespace ReportHub.Core.Text;

/// <param name="Text">The text with fullwidth digits and signs folded to ASCII and invisible format characters dropped.</param>
/// <param name="Dropped">The invisible characters dropped, named for a message ("U+200E"), or null when none were.</param>
/// <param name="Foreign">The first digit of another script (Arabic-Indic, Devanagari…), or null when there is none.</param>
public readonly record struct DigitFold(string Text, string? Dropped, char? Foreign)
{
    public bool HasForeignDigits => Foreign is not null;
}

/// <summary>
/// The one place where the digits of a cell are made ASCII before any number, date or citation is read from it, so that
/// the patterns (which match [0-9] only) and the parsers (which read ASCII only) agree. An IME left in fullwidth mode
/// types "１.５４１"; text pasted from a right-to-left document or a web page carries direction marks and zero-width
/// spaces that Excel does not show. Digits of other scripts are not silently read: a reviewer could not check them.
/// </summary>
public static class DigitFolding
{
    /// <summary>Folds <paramref name="text"/>; the same string comes back when it is ASCII, which nearly every cell is.</summary>
    public static DigitFold Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new DigitFold(string.Empty, null, null);
        }

        var first = 0;
        while (first < text.Length && !NeedsFolding(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return new DigitFold(text, null, null);
        }

        var sb = new StringBuilder(text.Length).Append(text, 0, first);
        List<string>? dropped = null;
        char? foreign = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uFF10' and <= '\uFF19')
            {
                sb.Append((char)('0' + (c - '\uFF10')));
                continue;
            }
            switch (c)
            {
                case '\uFF0C': sb.Append(','); continue;
                case '\uFF0E': sb.Append('.'); continue;
                case '\uFF05': sb.Append('%'); continue;
                case '\uFF0B': sb.Append('+'); continue;
                case '\uFF0D': sb.Append('-'); continue;
            }
            if (IsInvisible(c))
            {
                var name = $"U+{(int)c:X4}";
                dropped ??= [];
                if (!dropped.Contains(name))
                {
                    dropped.Add(name);
                }
                continue;
            }
            if (c > '\u007F' && char.IsDigit(c))
            {
                foreign ??= c;
            }
            sb.Append(c);
        }

        return new DigitFold(sb.ToString(), dropped is null ? null : string.Join(", ", dropped), foreign);
    }

    /// <summary>True when <paramref name="text"/> holds a decimal digit of a script other than ASCII and fullwidth.</summary>
    public static bool HasForeignDigits(string? text) => !string.IsNullOrEmpty(text) && Fold(text).HasForeignDigits;

    /// <summary>
    /// Direction marks and embeddings (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width space, joiners and
    /// word joiner (U+200B–U+200D, U+2060) and the byte-order mark (U+FEFF): nothing a reader sees, all of it breaks a number.
    /// </summary>
    public static bool IsInvisible(char c) => c switch
    {
        >= '\u200B' and <= '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2060' and <= '\u2064' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\uFEFF' => true,
        _ => false,
    };

    /// <summary>The script of a foreign digit as a reader would name it, for the message.</summary>
    public static string ScriptName(char digit) => digit switch
    {
        >= '\u0660' and <= '\u0669' => "Ả Rập – Ấn Độ",
        >= '\u06F0' and <= '\u06F9' => "Ba Tư",
        >= '\u0966' and <= '\u096F' => "Devanagari",
        >= '\u09E6' and <= '\u09EF' => "Bengal",
        >= '\u0E50' and <= '\u0E59' => "Thái",
        >= '\u17E0' and <= '\u17E9' => "Khmer",
        >= '\u0ED0' and <= '\u0ED9' => "Lào",
        >= '\u1040' and <= '\u1049' => "Myanmar",
        _ => $"U+{(int)digit:X4}",
    };

    /// <summary>The value (0–9) of <paramref name="digit"/> in its own script, to show what the cell seems to say.</summary>
    public static int DigitValue(char digit) => (int)char.GetNumericValue(digit);

    /// <summary>The text with every decimal digit of any script shown as its ASCII value: a hint in a message only.</summary>
    public static string AsAsciiHint(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsDigit(c) ? (char)('0' + DigitValue(c)) : c);
        }
        return sb.ToString();
    }

    private static bool NeedsFolding(char c) => c > '\u007F'
        && ((c is >= '\uFF05' and <= '\uFF19') || IsInvisible(c) || char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber);
}
