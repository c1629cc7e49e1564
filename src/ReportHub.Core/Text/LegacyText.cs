using System.Text;

namespace ReportHub.Core.Text;

public enum LegacyCharset
{
    Unicode,
    Tcvn3,
    Vni,
}

/// <summary>Conversion of TCVN3 (ABC) and VNI text, as typed with .VnTime or VNI-Times fonts, to Unicode NFC.</summary>
public static class LegacyText
{
    /// <summary>The charset a font implies: .VnTime, .VnArial, .VnTimeH … are TCVN3; VNI-Times, VNI-Helve … are VNI.</summary>
    public static LegacyCharset CharsetOfFont(string? fontName)
    {
        var name = fontName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return LegacyCharset.Unicode;
        }

        if (name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase))
        {
            return LegacyCharset.Tcvn3;
        }

        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI_", StringComparison.OrdinalIgnoreCase))
        {
            return LegacyCharset.Vni;
        }

        return LegacyCharset.Unicode;
    }

    /// <summary>Guesses the charset from the characters alone, for text with no font (CSV) or a Unicode font.</summary>
    public static LegacyCharset DetectByContent(string text) => LegacySignature.Detect(text);

    public static string ToUnicode(string text, LegacyCharset charset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var converted = charset switch
        {
            LegacyCharset.Tcvn3 => LegacyTables.DecodeTcvn3(text),
            LegacyCharset.Vni => LegacyTables.DecodeVni(text),
            _ => text,
        };
        return VietnameseText.ToNfc(converted);
    }

    /// <summary>Font first, content signature second; returns NFC text and the charset that was applied.</summary>
    public static string Repair(string text, string? fontName, out LegacyCharset applied)
    {
        ArgumentNullException.ThrowIfNull(text);
        applied = CharsetOfFont(fontName);
        if (applied == LegacyCharset.Unicode && System.Text.Ascii.IsValid(text))
        {
            // Legacy encodings differ from Unicode only above ASCII: plain ASCII with no legacy font is what it says.
            return text;
        }

        // A legacy font name often survives a conversion to Unicode (the cell keeps ".VnTime" but holds "Sở").
        // Converting such text again would garble it, so real Unicode Vietnamese letters overrule the font.
        if (applied != LegacyCharset.Unicode && LegacySignature.HasUnicodeVietnamese(text))
        {
            applied = LegacyCharset.Unicode;
        }
        else if (applied == LegacyCharset.Unicode)
        {
            applied = DetectByContent(text);
        }

        var result = ToUnicode(text, applied);

        // The ".VnTimeH" family draws the lowercase TCVN3 codes as capitals, so what the reader saw is upper case.
        // Without the font, a line whose plain letters are all capitals was typed in that family too.
        if (applied == LegacyCharset.Tcvn3 && (IsTcvn3UppercaseFont(fontName) || IsCapitalLine(text)))
        {
            result = result.ToUpperInvariant();
        }

        return result;
    }

    /// <summary>
    /// Unicode text written in a legacy charset, e.g. for test fixtures or generated samples. TCVN3 (VN3) has no codes
    /// for capital letters with a tone mark; they are written with the lowercase code, as typists did with the
    /// ".VnTimeH" fonts, so only <see cref="Repair"/> with such a font brings their case back.
    /// </summary>
    /// <summary>
    /// The charset of a whole sheet's font-less text (a CSV): single cells are often too short to tell, but a sheet
    /// whose cells mostly carry one legacy signature was typed in it throughout.
    /// </summary>
    /// <summary>Cells weighed by <see cref="DetectForSheet"/>: a sheet typed in one charset shows it long before this.</summary>
    public const int SheetSample = 20_000;

    public static LegacyCharset DetectForSheet(IEnumerable<string> texts)
    {
        int tcvn3 = 0, vni = 0, unicode = 0;
        // Only text that could be either way counts towards the sample: numbers and plain ASCII say nothing.
        foreach (var text in texts.Where(t => !System.Text.Ascii.IsValid(t)).Take(SheetSample))
        {
            if (LegacySignature.HasUnicodeVietnamese(text))
            {
                unicode++;
                continue;
            }
            switch (LegacySignature.Detect(text))
            {
                case LegacyCharset.Tcvn3:
                    tcvn3++;
                    break;
                case LegacyCharset.Vni:
                    vni++;
                    break;
            }
        }
        if (tcvn3 >= 3 && tcvn3 > 2 * vni && tcvn3 > unicode)
        {
            return LegacyCharset.Tcvn3;
        }
        return vni >= 3 && vni > 2 * tcvn3 && vni > unicode ? LegacyCharset.Vni : LegacyCharset.Unicode;
    }

    private static bool IsCapitalLine(string text)
    {
        var ascii = 0;
        foreach (var ch in text)
        {
            if (char.IsAsciiLetter(ch))
            {
                if (char.IsAsciiLetterLower(ch))
                {
                    return false;
                }
                ascii++;
            }
        }
        return ascii >= 3;
    }

    public static string FromUnicode(string text, LegacyCharset charset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = VietnameseText.ToNfc(text);
        return charset switch
        {
            LegacyCharset.Tcvn3 => LegacyTables.EncodeTcvn3(nfc),
            LegacyCharset.Vni => LegacyTables.EncodeVni(nfc),
            _ => nfc,
        };
    }

    /// <summary>True for the TCVN3 capital-letter fonts (.VnTimeH, .VnArialH, .VnArial NarrowH …).</summary>
    public static bool IsTcvn3UppercaseFont(string? fontName)
    {
        var name = fontName?.Trim();
        if (string.IsNullOrEmpty(name) || CharsetOfFont(name) != LegacyCharset.Tcvn3)
        {
            return false;
        }

        // Style words are sometimes appended to the family name ("VnTimeH Bold"); the H belongs to the family.
        var family = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = family.Length;
        while (last > 1 && family[last - 1] is "Bold" or "Italic" or "Regular" or "bold" or "italic")
        {
            last--;
        }

        return family[last - 1].EndsWith('H');
    }
}

