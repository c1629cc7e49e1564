namespace ReportHub.Core.Text;

/// <summary>
/// Guesses whether text holds TCVN3 or VNI codes shown as Latin-1 characters. Each charset leaves tell-tale
/// shapes: TCVN3 puts one odd character where the vowel is ("Së", "C«ng", "Th­¬ng"); VNI puts an accent
/// character right after a plain vowel ("Sôû", "Coâng", "ñoàng"). Characters that Unicode Vietnamese itself
/// uses (à, ô, é …) count only as supporting evidence, so plain Unicode text never flips on its own.
/// </summary>
internal static class LegacySignature
{
    private const int Threshold = 3;
    private const int StrongMinimum = 2;

    internal static LegacyCharset Detect(string text)
    {
        if (string.IsNullOrEmpty(text) || HasUnicodeVietnamese(text))
        {
            return LegacyCharset.Unicode;
        }

        int tcvnStrong = 0, tcvnWeak = 0, vniStrong = 0, vniWeak = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00A0')
            {
                continue;
            }

            var prev = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';

            // VNI: an accent character after a vowel it can sit on.
            var pair = VniPairStrength(prev, c);
            if (pair > 0)
            {
                if (pair == 2)
                {
                    vniStrong += 2;
                }
                else
                {
                    vniWeak += 1;
                }

                continue;
            }

            // VNI đ starts a syllable ("ñoàng"); TCVN3 ủ follows a consonant ("cña").
            if (c is '\u00F1' or '\u00D1' && !IsLetterLike(prev) && IsVowelLike(next))
            {
                vniStrong += 2;
                continue;
            }

            // VNI ư/ơ (ö, ô) carry their accent or the ơ of ươ right after them.
            if (c is '\u00F6' or '\u00D6' or '\u00F4' or '\u00D4' && (IsVniAccent(next) || (c is '\u00F6' or '\u00D6' && next is '\u00F4' or '\u00D4')))
            {
                if (c is '\u00F6' or '\u00D6')
                {
                    vniStrong += 2;
                }

                continue;
            }

            if (!LegacyTables.IsTcvn3Letter(c))
            {
                continue;
            }

            if (IsTcvn3Only(c))
            {
                // ¸ µ ­ ¬ … never occur in Vietnamese Unicode text; next to a letter they are letters.
                if (IsLetterLike(prev) || IsLetterLike(next))
                {
                    tcvnStrong += 2;
                }
            }
            else if (IsTcvn3Symbolic(c))
            {
                // © « ® · » are ordinary symbols too; only inside a word ("C«ng", "nh©n") are they letters.
                // ® is đ, which starts a syllable ("®Õn"), so a letter after it is enough.
                if (c == '\u00AE' ? IsLetterLike(next) : IsLetterLike(prev) && IsLetterLike(next))
                {
                    tcvnStrong += 2;
                }
            }
            else if (IsAsciiLetter(prev))
            {
                // A Latin-1 letter after a plain letter is the TCVN3 vowel slot ("Tæng", "kiÕn"). Letters that
                // Unicode Vietnamese uses (é in "bé") only support other evidence, unless a capital follows a small
                // letter mid-word, which Unicode text does not do.
                // A diaeresis after a vowel is European spelling ("Noël", "naïve"), so it is weak evidence too.
                var europeanDiaeresis = IsDiaeresis(c) && "aeiouyAEIOUY".Contains(prev, StringComparison.Ordinal);
                if ((IsUnusedByVietnamese(c) && !europeanDiaeresis) || (char.IsUpper(c) && char.IsLower(prev)))
                {
                    tcvnStrong += 2;
                }
                else
                {
                    tcvnWeak += 1;
                }
            }
        }

        var tcvn = tcvnStrong + tcvnWeak;
        var vni = vniStrong + vniWeak;
        if (tcvnStrong >= StrongMinimum && tcvn >= Threshold && tcvn > vni)
        {
            return LegacyCharset.Tcvn3;
        }

        if (vniStrong >= StrongMinimum && vni >= Threshold && vni > tcvn)
        {
            return LegacyCharset.Vni;
        }

