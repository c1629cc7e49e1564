using System.Globalization;
using System.Text;
using ReportHub.Core.Text;

namespace ReportHub.Pipeline.Intake.Archives;

/// <summary>What an entry's path in a .zip is, once decoded: a file to read, litter to skip, or a path to refuse.</summary>
public enum EntryPathKind
{
    File,

    /// <summary>A folder, or what Mac and Windows leave behind (__MACOSX, .DS_Store, Thumbs.db, desktop.ini).</summary>
    Skipped,

    /// <summary>Absolute, with a drive letter or a stream name, or climbing out with "..".</summary>
    Unsafe,
}

/// <summary>
/// Entry names as the person who made the archive wrote them. A name is UTF-8 when the entry's language-encoding flag
/// says so (System.IO.Compression honours the flag whatever encoding it is given); without the flag it is whatever the
/// zipping program's code page was: UTF-8 from Linux and macOS tools, Windows-1258 from Explorer on Vietnamese
/// Windows (its OEM code page), CP437 from Explorer elsewhere. The raw bytes of such a name are recovered by reading
/// the directory a second time as Latin-1, which maps each byte to one character.
/// </summary>
public static class EntryNames
{
    static EntryNames() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] SkippedNames = [".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db"];

    /// <param name="asDefault">The name as read with no encoding given: correct when flagged UTF-8 or plain ASCII.</param>
    /// <param name="asLatin1">The same entry's name read as Latin-1: its raw bytes when the entry is not flagged UTF-8.</param>
    public static string Decode(string asDefault, string asLatin1)
    {
        ArgumentNullException.ThrowIfNull(asDefault);
        ArgumentNullException.ThrowIfNull(asLatin1);
        // Equal only when the flag made both readings UTF-8, or when every byte is ASCII.
        if (asDefault == asLatin1 || asLatin1.Any(c => c > 0xFF))
        {
            return asDefault.Normalize(NormalizationForm.FormC);
        }
        return Legacy(Encoding.Latin1.GetBytes(asLatin1));
    }

    /// <summary>A name written without the UTF-8 flag, from its raw bytes.</summary>
    public static string Legacy(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            return StrictUtf8.GetString(raw).Normalize(NormalizationForm.FormC);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: one of the two single-byte code pages zips from Windows carry.
        }
        var vietnamese = Cp1258.Decode(raw);
        var dos = Encoding.GetEncoding(437).GetString(raw).Normalize(NormalizationForm.FormC);
        return Score(dos) > Score(vietnamese) ? dos : vietnamese;
    }

    /// <summary>How much a decoding reads like a name: Latin letters with diacritics count for it, symbols against.</summary>
    private static int Score(string name)
    {
        var score = 0;
        foreach (var c in name)
        {
            if (c < 0x80)
            {
                continue;
            }
            var latinLetter = char.IsLetter(c) && (c is >= '\u00C0' and <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF');
            score += latinLetter ? 2 : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? -1 : -3;
        }
        return score;
    }

    /// <summary>A path inside an archive as shown to people: each segment cleaned as a stored file name is, ".." kept.</summary>
    public static string Label(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('/', path.Split('/').Select(s => s is "" or "." or ".." ? s : FileNames.Clean(s)));
    }

    /// <summary>Decides what an entry's path is; <paramref name="path"/> is it with forward slashes.</summary>
    public static EntryPathKind Classify(string fullName, out string path)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        path = fullName.Replace('\\', '/');
        if (path.Length == 0 || path.EndsWith('/'))
        {
            return EntryPathKind.Skipped;
        }
        // A drive (C:), a stream (báo-cáo.xlsx:x), a root (/etc) or a share (//server): nothing a report's path needs.
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            return EntryPathKind.Unsafe;
        }
        var segments = path.Split('/');
        if (segments.Any(s => s == ".."))
        {
            return EntryPathKind.Unsafe;
        }
        var last = segments[^1];
        if (segments.Any(s => s.Equals("__MACOSX", StringComparison.OrdinalIgnoreCase))
            || last.StartsWith("._", StringComparison.Ordinal)
            || SkippedNames.Any(n => last.Equals(n, StringComparison.OrdinalIgnoreCase)))
        {
            return EntryPathKind.Skipped;
        }
        return EntryPathKind.File;
    }
}