/// <summary>The TCVN3 and VNI code charts, written out from the published tables.</summary>
internal static class LegacyTables
{
    /// <summary>The twelve vowels, each with the tones none, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).</summary>
    internal const string Vowels =
        "aàảãáạ" + "ăằẳẵắặ" + "âầẩẫấậ" + "eèẻẽéẹ" + "êềểễếệ" + "iìỉĩíị" +
        "oòỏõóọ" + "ôồổỗốộ" + "ơờởỡớợ" + "uùủũúụ" + "ưừửữứự" + "yỳỷỹýỵ";

    /// <summary>TCVN3 (TCVN 5712:1993, VN3) code of each entry of <see cref="Vowels"/>, same order.</summary>
    private const string Tcvn3Vowels =
        "a\u00B5\u00B6\u00B7\u00B8\u00B9" +
        "\u00A8\u00BB\u00BC\u00BD\u00BE\u00C6" +
        "\u00A9\u00C7\u00C8\u00C9\u00CA\u00CB" +
        "e\u00CC\u00CE\u00CF\u00D0\u00D1" +
        "\u00AA\u00D2\u00D3\u00D4\u00D5\u00D6" +
        "i\u00D7\u00D8\u00DC\u00DD\u00DE" +
        "o\u00DF\u00E1\u00E2\u00E3\u00E4" +
        "\u00AB\u00E5\u00E6\u00E7\u00E8\u00E9" +
        "\u00AC\u00EA\u00EB\u00EC\u00ED\u00EE" +
        "u\u00EF\u00F1\u00F2\u00F3\u00F4" +
        "\u00AD\u00F5\u00F6\u00F7\u00F8\u00F9" +
        "y\u00FA\u00FB\u00FC\u00FD\u00FE";

    /// <summary>TCVN3 codes outside the vowel table: đ and the seven capitals that VN3 does encode.</summary>
    private static readonly (char Code, char Letter)[] Tcvn3Others =
    [
        ('\u00AE', 'đ'), ('\u00A1', 'Ă'), ('\u00A2', 'Â'), ('\u00A3', 'Ê'),
        ('\u00A4', 'Ô'), ('\u00A5', 'Ơ'), ('\u00A6', 'Ư'), ('\u00A7', 'Đ'),
    ];

    private static readonly char[] Tcvn3Decode = BuildTcvn3Decode();
    private static readonly Dictionary<char, char> Tcvn3Encode = BuildTcvn3Encode();
    private static readonly Dictionary<char, string> VniEncode = BuildVniEncode();
    private static readonly Dictionary<string, char> VniDecode = BuildVniDecode();

    /// <summary>True for a code that TCVN3 assigns to a Vietnamese letter (not ASCII).</summary>
    internal static bool IsTcvn3Letter(char c) => c is >= '\u00A0' and <= '\u00FF' && Tcvn3Decode[c] != c;