        return LegacyCharset.Unicode;
    }

    /// <summary>Letters or marks that only Unicode Vietnamese has (ă, đ, ơ, ư, ạ…ỹ, combining tones).</summary>
    internal static bool HasUnicodeVietnamese(string text)
    {
        foreach (var c in text)
        {
            if (c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
                or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0'
                or (>= '\u1EA0' and <= '\u1EF9')
                or '\u0300' or '\u0301' or '\u0302' or '\u0303' or '\u0306' or '\u0309' or '\u031B' or '\u0323')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>2 for an accent that Unicode Vietnamese never writes after a vowel, 1 for one it might ("hoà", "quân"), 0 for no pair.</summary>
    private static int VniPairStrength(char vowel, char accent)
    {
        // Mixed case (capital vowel, small accent) is how TCVN3 "Uû" looks, and rarely VNI; do not count it.
        var upperVowel = vowel is 'A' or 'E' or 'O' or 'U' or 'Y' or '\u00D4' or '\u00D6';
        var lowerVowel = vowel is 'a' or 'e' or 'o' or 'u' or 'y' or '\u00F4' or '\u00F6';
        if (!upperVowel && !lowerVowel)
        {
            return 0;
        }

        var a = char.ToLowerInvariant(accent);
        if ((upperVowel && accent == a && char.IsLetter(accent)) || (lowerVowel && accent != a))
        {
            return 0;
        }

        var v = char.ToLowerInvariant(vowel);
        var tone = a is '\u00F8' or '\u00F9' or '\u00FB' or '\u00F5' or '\u00EF';
        var circumflex = a is '\u00E2' or '\u00E0' or '\u00E5' or '\u00E3' or '\u00E1' or '\u00E4';
        var breve = a is '\u00EA' or '\u00E8' or '\u00FA' or '\u00FC' or '\u00E9' or '\u00EB';
        var valid = tone || (circumflex && v is 'a' or 'e' or 'o') || (breve && v == 'a');
        if (!valid)
        {
            return 0;
        }

        // Unicode Vietnamese writes a Latin-1 vowel after o or u in "hoà", "khoé", "quá", "quân", "quê"; any
        // other pair is VNI's.
        var plausibleUnicode = (v == 'o' && a is '\u00E0' or '\u00E1' or '\u00E3' or '\u00E8' or '\u00E9')
            || (v == 'u' && a is '\u00E0' or '\u00E1' or '\u00E3' or '\u00E2' or '\u00EA');
        return plausibleUnicode ? 1 : 2;
    }

    private static bool IsVniAccent(char c) =>
        char.ToLowerInvariant(c) is '\u00F8' or '\u00F9' or '\u00FB' or '\u00F5' or '\u00EF';

    /// <summary>TCVN3 codes in A1–BE that are letters there and not characters Vietnamese Unicode text uses.</summary>
    private static bool IsTcvn3Only(char c) => c is (>= '\u00A1' and <= '\u00A8') or '\u00AA' or '\u00AC' or '\u00AD'
        or '\u00B5' or '\u00B6' or '\u00B8' or '\u00B9' or '\u00BC' or '\u00BD' or '\u00BE';

    private static bool IsTcvn3Symbolic(char c) => c is '\u00A9' or '\u00AB' or '\u00AE' or '\u00B7' or '\u00BB';

    /// <summary>Latin-1 letters that no Vietnamese word contains (ä, ë, ï, ø, æ …).</summary>
    private static bool IsUnusedByVietnamese(char c) => c switch
    {
        'À' or 'Á' or 'Â' or 'Ã' or 'È' or 'É' or 'Ê' or 'Ì' or 'Í' or 'Ò' or 'Ó' or 'Ô' or 'Õ' or 'Ù' or 'Ú' or 'Ý' => false,
        'à' or 'á' or 'â' or 'ã' or 'è' or 'é' or 'ê' or 'ì' or 'í' or 'ò' or 'ó' or 'ô' or 'õ' or 'ù' or 'ú' or 'ý' => false,
        _ => true,
    };

    private static bool IsDiaeresis(char c) => char.ToLowerInvariant(c) is '\u00E4' or '\u00EB' or '\u00EF' or '\u00F6' or '\u00FC';

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsLetterLike(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') || LegacyTables.IsTcvn3Letter(c);

    private static bool IsVowelLike(char c) =>
        "aeiouAEIOU\u00F4\u00D4\u00F6\u00D6\u00EC\u00ED\u00E6\u00F3\u00F2".IndexOf(c, StringComparison.Ordinal) >= 0;
}
