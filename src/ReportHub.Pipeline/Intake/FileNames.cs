using System.Globalization;
using System.Text;

namespace ReportHub.Pipeline.Intake;

/// <summary>
/// A file name as a submitter or client gave it, made safe to store and show. It is never used as a path: the
/// archive and quarantine name files by their hash.
/// </summary>
public static class FileNames
{
    /// <summary>Longer names are cut (keeping the extension); 255 is what common file systems allow.</summary>
    public const int MaxLength = 255;

    public const string Unnamed = "(không tên)";

    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Unnamed;
        }
        // Only the last segment, whichever separator the client's system used.
        var last = name[(name.AsSpan().LastIndexOfAny('/', '\\') + 1)..];
        var text = new StringBuilder(Math.Min(last.Length, MaxLength + 16));
        foreach (var rune in last.EnumerateRunes())
        {
            // Control and format characters (NUL, newlines, bidi overrides) break logs, headers and some databases.
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            text.Append(rune.ToString());
            if (text.Length > MaxLength * 4)
            {
                break;
            }
        }
        var clean = text.ToString().Trim().Normalize(NormalizationForm.FormC);
        if (clean.Length == 0 || clean is "." or "..")
        {
            return Unnamed;
        }
        return clean.Length <= MaxLength ? clean : Shorten(clean);
    }

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }
        var keep = MaxLength - extension.Length - 1;
        // Never cut a surrogate pair in half.
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return name[..keep] + "…" + extension;
    }
}