    internal static string DecodeTcvn3(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < Tcvn3Decode.Length)
            {
                chars[i] = Tcvn3Decode[chars[i]];
            }
        }

        return new string(chars);
    }

    internal static string EncodeTcvn3(string nfc)
    {
        var sb = new StringBuilder(nfc.Length);
        foreach (var c in nfc)
        {
            sb.Append(Tcvn3Encode.TryGetValue(c, out var code) ? code : c);
        }

        return sb.ToString();
    }

    internal static string DecodeVni(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // VNI writes a letter as a base plus a following accent character; take the longest sequence first.
            if (i + 1 < text.Length && VniDecode.TryGetValue(text.Substring(i, 2), out var pair))
            {
                sb.Append(pair);
                i++;
            }
            else if (VniDecode.TryGetValue(text[i].ToString(), out var single))
            {
                sb.Append(single);
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    internal static string EncodeVni(string nfc)
    {
        var sb = new StringBuilder(nfc.Length + 8);
        foreach (var c in nfc)
        {
            if (VniEncode.TryGetValue(c, out var code))
            {
                sb.Append(code);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static char[] BuildTcvn3Decode()
    {
        var table = new char[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        for (var i = 0; i < Vowels.Length; i++)
        {
            table[Tcvn3Vowels[i]] = Vowels[i];
        }

        foreach (var (code, letter) in Tcvn3Others)
        {
            table[code] = letter;
        }

        return table;
    }

    private static Dictionary<char, char> BuildTcvn3Encode()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Vowels.Length; i++)
        {
            if (Tcvn3Vowels[i] >= '\u0080')
            {
                map[Vowels[i]] = Tcvn3Vowels[i];
            }
        }

        foreach (var (code, letter) in Tcvn3Others)
        {
            map[letter] = code;
        }

        // Capitals with no VN3 code take the lowercase code (the .VnTimeH convention), see LegacyText.FromUnicode.
        for (var i = 0; i < Vowels.Length; i++)
        {
            var upper = char.ToUpperInvariant(Vowels[i]);
            if (upper != Vowels[i] && upper >= '\u0080' && !map.ContainsKey(upper))
            {
                map[upper] = Tcvn3Vowels[i];
            }
        }

        return map;
    }

    // VNI accent characters, in the tone order of Vowels (index 0, no tone, is empty).
    private const string VniToneLower = "\0\u00F8\u00FB\u00F5\u00F9\u00EF";      // ø û õ ù ï
    private const string VniToneUpper = "\0\u00D8\u00DB\u00D5\u00D9\u00CF";      // Ø Û Õ Ù Ï
    private const string VniCircumflexLower = "\u00E2\u00E0\u00E5\u00E3\u00E1\u00E4"; // â à å ã á ä
    private const string VniCircumflexUpper = "\u00C2\u00C0\u00C5\u00C3\u00C1\u00C4"; // Â À Å Ã Á Ä
    private const string VniBreveLower = "\u00EA\u00E8\u00FA\u00FC\u00E9\u00EB";      // ê è ú ü é ë
    private const string VniBreveUpper = "\u00CA\u00C8\u00DA\u00DC\u00C9\u00CB";      // Ê È Ú Ü É Ë
    private const string VniILower = "i\u00EC\u00E6\u00F3\u00ED\u00F2";               // i ì æ ó í ò
    private const string VniIUpper = "I\u00CC\u00C6\u00D3\u00CD\u00D2";               // I Ì Æ Ó Í Ò

    /// <summary>The VNI spelling of vowel group <paramref name="group"/> (index into Vowels / 6) with tone <paramref name="tone"/>.</summary>
    private static string VniSpelling(int group, int tone, bool upper)
    {
        string Tone(string baseLetters) =>
            tone == 0 ? baseLetters : baseLetters + (upper ? VniToneUpper : VniToneLower)[tone];

        return group switch
        {
            0 => Tone(upper ? "A" : "a"),
            1 => (upper ? "A" : "a") + (upper ? VniBreveUpper : VniBreveLower)[tone],
            2 => (upper ? "A" : "a") + (upper ? VniCircumflexUpper : VniCircumflexLower)[tone],
            3 => Tone(upper ? "E" : "e"),
            4 => (upper ? "E" : "e") + (upper ? VniCircumflexUpper : VniCircumflexLower)[tone],
            5 => (upper ? VniIUpper : VniILower)[tone].ToString(),
            6 => Tone(upper ? "O" : "o"),
            7 => (upper ? "O" : "o") + (upper ? VniCircumflexUpper : VniCircumflexLower)[tone],
            8 => Tone(upper ? "\u00D4" : "\u00F4"),   // ơ is written ô
            9 => Tone(upper ? "U" : "u"),
            10 => Tone(upper ? "\u00D6" : "\u00F6"),  // ư is written ö
            11 when tone == 5 => upper ? "\u00CE" : "\u00EE", // ỵ is the single character î
            11 => Tone(upper ? "Y" : "y"),
            _ => throw new ArgumentOutOfRangeException(nameof(group)),
        };
    }

    private static Dictionary<char, string> BuildVniEncode()
    {
        var map = new Dictionary<char, string>();
        for (var i = 0; i < Vowels.Length; i++)
        {
            var lower = Vowels[i];
            var upper = char.ToUpperInvariant(lower);
            var lowerCode = VniSpelling(i / 6, i % 6, upper: false);
            var upperCode = VniSpelling(i / 6, i % 6, upper: true);
            if (lowerCode != lower.ToString())
            {
                map[lower] = lowerCode;
            }

            if (upperCode != upper.ToString())
            {
                map[upper] = upperCode;
            }
        }

        map['đ'] = "\u00F1";
        map['Đ'] = "\u00D1";
        return map;
    }

    private static Dictionary<string, char> BuildVniDecode()
    {
        var map = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var (letter, code) in VniEncode)
        {
            map[code] = letter;
        }

        // Text re-cased after typing (caps lock, PROPER()) mixes a capital base with a small accent or the reverse;
        // the letter keeps the case of its base.
        foreach (var (letter, code) in VniEncode.ToArray())
        {
            if (code.Length != 2)
            {
                continue;
            }

            var accent = code[1];
            var other = char.IsUpper(accent) ? char.ToLowerInvariant(accent) : char.ToUpperInvariant(accent);
            map.TryAdd(code[0].ToString() + other, letter);
        }

        return map;
    }
}
